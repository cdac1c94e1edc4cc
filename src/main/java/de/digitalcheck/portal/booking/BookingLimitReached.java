package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.validation.FieldError;

/**
 * A booking refused because its contact address has had {@link #limit()} new bookings today (Europe/Berlin): nothing
 * stored, nothing mailed. The API answers 429 with {@code Retry-After} (the start of the next day), the booking form
 * names the limit at its email field.
 */
public class BookingLimitReached extends RuntimeException {

    /** The message key of the limit, with the limit as its argument. */
    public static final String KEY = "error.booking.perAddress";

    private final int limit;

    BookingLimitReached(int limit) {
        super("bookings per contact address and day: " + limit, null, false, false);
        this.limit = limit;
    }

    /** How many new bookings an address may have a day. */
    public int limit() {
        return limit;
    }

    /** The refusal at the contact's email field, as the form shows it. */
    public FieldError error() {
        return FieldError.of("contact.email", KEY, limit);
    }
}
