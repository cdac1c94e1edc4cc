package de.digitalcheck.portal.booking;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Appointments as other modules look them up without a company's token: a lead's appointments by id (the agency's
 * lead page), and the bookings made with consent (the leads module's repair of a lead that could not be made in the
 * booking's transaction).
 */
@Singleton
public class Appointments {

    private final AppointmentRows rows;
    private final Bookings bookings;

    Appointments(AppointmentRows rows, Bookings bookings) {
        this.rows = rows;
        this.bookings = bookings;
    }

    /** The bookings with these ids (unknown ids left out), earliest first. */
    public List<Booking> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows.findByIdIn(ids).stream().sorted(Comparator.comparing(BookingRow::startAt))
            .map(bookings::view).toList();
    }

    /** The bookings made with the consent to share, from {@code from} to {@code to}, as their {@link BookingMade}. */
    public List<BookingMade> consentedBetween(Instant from, Instant to) {
        return rows.consentedBetween(from, to).stream().map(BookingMade::of).toList();
    }
}
