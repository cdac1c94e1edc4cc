package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The outcome of an appointment was recorded or changed; published inside the outcome's transaction (the leads
 * module appends it to the lead's audit trail). Carries no contact data.
 */
public record AppointmentOutcomeRecorded(String bookingId, String agencyId, String coachId, Instant start,
                                         AppointmentOutcome.Attendance attendance, boolean followUp,
                                         @Nullable String programmeId, @Nullable String note, String actorId,
                                         String actorName, Instant at, boolean changed) {
}
