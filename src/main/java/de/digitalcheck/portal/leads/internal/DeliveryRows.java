package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DeliveryRows extends CrudRepository<DeliveryRow, String> {

    /**
     * Writes an event for the agency's webhook endpoint in one statement, if the agency has an endpoint (enabled or
     * not: a disabled one gets its events once it is enabled again); 1 if written, 0 if the agency has none.
     */
    @Query("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, next_attempt_at, "
        + "created_at) SELECT :id, agency_id, :leadId, :eventType, :payload, 'PENDING', 0, :now, :now "
        + "FROM webhook_endpoint WHERE agency_id = :agencyId")
    int saveForEndpoint(String id, String agencyId, @Nullable String leadId, String eventType, String payload, Instant now);

    /** Of these agencies, those with a webhook endpoint (enabled or not). */
    @Query("SELECT agency_id FROM webhook_endpoint WHERE agency_id IN (:agencyIds)")
    List<String> withEndpoint(List<String> agencyIds);

    /** Up to {@code limit} due deliveries to enabled endpoints that no dispatcher holds, oldest first. */
    @Query("SELECT d.* FROM webhook_delivery d JOIN webhook_endpoint e ON e.agency_id = d.agency_id "
        + "WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND (d.claimed_until IS NULL OR d.claimed_until < :now) "
        + "AND e.enabled = TRUE ORDER BY d.next_attempt_at LIMIT :limit")
    List<DeliveryRow> findDue(Instant now, int limit);

    /**
     * Claims due deliveries for one attempt each until {@code until}, in one statement (one commit for a dispatcher's
     * whole batch): a conditional update, so that of several dispatchers exactly one makes each attempt; how many this
     * call claimed. Rows are locked in primary-key order, so two dispatchers claiming overlapping batches wait
     * for each other instead of deadlocking; the loser finds the rows taken and claims none of them.
     */
    @Query("UPDATE webhook_delivery SET claimed_by = :by, claimed_until = :until, attempts = attempts + 1, "
        + "first_attempt_at = COALESCE(first_attempt_at, :now) WHERE id IN (:ids) AND state = 'PENDING' "
        + "AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
    int claimAll(List<String> ids, String by, Instant now, Instant until);

    /** Of these deliveries, those this dispatcher holds (after {@link #claimAll}). */
    @Query("SELECT * FROM webhook_delivery WHERE id IN (:ids) AND claimed_by = :by")
    List<DeliveryRow> claimedOf(List<String> ids, String by);

    /**
     * Gives claimed deliveries back without an attempt (this replica cannot open the endpoint's secret): nobody takes
     * them before {@code until}, then any dispatcher may.
     */
    @Query("UPDATE webhook_delivery SET attempts = attempts - 1, claimed_until = :until WHERE id IN (:ids) "
        + "AND claimed_by = :by")
    int postpone(List<String> ids, String by, Instant until);

    /** These attempts, all answered with {@code status}, succeeded (those this dispatcher still holds; one commit). */
    @Query("UPDATE webhook_delivery SET state = 'DELIVERED', delivered_at = :now, last_status = :status, "
        + "last_error = NULL, last_failure = NULL, claimed_by = NULL, claimed_until = NULL WHERE id IN (:ids) "
        + "AND claimed_by = :by")
    int deliveredAll(List<String> ids, String by, Instant now, int status);

    /**
     * The attempt failed ({@code failure}: a {@link DeliveryFailure}; {@code error}: its technical detail): try again
     * at {@code next}, or give up ({@code state} FAILED) — unless the delivery was stopped meanwhile (withdrawal,
     * erasure).
     */
    @Query("UPDATE webhook_delivery SET state = :state, next_attempt_at = :next, last_status = :status, "
        + "last_error = :error, last_failure = :failure, claimed_by = NULL, claimed_until = NULL WHERE id = :id "
        + "AND claimed_by = :by AND state = 'PENDING'")
    int failed(String id, String by, String state, Instant next, @Nullable Integer status, @Nullable String error,
               String failure);

    /** Stops the lead's deliveries not yet made (withdrawal, erasure). */
    @Query("UPDATE webhook_delivery SET state = 'CANCELLED' WHERE lead_id = :leadId AND state = 'PENDING'")
    int cancelPending(String leadId);

    /** Replaces the payloads of a lead's deliveries (erasure: the log keeps no personal data). */
    @Query("UPDATE webhook_delivery SET payload = :payload WHERE lead_id = :leadId AND event_type <> 'lead.erased'")
    int replacePayloads(String leadId, String payload);

    @Query("SELECT * FROM webhook_delivery WHERE lead_id = :leadId ORDER BY created_at DESC, id DESC")
    List<DeliveryRow> ofLead(String leadId);

    /**
     * The lead's deliveries to one agency's endpoint: a forwarded lead's log at the receiver holds none of the
     * sender's (its webhook-ids, answers and errors name the sender's receiver).
     */
    @Query("SELECT * FROM webhook_delivery WHERE lead_id = :leadId AND agency_id = :agencyId"
        + " ORDER BY created_at DESC, id DESC")
    List<DeliveryRow> ofLeadAtAgency(String leadId, String agencyId);

    @Query("SELECT * FROM webhook_delivery WHERE agency_id = :agencyId ORDER BY created_at DESC LIMIT :limit")
    List<DeliveryRow> ofAgency(String agencyId, int limit);

    @Query("SELECT COUNT(*) FROM webhook_delivery WHERE state = 'PENDING'")
    long pending();

    /**
     * Of the agency's deliveries that failed after every attempt and were written at or after {@code :since}, those
     * that may still be sent to it: every event of a lead that is still open at this agency; of a lead withdrawn or
     * erased only that news ({@code lead.withdrawn}, {@code lead.erased}: no personal data), never its earlier events,
     * which carry the data the company no longer shares; of a lead forwarded away only the news that it left (the
     * events written after its last departure from this agency: the {@code lead.updated} with status
     * {@code forwarded}). Test events are not sent again.
     */
    String REPLAYABLE = "agency_id = :agencyId AND state = 'FAILED' AND created_at >= :since AND lead_id IS NOT NULL "
        + "AND (event_type IN ('lead.withdrawn', 'lead.erased') "
        + "OR EXISTS (SELECT 1 FROM agency_lead l WHERE l.id = webhook_delivery.lead_id AND l.agency_id = :agencyId "
        + "AND l.status = 'OPEN') "
        + "OR (NOT EXISTS (SELECT 1 FROM agency_lead l WHERE l.id = webhook_delivery.lead_id AND l.agency_id = :agencyId) "
        + "AND created_at >= (SELECT MAX(x.forwarded_at) FROM lead_departure x WHERE x.lead_id = webhook_delivery.lead_id "
        + "AND x.agency_id = :agencyId)))";

    /**
     * Queues the agency's {@link #REPLAYABLE} failed deliveries again, as they were (same webhook-id and payload), with
     * a fresh series of attempts from {@code now}; how many.
     */
    @Query("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_by = NULL, "
        + "claimed_until = NULL WHERE " + REPLAYABLE)
    int replayFailed(String agencyId, Instant since, Instant now);

    /** How many of the agency's failed deliveries since {@code since} {@link #replayFailed} would queue again. */
    @Query("SELECT COUNT(*) FROM webhook_delivery WHERE " + REPLAYABLE)
    long replayable(String agencyId, Instant since);
}
