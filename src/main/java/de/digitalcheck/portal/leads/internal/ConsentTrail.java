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
 * What a consent given again does to the contact's open lead at an agency, and its entries in the lead's audit trail
 * (SPEC §5: every change of a lead in its trail). A consent is keyed by the contact's email only, and nobody proves
 * that they own it: anyone who knows the address could consent again. So a consent given again never replaces what
 * staff work with — the company's name, its location, the contact's name and phone stay as the lead has them, and
 * other values given are only recorded in the trail ({@code DATA_OTHER_*}: "given, not taken over"); the newer check's
 * result replaces the lead's only when it is the same company at the same place ({@link #sameCompany}), the case of a
 * company doing the check again. The one exception is the check that made the lead ({@link #mergeOwn}): its result
 * page is reached by its private link only, whose holder gave the lead's first consent, so a consent given again
 * there corrects the lead's contact (name, email and a phone given), recorded as taken over ({@code DATA_CONTACT},
 * {@code DATA_EMAIL}, {@code DATA_PHONE}). The values are the company's data: a withdrawal and an erasure drop them
 * ({@link LeadAuditRows#forgetCompanyData}).
 */
final class ConsentTrail {

    static final String COMPANY = "DATA_COMPANY";
    static final String LOCATION = "DATA_LOCATION";
    static final String CONTACT = "DATA_CONTACT";
    static final String PHONE = "DATA_PHONE";
    static final String EMAIL = "DATA_EMAIL";
    static final String CHECK = "DATA_CHECK";
    static final String OTHER_COMPANY = "DATA_OTHER_COMPANY";
    static final String OTHER_LOCATION = "DATA_OTHER_LOCATION";
    static final String OTHER_CONTACT = "DATA_OTHER_CONTACT";
    static final String OTHER_PHONE = "DATA_OTHER_PHONE";
    static final String OTHER_CHECK = "DATA_OTHER_CHECK";
    /**
     * The actions whose values are the company's data; {@code DATA_COMPANY} and {@code DATA_LOCATION} are from the
     * time a consent given again still replaced the lead's values, and stay in older trails.
     */
    static final List<String> ACTIONS = List.of(COMPANY, LOCATION, CONTACT, PHONE, EMAIL, CHECK, OTHER_COMPANY,
        OTHER_LOCATION, OTHER_CONTACT, OTHER_PHONE, OTHER_CHECK);

    /** As the trail stores times ({@code Dates.trailValue} shows them in the reader's language). */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private ConsentTrail() {
    }

    /**
     * The open lead {@code open} after a consent given again that offered {@code offered} (a lead row with the new
     * consent's values): the consent's own values (version, language, time) are taken; the lead's source (where its
     * first consent was given) stays, a later consent's is in the consent log; the company, location, contact name and
     * phone stay; the check (its id, result and the profile it gave) is taken only for the same
     * company at the same place. What staff work on (stage, assignee, …) is {@code offered}'s, which the caller read.
     */
    static LeadRow merge(LeadRow open, LeadRow offered) {
        boolean newerCheck = sameCompany(open, offered);
        LeadRow check = newerCheck ? offered : open;
        return new LeadRow(open.id(), open.agencyId(), open.openKey(), offered.status(), open.source(),
            check.assessmentId(), open.companyName(), open.postalCode(), open.municipality(), open.ags(), check.sector(),
            check.employees(), check.companyType(), open.contactName(), open.contactEmail(), open.contactPhone(),
            check.score(), check.overallLevel(), offered.consentVersion(), offered.consentLanguage(),
            offered.consentAt(), offered.contactDueAt(), offered.withdrawnAt(), offered.createdAt(), offered.updatedAt(),
            offered.stage(), offered.assigneeId(), offered.assigneeName(), offered.firstContactAt(),
            offered.escalatedAt(), offered.closedAt(), offered.lockVersion());
    }

    /**
     * The open lead {@code open} after a consent given again for the check that made it (its first consent's check):
     * as {@link #merge}, and the contact {@code offered} gives taken over — name, email (the lead's key with it) and a
     * phone, if one is given (the result page's consent asks for none: the lead keeps its own).
     */
    static LeadRow mergeOwn(LeadRow open, LeadRow offered) {
        LeadRow m = merge(open, offered);
        return new LeadRow(m.id(), m.agencyId(), LeadRow.openKey(m.agencyId(), offered.contactEmail()), m.status(),
            m.source(), m.assessmentId(), m.companyName(), m.postalCode(), m.municipality(), m.ags(), m.sector(),
            m.employees(), m.companyType(), offered.contactName(), offered.contactEmail(),
            offered.contactPhone() != null ? offered.contactPhone() : open.contactPhone(), m.score(), m.overallLevel(),
            m.consentVersion(), m.consentLanguage(), m.consentAt(), m.contactDueAt(), m.withdrawnAt(), m.createdAt(),
            m.updatedAt(), m.stage(), m.assigneeId(), m.assigneeName(), m.firstContactAt(), m.escalatedAt(),
            m.closedAt(), m.lockVersion());
    }

    /**
     * The same company at the same place: the name alike but for case and spaces, the same postal code. Only then is a
     * newer check the company's own doing the check again, not someone else's in its name.
     */
    static boolean sameCompany(LeadRow a, LeadRow b) {
        return Objects.equals(normalized(a.companyName()), normalized(b.companyName()))
            && Objects.equals(blankToNull(a.postalCode()), blankToNull(b.postalCode()));
    }

    private static @Nullable String normalized(@Nullable String name) {
        String s = blankToNull(name);
        return s == null ? null : s.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The trail's entries for a consent given again: one per value {@code offered} gave otherwise than {@code open}
     * has, as taken over where {@code merged} took it ({@code DATA_CHECK}; the contact's {@code DATA_CONTACT},
     * {@code DATA_EMAIL}, {@code DATA_PHONE} from the check that made the lead), else as given and not taken over
     * ({@code DATA_OTHER_*}); none if nothing differed.
     */
    static List<LeadAuditRow> changes(LeadRow open, LeadRow offered, LeadRow merged, Instant at,
                                      Assessments assessments) {
        return changes(open, offered, merged, at, id -> assessments.find(new AssessmentId(id))
            .map(Assessment::completedAt).orElse(null));
    }

    static List<LeadAuditRow> changes(LeadRow open, LeadRow offered, LeadRow merged, Instant at,
                                      Function<String, Instant> completedAt) {
        List<LeadAuditRow> rows = new ArrayList<>();
        add(rows, open.id(), at, OTHER_COMPANY, open.companyName(), offered.companyName());
        add(rows, open.id(), at, OTHER_LOCATION, location(open), location(offered));
        add(rows, open.id(), at, taken(merged.contactName(), offered.contactName()) ? CONTACT : OTHER_CONTACT,
            open.contactName(), offered.contactName());
        if (open.contactEmail() != null && !open.contactEmail().equalsIgnoreCase(merged.contactEmail())) {
            rows.add(row(open.id(), at, EMAIL, open.contactEmail(), merged.contactEmail()));
        }
        if (offered.contactPhone() != null) { // a booking or the result page without a phone: nothing differs
            add(rows, open.id(), at, taken(merged.contactPhone(), offered.contactPhone()) ? PHONE : OTHER_PHONE,
                open.contactPhone(), offered.contactPhone());
        }
        if (!Objects.equals(open.assessmentId(), offered.assessmentId()) && offered.assessmentId() != null) {
            boolean taken = Objects.equals(merged.assessmentId(), offered.assessmentId());
            rows.add(row(open.id(), at, taken ? CHECK : OTHER_CHECK, completion(open.assessmentId(), completedAt),
                completion(offered.assessmentId(), completedAt)));
        }
        return rows;
    }

    /** Whether the lead took the value given ({@code merged} has it). */
    private static boolean taken(@Nullable String merged, @Nullable String given) {
        return Objects.equals(blankToNull(merged), blankToNull(given));
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
