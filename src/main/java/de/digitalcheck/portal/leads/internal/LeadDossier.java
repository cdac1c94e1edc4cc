package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lead's detail shows of other modules, read through their facades: the consented check's result summary
 * (levels per dimension), the staff's copy of its PDF report (linking to the lead's page, not to the company's
 * private link), the check's booked appointments, and the consent log. The caller has found the lead with its
 * tenant check; an erased or incomplete check has no summary and no report.
 */
@Singleton
public class LeadDossier {

    private final Assessments assessments;
    private final ResultSummaries summaries;
    private final Reports reports;
    private final Bookings bookings;
    private final ConsentRows consents;
    private final PortalSettings settings;
    private final BookingLeads bookingLeads;

    LeadDossier(Assessments assessments, ResultSummaries summaries, Reports reports, Bookings bookings,
                ConsentRows consents, PortalSettings settings, BookingLeads bookingLeads) {
        this.bookingLeads = bookingLeads;
        this.assessments = assessments;
        this.summaries = summaries;
        this.reports = reports;
        this.bookings = bookings;
        this.consents = consents;
        this.settings = settings;
    }

    /**
     * A consent of the lead as the detail shows it: text version, language, when given and withdrawn, and who gave it
     * as given then (null: logged before that was recorded, erased, or the lead withdrawn: as its contact,
     * {@link LeadRow#shownToAgency}).
     */
    public record Consent(String textVersion, String language, java.time.Instant givenAt,
                          @io.micronaut.core.annotation.Nullable java.time.Instant withdrawnAt, String source,
                          @io.micronaut.core.annotation.Nullable String contactName,
                          @io.micronaut.core.annotation.Nullable String contactEmail) {
    }

    public Optional<ResultSummary> summary(LeadRow lead, Language language) {
        return check(lead).map(a -> summaries.summarise(language, a));
    }

    /**
     * The appointments of the lead: those whose consent made or updated it, and those booked from its check at the
     * lead's agency. An appointment the check booked at another agency (after a move, or without any consent to share
     * it) is that agency's: its time, coach and the company's address for a visit are not shown here (the fallback
     * queue's lead, which only network admins see, shows all of them).
     */
    public List<Booking> bookings(LeadRow lead) {
        Map<String, Booking> all = new LinkedHashMap<>();
        bookingLeads.bookingsOf(lead.id()).forEach(b -> all.put(b.id(), b));
        if (lead.assessmentId() != null) {
            bookings.ofAssessment(lead.assessmentId()).stream()
                .filter(b -> b.shownWithLeadAt(lead.agencyId()))
                .forEach(b -> all.putIfAbsent(b.id(), b));
        }
        return all.values().stream().sorted(Comparator.comparing(Booking::start)).toList();
    }

    @Transactional(readOnly = true)
    public List<Consent> consents(LeadRow lead) {
        return consents.ofLead(lead.id()).stream()
            .map(c -> new Consent(c.textVersion(), c.language(), c.givenAt(), c.withdrawnAt(), c.source(),
                lead.open() ? c.contactName() : null, lead.open() ? c.contactEmail() : null)).toList();
    }

    /** The staff's copy of the report; empty where the check is erased or incomplete. */
    public Optional<Reports.Report> report(LeadRow lead, Language language) {
        return check(lead).map(a -> reports.forStaff(a, settings.link(LeadPaths.lead(lead.id())), lead.agencyId(), language));
    }

    private Optional<Assessment> check(LeadRow lead) {
        if (lead.assessmentId() == null || !lead.open()) { // withdrawn or erased: the result is no longer shared
            return Optional.empty();
        }
        return assessments.find(new AssessmentId(lead.assessmentId())).filter(Assessment::completed);
    }
}
