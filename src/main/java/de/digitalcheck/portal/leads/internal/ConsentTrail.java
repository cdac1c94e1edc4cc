package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a consent given again changed on the contact's open lead, as entries of its audit trail (SPEC §5: every change
 * of a lead in its trail). A consent is keyed by the contact's email only, so the lead takes the newest check's
 * company, location, contact and result; the trail keeps what was there before, and staff see who changed it (the
 * company) and when. The values are the company's data: a withdrawal and an erasure drop them
 * ({@link LeadAuditRows#forgetCompanyData}).
 */
final class ConsentTrail {

    static final String COMPANY = "DATA_COMPANY";
    static final String LOCATION = "DATA_LOCATION";
    static final String CONTACT = "DATA_CONTACT";
    static final String PHONE = "DATA_PHONE";
    static final String CHECK = "DATA_CHECK";
    /** The actions whose values are the company's data. */
    static final List<String> ACTIONS = List.of(COMPANY, LOCATION, CONTACT, PHONE, CHECK);

    /** As the trail stores times ({@code Dates.trailValue} shows them in the reader's language). */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private ConsentTrail() {
    }

    /**
     * One entry per changed value of {@code before} (the open lead) in {@code after} (the lead with the new consent's
     * values); none if nothing changed. {@code completedAt} gives a check's completion time by its id, if it still
     * exists.
     */
    static List<LeadAuditRow> changes(LeadRow before, LeadRow after, Instant at, Assessments assessments) {
        return changes(before, after, at, id -> assessments.find(new AssessmentId(id))
            .map(Assessment::completedAt).orElse(null));
    }

    static List<LeadAuditRow> changes(LeadRow before, LeadRow after, Instant at,
                                      Function<String, Instant> completedAt) {
        List<LeadAuditRow> rows = new ArrayList<>();
        add(rows, after.id(), at, COMPANY, before.companyName(), after.companyName());
        add(rows, after.id(), at, LOCATION, location(before), location(after));
        add(rows, after.id(), at, CONTACT, before.contactName(), after.contactName());
        add(rows, after.id(), at, PHONE, before.contactPhone(), after.contactPhone());
        if (!Objects.equals(before.assessmentId(), after.assessmentId())) {
            rows.add(row(after.id(), at, CHECK, completion(before.assessmentId(), completedAt),
                completion(after.assessmentId(), completedAt)));
        }
        return rows;
    }

    private static void add(List<LeadAuditRow> rows, String leadId, Instant at, String action,
                            @Nullable String from, @Nullable String to) {
        if (!Objects.equals(blankToNull(from), blankToNull(to))) {
            rows.add(row(leadId, at, action, blankToNull(from), blankToNull(to)));
        }
    }

    private static LeadAuditRow row(String leadId, Instant at, String action, @Nullable String from,
                                    @Nullable String to) {
        return new LeadAuditRow(UUID.randomUUID().toString(), leadId, at, null, null, action, from, to, null);
    }

    private static @Nullable String location(LeadRow lead) {
        String place = ((lead.postalCode() == null ? "" : lead.postalCode()) + " "
            + (lead.municipality() == null ? "" : lead.municipality())).trim();
        return place.isEmpty() ? null : place;
    }

    private static @Nullable String completion(@Nullable String assessmentId, Function<String, Instant> completedAt) {
        Instant at = assessmentId == null ? null : completedAt.apply(assessmentId);
        return at == null ? null : PortalTime.local(at).format(WHEN);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
