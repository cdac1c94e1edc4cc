package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * What an appointment's page shows the coach and the agency's staff of the self-check the company booked from (SPEC
 * §2: the coach sees the company's result with its consent): the result only where the booking carried the consent
 * to share it with the agency and that consent still stands (its lead at the booking's agency is open: not
 * withdrawn, not erased), the check still exists and is complete. Without the consent nothing of the check is shown,
 * only that it is not shared.
 */
@Singleton
class SharedCheckOfAppointment {

    /** Whether the appointment came with a check and, if shared, its result (null: not shared, or none). */
    record View(boolean fromCheck, @Nullable ResultSummary summary) {
    }

    private final AgencyLeads leads;
    private final Assessments assessments;
    private final ResultSummaries summaries;

    SharedCheckOfAppointment(AgencyLeads leads, Assessments assessments, ResultSummaries summaries) {
        this.leads = leads;
        this.assessments = assessments;
        this.summaries = summaries;
    }

    View of(Booking booking, Language language) {
        if (booking.assessmentId() == null) {
            return new View(false, null);
        }
        if (!booking.consentShare()) {
            return new View(true, null);
        }
        AssessmentId check = new AssessmentId(booking.assessmentId());
        boolean stillShared = leads.sharedWith(check).stream()
            .anyMatch(l -> !l.withdrawn() && booking.agencyId().equals(l.agencyId()));
        if (!stillShared) {
            return new View(true, null);
        }
        ResultSummary summary = assessments.find(check).filter(Assessment::completed)
            .map(a -> summaries.summarise(language, a)).orElse(null);
        return new View(true, summary);
    }
}
