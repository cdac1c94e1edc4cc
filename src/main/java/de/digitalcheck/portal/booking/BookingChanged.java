package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A booked appointment was moved or cancelled; published inside the change's transaction (the leads module adds it
 * to the trail of the lead the booking made). {@code by} is the name of the coach or staff member who changed it,
 * null when the company did. Carries no contact data, no token and no message.
 */
public record BookingChanged(String bookingId, String agencyId, Change change, Instant previousStart,
                             @Nullable Instant start, @Nullable String by, Instant at) {

    /** What happened to the appointment. */
    public enum Change {
        MOVED, CANCELLED
    }
}
