package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.i18n.Language;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Appointments as other modules look them up without a company's token: a lead's appointments by id (the agency's
 * lead page), and the bookings made with consent (the leads module's repair of a lead that could not be made in the
 * booking's transaction).
 */
@Singleton
public class Appointments {

    private final AppointmentRows rows;
    private final Bookings bookings;
    private final AppointmentTypeRows types;

    Appointments(AppointmentRows rows, Bookings bookings, AppointmentTypeRows types) {
        this.rows = rows;
        this.bookings = bookings;
        this.types = types;
    }

    /**
     * The name of an appointment type in this language, also of one no longer offered (a lead's trail names the kind
     * of an appointment booked long ago); empty for an unknown id.
     */
    public Optional<String> typeName(String typeId, Language language) {
        return types.findById(typeId).map(AppointmentTypeRow::type).map(t -> t.name(language));
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
