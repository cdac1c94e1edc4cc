package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What came of an appointment, recorded after its start by its coach or the agency's staff.
 *
 * @param programmeId the funding programme recommended (e.g. {@code innoscheck-ruhr}); null: none
 */
public record AppointmentOutcome(String bookingId, Attendance attendance, boolean followUp,
                                 @Nullable String programmeId, @Nullable String note, String recordedBy,
                                 Instant recordedAt, int version) {

    /** Whether the company came. */
    public enum Attendance { HELD, NO_SHOW }

    public static final String NONE = "NONE";
    public static final String PROGRAMME = "PROGRAMME";
}
