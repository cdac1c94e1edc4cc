package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code agency_lead}: a company's consented lead at an agency (or, without agency, the fallback queue).
 * {@code closedAt}: when it was withdrawn or reached a final stage (won, closed, rejected); the retention period
 * ({@link LeadRetention}) counts from then.
 */
@MappedEntity("agency_lead")
public record LeadRow(
    @Id String id,
    @Nullable String agencyId,
    @Nullable String openKey,
    String status,
    String source,
    @Nullable String assessmentId,
    @Nullable String companyName,
    @Nullable String postalCode,
    @Nullable String municipality,
    @Nullable String ags,
    @Nullable String sector,
    @Nullable Integer employees,
    @Nullable String companyType,
    @Nullable String contactName,
    @Nullable String contactEmail,
    @Nullable String contactPhone,
    @Nullable Double score,
    @Nullable Integer overallLevel,
    String consentVersion,
    String consentLanguage,
    Instant consentAt,
    Instant contactDueAt,
    @Nullable Instant withdrawnAt,
    Instant createdAt,
    Instant updatedAt,
    String stage,
    @Nullable String assigneeId,
    @Nullable String assigneeName,
    @Nullable Instant firstContactAt,
    @Nullable Instant escalatedAt,
    @Nullable Instant closedAt,
    int lockVersion) {

    public static final String OPEN = "OPEN";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String ERASED = "ERASED";

    /** The key that makes a company's open lead at an agency unique: agency (or {@code -}) and email in lower case. */
    static String openKey(@Nullable String agencyId, String email) {
        return (agencyId == null ? "-" : agencyId) + "|" + email.toLowerCase(java.util.Locale.ROOT);
    }

    public static final String NEW = "NEW";

    public boolean open() {
        return OPEN.equals(status);
    }

    /**
     * The lead as agencies (staff, coaches, the agency API, the network admins) see it: a withdrawn or erased lead
     * without its contact and its result, since the consent that shared them is gone; the company, its place and the
     * lead's history stay as the agency's record of the case (retention anonymises them later, {@link LeadRetention}).
     * An erased lead has no place any more ({@link #erased}); one erased before its municipality key went with the rest
     * kept its district's key, which is not shown either (V148 cleared the stored ones).
     */
    public LeadRow shownToAgency() {
        if (open()) {
            return this;
        }
        return new LeadRow(id, agencyId, openKey, status, source, assessmentId, companyName, postalCode, municipality,
            ERASED.equals(status) ? null : ags, sector, employees, companyType, null, null, null, null, null, consentVersion, consentLanguage, consentAt,
            contactDueAt, withdrawnAt, createdAt, updatedAt, stage, assigneeId, assigneeName, firstContactAt, escalatedAt,
            closedAt, lockVersion);
    }

    LeadRow withdrawn(Instant now) {
        return new LeadRow(id, agencyId, null, WITHDRAWN, source, assessmentId, companyName, postalCode, municipality,
            ags, sector, employees, companyType, contactName, contactEmail, contactPhone, score, overallLevel,
            consentVersion, consentLanguage, consentAt, contactDueAt, now, createdAt, now, stage, assigneeId, assigneeName,
            firstContactAt, escalatedAt, closedAt == null ? now : closedAt, lockVersion + 1);
    }

    /**
     * Without anything that identifies or locates the company or its contact (erasure): its municipality key goes with
     * its name, postcode and place. Cut to its district the key still located a lead, which is one company's case at
     * one agency with its times (a city's district key is the city's own: Dortmund {@code 05913000}), and no statistic
     * reads a lead's key (the dashboards count leads by agency, stage and time; the benchmarks read the anonymised
     * checks). Sector and company type stay for the agency's record of the case.
     */
    LeadRow erased(Instant now) {
        return new LeadRow(id, agencyId, null, ERASED, source, null, null, null, null, null, sector, null,
            companyType, null, null, null, score, overallLevel, consentVersion, consentLanguage, consentAt,
            contactDueAt, withdrawnAt == null ? now : withdrawnAt, createdAt, now, stage, null, null, firstContactAt,
            escalatedAt, closedAt == null ? now : closedAt, lockVersion + 1);
    }
}
