package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.i18n.Language;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What "Mein Unternehmen" needs from the bookings: the appointments booked with a contact email, and a new private
 * link to one still to come. Declared here, implemented by the module that keeps the bookings (it depends on this
 * one), as {@code readiness.CheckAppointments} is.
 */
public interface CompanyAppointments {

    /** The appointments booked with this contact email (any case), confirmed and cancelled, earliest first. */
    List<CompanyAppointment> ofContact(String email, Language language);

    /**
     * A new private link to a confirmed appointment of this contact email that has not started (the link of the
     * newest mail stops working): the path of its page. Empty if it is not one of the address's, or is past or
     * cancelled.
     */
    Optional<String> reissueLink(String email, String bookingId);

    /**
     * An appointment as the company's page shows it.
     *
     * @param typeName   the kind of appointment in the language asked for
     * @param mode       the meeting mode's name ({@code booking.MeetingMode}), for the message {@code mode.<mode>}
     * @param cancelled  whether it was cancelled
     * @param changeable confirmed and not started: it can be moved or cancelled under a new link
     */
    record CompanyAppointment(String id, Instant start, Instant end, String coachName, String typeName, String mode,
                              boolean cancelled, boolean changeable) {
    }
}
