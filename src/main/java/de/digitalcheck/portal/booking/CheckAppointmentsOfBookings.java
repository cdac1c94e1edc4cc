package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CheckAppointments;
import de.digitalcheck.portal.shared.i18n.Language;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A check's coming appointments for its result page (the report's cover shows the next of them). */
@Singleton
class CheckAppointmentsOfBookings implements CheckAppointments {

    private final Bookings bookings;
    private final Clock clock;

    CheckAppointmentsOfBookings(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    public List<CheckAppointment> coming(AssessmentId assessmentId, Language language) {
        Instant now = clock.instant();
        return bookings.ofAssessment(assessmentId.value()).stream().filter(b -> b.end().isAfter(now))
            .map(b -> new CheckAppointment(b.start(), b.end(), b.coachName(), b.type().name(language), b.mode().name()))
            .toList();
    }
}
