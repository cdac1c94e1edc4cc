package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The writes and reads of {@code agency_lead} that assignment, the coach's view and the agency API need. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AssignedLeadRows extends GenericRepository<LeadRow, String> {

    /** Assigns a lead if nobody changed it since {@code version} was read; 0 rows: a stale version. */
    @Query("UPDATE agency_lead SET assignee_id = :assigneeId, assignee_name = :assigneeName, updated_at = :now, "
        + "lock_version = lock_version + 1 WHERE id = :id AND lock_version = :version")
    int assign(String id, int version, @Nullable String assigneeId, @Nullable String assigneeName, Instant now);

    /** The open leads assigned to a person, at any agency. */
    @Query("SELECT * FROM agency_lead WHERE assignee_id = :assigneeId AND status = 'OPEN' ORDER BY id")
    List<LeadRow> openOf(String assigneeId);

    /** Takes an open lead from {@code assigneeId} (nobody holds it then); 0 rows: no longer theirs or not open. */
    @Query("UPDATE agency_lead SET assignee_id = NULL, assignee_name = NULL, updated_at = :now, "
        + "lock_version = lock_version + 1 WHERE id = :id AND assignee_id = :assigneeId AND status = 'OPEN'")
    int unassign(String id, String assigneeId, Instant now);

    /** A change that only adds a note to the trail still raises the version (the API's ETag changes). */
    @Query("UPDATE agency_lead SET updated_at = :now, lock_version = lock_version + 1 WHERE id = :id "
        + "AND lock_version = :version")
    int touch(String id, int version, Instant now);

    /** A coach's leads: those of the agency assigned to them, newest first. */
    @Query("SELECT * FROM agency_lead WHERE agency_id = :agencyId AND assignee_id = :assigneeId "
        + "ORDER BY created_at DESC, id DESC LIMIT 500")
    List<LeadRow> assignedTo(String agencyId, String assigneeId);
}
