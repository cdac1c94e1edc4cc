package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The conditional updates of a booked appointment's life (issue 15): each changes the row only in the state it was
 * read in, so that of two racing changes (two moves, a move and a reminder) exactly one takes effect.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BookingChangeRows extends GenericRepository<BookingRow, String> {

    /**
     * Moves a confirmed appointment whose private token is still {@code oldHash}: new times, new token, the
     * invitation's {@code SEQUENCE} raised, the reminder re-armed ({@code reminderClaimedAt} null) or settled.
     *
     * @return 1 if moved; 0 if the token changed meanwhile or the appointment was cancelled
     */
    @Query("UPDATE booking SET start_at = :start, end_at = :end, blocked_from = :blockedFrom, "
        + "blocked_until = :blockedUntil, token_hash = :newHash, sequence_no = sequence_no + 1, updated_at = :now, "
        + "reminder_claimed_at = :reminderClaimedAt WHERE id = :id AND token_hash = :oldHash AND status = 'CONFIRMED'")
    int move(String id, String oldHash, String newHash, Instant start, Instant end, Instant blockedFrom,
             Instant blockedUntil, Instant now, @Nullable Instant reminderClaimedAt);

    /**
     * A coach's or staff member's move of a confirmed appointment that still starts at {@code oldStart} (as it was
     * checked): as {@link #move}, whatever its token is meanwhile — a reminder or "Mein Unternehmen" giving the
     * company a new link at that moment does not stop the move, whose mail brings the newest link.
     *
     * @return 1 if moved; 0 if it was cancelled or moved meanwhile
     */
    @Query("UPDATE booking SET start_at = :start, end_at = :end, blocked_from = :blockedFrom, "
        + "blocked_until = :blockedUntil, token_hash = :newHash, sequence_no = sequence_no + 1, updated_at = :now, "
        + "reminder_claimed_at = :reminderClaimedAt WHERE id = :id AND start_at = :oldStart AND status = 'CONFIRMED'")
    int moveByStaff(String id, Instant oldStart, String newHash, Instant start, Instant end, Instant blockedFrom,
                    Instant blockedUntil, Instant now, @Nullable Instant reminderClaimedAt);

    /**
     * Cancels a confirmed appointment (with the message of the coach or staff member who cancels it); 0 if it was
     * cancelled already.
     */
    @Query("UPDATE booking SET status = 'CANCELLED', cancel_reason = :reason, sequence_no = sequence_no + 1, "
        + "updated_at = :now WHERE id = :id AND status = 'CONFIRMED'")
    int cancel(String id, @Nullable String reason, Instant now);

    /**
     * Cancels a confirmed appointment whose private token is still {@code tokenHash} (the company's link it was checked
     * with), with the company's reason.
     *
     * @return 1 if cancelled; 0 if it was cancelled already, or its token changed meanwhile (moved, reminded, a new
     *     link from "Mein Unternehmen"): that link is spent and cancels nothing
     */
    @Query("UPDATE booking SET status = 'CANCELLED', cancel_reason = :reason, sequence_no = sequence_no + 1, "
        + "updated_at = :now WHERE id = :id AND token_hash = :tokenHash AND status = 'CONFIRMED'")
    int cancelWithToken(String id, String tokenHash, @Nullable String reason, Instant now);

    /** Confirmed appointments starting in {@code (from, until]} that nobody reminded yet, earliest first. */
    @Query("SELECT * FROM booking WHERE status = 'CONFIRMED' AND start_at > :from AND start_at <= :until "
        + "AND reminder_claimed_at IS NULL ORDER BY start_at LIMIT :limit")
    List<BookingRow> findUnreminded(Instant from, Instant until, int limit);

    /**
     * Claims an appointment's reminder (and gives it a new private token when {@code newHash} is given, for the
     * reminder's link): one conditional update, so that of several replicas exactly one sends it.
     *
     * @return 1 if this call claimed it
     */
    @Query("UPDATE booking SET reminder_claimed_at = :now, token_hash = :newHash WHERE id = :id "
        + "AND reminder_claimed_at IS NULL AND status = 'CONFIRMED' AND start_at = :start")
    int claimReminder(String id, Instant start, String newHash, Instant now);

    /** Settles a reminder that is not due (booked less than the lead time before the start) without a mail. */
    @Query("UPDATE booking SET reminder_claimed_at = :now WHERE id = :id AND reminder_claimed_at IS NULL")
    int settleReminder(String id, Instant now);
}
