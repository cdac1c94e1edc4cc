package de.digitalcheck.portal.leads.internal;

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

    @Query("SELECT * FROM agency_lead WHERE LOWER(contact_email) = LOWER(:email) ORDER BY created_at DESC")
    List<LeadRow> ofContact(String email);

    @Query("SELECT * FROM agency_lead WHERE agency_id = :agencyId ORDER BY created_at DESC LIMIT 200")
    List<LeadRow> ofAgency(String agencyId);

    @Query("SELECT * FROM agency_lead WHERE agency_id IS NULL ORDER BY created_at DESC LIMIT 200")
    List<LeadRow> fallbackQueue();

    List<LeadRow> findByAssessmentId(String assessmentId);

    /** Moves a lead to another stage if nobody changed it since {@code version} was read; 0 rows: a stale version. */
    @Query("UPDATE agency_lead SET stage = :stage, first_contact_at = :firstContactAt, updated_at = :now, "
        + "lock_version = lock_version + 1 WHERE id = :id AND lock_version = :version")
    int changeStage(String id, int version, String stage, @io.micronaut.core.annotation.Nullable Instant firstContactAt,
                    Instant now);
}
