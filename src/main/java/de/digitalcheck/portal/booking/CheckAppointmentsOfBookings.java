package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CheckAppointments;
import de.digitalcheck.portal.shared.i18n.Language;
import jakarta.inject.Singleton;

import java.util.Optional;

/** A check's next appointment for its result page: the same one the report's cover shows. */
@Singleton
class CheckAppointmentsOfBookings implements CheckAppointments {

    private final Bookings bookings;

    CheckAppointmentsOfBookings(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public Optional<CheckAppointment> next(AssessmentId assessmentId, Language language) {
        return bookings.nextOfAssessment(assessmentId.value())
            .map(b -> new CheckAppointment(b.start(), b.end(), b.coachName(), b.type().name(language), b.mode().name()));
    }
}
