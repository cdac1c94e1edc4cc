package de.digitalcheck.portal.booking;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import io.micronaut.data.annotation.Query;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CoachRows extends CrudRepository<CoachRow, String> {

    List<CoachRow> findByAgencyId(String agencyId);

    /**
     * Locks the coaches' rows until the transaction ends, always in the same order (no deadlock between two bookings
     * that want some of the same coaches): a booking's overlap check and insert are serialised per coach.
     * Must be the transaction's first read (MySQL's snapshot of later plain reads then includes every booking
     * committed before the lock was granted).
     */
    @Query("SELECT * FROM coach WHERE account_id IN (:ids) ORDER BY account_id FOR UPDATE")
    List<CoachRow> lock(Collection<String> ids);
}
