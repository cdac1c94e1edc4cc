package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BookingRows extends CrudRepository<BookingRow, String> {

    /** Confirmed bookings of these coaches that overlap {@code since}..{@code until} with their buffers. */
    List<BookingRow> findByCoachIdInAndStatusAndBlockedFromLessThanAndBlockedUntilGreaterThan(
        Collection<String> coachIds, String status, Instant until, Instant since);

    Optional<BookingRow> findByIdempotencyKey(String idempotencyKey);

    List<BookingRow> findByAssessmentIdAndStatusOrderByStartAtAsc(String assessmentId, String status);

    @Query("SELECT coach_id, MAX(created_at) AS last_booked FROM booking WHERE coach_id IN (:coachIds) GROUP BY coach_id")
    List<LastBooked> lastBooked(Collection<String> coachIds);

    @Introspected
    record LastBooked(String coachId, Instant lastBooked) {
    }
}
