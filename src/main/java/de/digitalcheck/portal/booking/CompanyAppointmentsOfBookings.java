package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.CompanyAppointments;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** A company's appointments for "Mein Unternehmen": only those booked with its contact email. */
@Singleton
class CompanyAppointmentsOfBookings implements CompanyAppointments {

    private final AppointmentRows rows;
    private final Bookings bookings;
    private final Clock clock;

    CompanyAppointmentsOfBookings(AppointmentRows rows, Bookings bookings, Clock clock) {
        this.rows = rows;
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CompanyAppointment> ofContact(String email, Language language) {
        Instant now = clock.instant();
        return rows.ofContact(email).stream().map(bookings::view).map(b -> new CompanyAppointment(b.id(), b.start(),
            b.end(), b.coachName(), b.type().name(language), b.mode().name(), b.status() == Booking.Status.CANCELLED,
            b.status() == Booking.Status.CONFIRMED && b.start().isAfter(now))).toList();
    }

    /** One conditional update: the address, the state and the time are checked where the new token is written. */
    @Override
    @Transactional
    public Optional<String> reissueLink(String email, String bookingId) {
        if (email == null || email.isBlank() || bookingId == null || bookingId.isBlank()) {
            return Optional.empty();
        }
        String token = Tokens.newToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (rows.reissueToken(bookingId, email.strip(), Tokens.hash(token), now) != 1) {
            return Optional.empty();
        }
        return Optional.of("/termin/buchung/" + URLEncoder.encode(bookingId, StandardCharsets.UTF_8) + "?token=" + token);
    }
}
