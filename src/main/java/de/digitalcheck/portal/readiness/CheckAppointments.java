package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Language;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the result page needs from the bookings: the check's coming coach appointments (the PDF report's cover shows
 * the next of them). Declared here, implemented by the module that keeps the bookings (it depends on this one), as
 * {@link AgencyLeads} is.
 */
public interface CheckAppointments {

    /** The check's next confirmed appointment that has not ended, if any. */
    default Optional<CheckAppointment> next(AssessmentId assessmentId, Language language) {
        return coming(assessmentId, language).stream().findFirst();
    }

    /**
     * The check's confirmed appointments that have not ended, earliest first: a company may have booked more than one
     * (a first talk, a later visit), and the result page lists them all.
     */
    List<CheckAppointment> coming(AssessmentId assessmentId, Language language);

    /**
     * An appointment as the result page shows it. No private link: that is in the company's newest mail about it, and
     * the check's link does not hold it.
     *
     * @param typeName the kind of appointment in the language asked for
     * @param mode     the meeting mode's name ({@code booking.MeetingMode}), for the message {@code mode.<mode>}
     */
    record CheckAppointment(Instant start, Instant end, String coachName, String typeName, String mode) {
    }
}
