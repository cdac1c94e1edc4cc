package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LeadEventRows extends GenericRepository<LeadEventRow, String> {

    LeadEventRow save(LeadEventRow row);

    /**
     * Up to {@code limit} events written before {@code before}, oldest first (not locked: {@link #deleteAll} decides who
     * relays them).
     */
    @Query("SELECT * FROM lead_event WHERE created_at < :before ORDER BY created_at ASC LIMIT :limit")
    List<LeadEventRow> oldest(Instant before, int limit);

    /**
     * Deletes these events and locks them until the transaction ends; how many it deleted (fewer than asked: another
     * relay took some meanwhile).
     */
    @Query("DELETE FROM lead_event WHERE id IN (:ids)")
    int deleteAll(List<String> ids);

    @Query("SELECT COUNT(*) FROM lead_event")
    long waiting();
}
