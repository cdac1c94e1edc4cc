package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeadRows extends CrudRepository<LeadRow, String> {

    Optional<LeadRow> findByOpenKey(String openKey);

    /**
     * These leads as last committed, locked until the transaction ends: a withdrawal, erasure or forward of one of them
     * at this moment either comes first (and is seen) or waits for this transaction (and then finds what it wrote).
     */
    @Query("SELECT * FROM agency_lead WHERE id IN (:ids) FOR UPDATE")
    List<LeadRow> lockAll(List<String> ids);

    /** The open lead of {@code openKey} as last committed, locked until the transaction ends. */
    @Query("SELECT * FROM agency_lead WHERE open_key = :openKey FOR UPDATE")
    Optional<LeadRow> lockByOpenKey(String openKey);

    @Query("SELECT * FROM agency_lead WHERE LOWER(contact_email) = LOWER(:email) ORDER BY created_at DESC, id DESC")
    List<LeadRow> ofContact(String email);

    /** The fallback queue's open work: its leads not closed (by a final stage, a withdrawal or an erasure), newest first. */
    @Query("SELECT * FROM agency_lead WHERE agency_id IS NULL AND closed_at IS NULL ORDER BY created_at DESC LIMIT 200")
    List<LeadRow> fallbackQueue();

    /** The fallback queue's closed leads (until retention anonymises them), last closed first. */
    @Query("SELECT * FROM agency_lead WHERE agency_id IS NULL AND closed_at IS NOT NULL "
        + "ORDER BY closed_at DESC, id DESC LIMIT 200")
    List<LeadRow> fallbackClosed();

    List<LeadRow> findByAssessmentId(String assessmentId);

    /**
     * The values an open lead has from its check (profile and result), as the check has them now; 0 rows: the lead
     * is no longer open or no longer this check's.
     */
    @Query("UPDATE agency_lead SET sector = :sector, employees = :employees, company_type = :companyType, "
        + "score = :score, overall_level = :overallLevel, updated_at = :now, lock_version = lock_version + 1 "
        + "WHERE id = :id AND assessment_id = :assessmentId AND status = 'OPEN'")
    int revise(String id, String assessmentId, @Nullable String sector, @Nullable Integer employees,
               @Nullable String companyType, @Nullable Double score, @Nullable Integer overallLevel, Instant now);

    /**
     * A consent given again: the open lead takes the company's, contact's, check's and consent's values of
     * {@code r} (as {@link ConsentTrail} decided them); what staff work on (stage, assignee, first contact,
     * escalation) stays as the row holds it, whatever a parallel change wrote after {@code r} was read. False: the
     * lead is no longer this open lead (withdrawn, forwarded or erased meanwhile).
     */
    default boolean reconsent(LeadRow r) {
        return reconsent(r.openKey(), r);
    }

    /**
     * As {@link #reconsent(LeadRow)} for the open lead that {@code openKey} keys now: {@code r} may give it another key
     * (a new contact email, which the check that made the lead gave).
     */
    default boolean reconsent(String openKey, LeadRow r) {
        return reconsent(r.id(), openKey, r.openKey(), r.source(), r.assessmentId(), r.companyName(), r.postalCode(),
            r.municipality(), r.ags(), r.sector(), r.employees(), r.companyType(), r.contactName(), r.contactEmail(),
            r.contactPhone(), r.score(), r.overallLevel(), r.consentVersion(), r.consentLanguage(), r.consentAt(),
            r.updatedAt()) == 1;
    }

    @Query("UPDATE agency_lead SET open_key = :newOpenKey, source = :source, assessment_id = :assessmentId, "
        + "company_name = :companyName, postal_code = :postalCode, municipality = :municipality, ags = :ags, "
        + "sector = :sector, employees = :employees, company_type = :companyType, contact_name = :contactName, "
        + "contact_email = :contactEmail, contact_phone = :contactPhone, score = :score, "
        + "overall_level = :overallLevel, consent_version = :consentVersion, consent_language = :consentLanguage, "
        + "consent_at = :consentAt, updated_at = :now, lock_version = lock_version + 1 "
        + "WHERE id = :id AND open_key = :openKey AND status = 'OPEN'")
    int reconsent(String id, String openKey, String newOpenKey, String source, @Nullable String assessmentId,
                  @Nullable String companyName, @Nullable String postalCode, @Nullable String municipality,
                  @Nullable String ags, @Nullable String sector, @Nullable Integer employees,
                  @Nullable String companyType, @Nullable String contactName, @Nullable String contactEmail,
                  @Nullable String contactPhone, @Nullable Double score, @Nullable Integer overallLevel,
                  String consentVersion, String consentLanguage, Instant consentAt, Instant now);

    /**
     * Moves a lead to another stage if nobody changed it since {@code version} was read; 0 rows: a stale version.
     * {@code closedAt}: now for a final stage, else null.
     */
    @Query("UPDATE agency_lead SET stage = :stage, first_contact_at = :firstContactAt, closed_at = :closedAt, "
        + "updated_at = :now, lock_version = lock_version + 1 WHERE id = :id AND lock_version = :version")
    int changeStage(String id, int version, String stage, @Nullable Instant firstContactAt, @Nullable Instant closedAt,
                    Instant now);

    /**
     * Up to {@code limit} leads, not yet erased, closed (withdrawn or at a final stage) and consented to before
     * {@code before}, oldest first, locked until the transaction ends (retention).
     */
    @Query("SELECT * FROM agency_lead WHERE closed_at < :before AND consent_at < :before AND status <> 'ERASED' "
        + "ORDER BY closed_at ASC LIMIT :limit FOR UPDATE")
    List<LeadRow> closedBefore(Instant before, int limit);
}
