package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The conditional updates that move a lead between agencies and claim its escalation: each changes the row only if
 * it is still as it was read, so that a stale form or a second replica changes nothing (0 rows).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeadMoves extends GenericRepository<LeadRow, String> {

    /** Moves an open lead to another agency as new (stage reset, nobody assigned) if nobody changed it since. */
    @Query("UPDATE agency_lead SET agency_id = :agencyId, open_key = :openKey, stage = 'NEW', assignee_id = NULL, "
        + "assignee_name = NULL, first_contact_at = NULL, escalated_at = NULL, contact_due_at = :due, "
        + "updated_at = :now, lock_version = lock_version + 1 WHERE id = :id AND lock_version = :version "
        + "AND status = 'OPEN'")
    int forward(String id, int version, @Nullable String agencyId, String openKey, Instant due, Instant now);

    /** The leads overdue at {@code now} and not yet escalated: open, still new, due before now (fallback queue too). */
    @Query("SELECT * FROM agency_lead WHERE escalated_at IS NULL AND stage = 'NEW' AND status = 'OPEN' "
        + "AND contact_due_at < :now ORDER BY contact_due_at ASC LIMIT :limit")
    List<LeadRow> overdueNotEscalated(Instant now, int limit);

    /** Claims a lead's escalation: only one caller (of any replica) gets 1. */
    @Query("UPDATE agency_lead SET escalated_at = :now WHERE id = :id AND escalated_at IS NULL AND stage = 'NEW' "
        + "AND status = 'OPEN' AND contact_due_at < :now")
    int claimEscalation(String id, Instant now);
}
