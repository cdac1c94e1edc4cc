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

    /**
     * The busy times of confirmed bookings of these coaches that overlap {@code since}..{@code until} with their
     * buffers: only the columns the slot finder needs, as seconds since 2000-01-01 UTC (the columns hold UTC). A slot
     * search reads thousands of them; whole rows cost three times as much to read and map, and the driver's parsing
     * of date-time text twice as much as numbers (bench/README.md, "Booking").
     */
    @Query("SELECT coach_id, TIMESTAMPDIFF(SECOND, DATE '2000-01-01', start_at) AS start_at,"
        + " TIMESTAMPDIFF(SECOND, DATE '2000-01-01', end_at) AS end_at,"
        + " TIMESTAMPDIFF(SECOND, DATE '2000-01-01', blocked_from) AS blocked_from,"
        + " TIMESTAMPDIFF(SECOND, DATE '2000-01-01', blocked_until) AS blocked_until"
        + " FROM booking WHERE coach_id IN (:coachIds) AND status = 'CONFIRMED' AND blocked_from < :until"
        + " AND blocked_until > :since")
    List<BusyTime> busyTimes(Collection<String> coachIds, Instant since, Instant until);

    /** A busy time in seconds since {@link #EPOCH_2000}. */
    @Introspected
    record BusyTime(String coachId, long startAt, long endAt, long blockedFrom, long blockedUntil) {

        /** 2000-01-01T00:00:00Z in seconds since 1970. */
        static final long EPOCH_2000 = 946_684_800L;

        SlotFinder.Booked booked() {
            return new SlotFinder.Booked(Instant.ofEpochSecond(EPOCH_2000 + startAt),
                Instant.ofEpochSecond(EPOCH_2000 + endAt), Instant.ofEpochSecond(EPOCH_2000 + blockedFrom),
                Instant.ofEpochSecond(EPOCH_2000 + blockedUntil));
        }
    }

    Optional<BookingRow> findByIdempotencyKey(String idempotencyKey);

    List<BookingRow> findByAssessmentIdAndStatusOrderByStartAtAsc(String assessmentId, String status);

    @Query("SELECT coach_id, MAX(created_at) AS last_booked FROM booking WHERE coach_id IN (:coachIds) GROUP BY coach_id")
    List<LastBooked> lastBooked(Collection<String> coachIds);

    @Introspected
    record LastBooked(String coachId, Instant lastBooked) {
    }
}
