package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code appointment_outcome}: what came of an appointment (one per booking, changeable). */
@MappedEntity("appointment_outcome")
record OutcomeRow(@Id String bookingId, String agencyId, String coachId, Instant startAt, String attendance,
                  boolean followUp, String recommendation, @Nullable String programmeId, @Nullable String note,
                  String recordedBy, Instant recordedAt, int version) {
}
