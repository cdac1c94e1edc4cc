package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutcomeRows extends CrudRepository<OutcomeRow, String> {

    List<OutcomeRow> findByBookingIdIn(Collection<String> bookingIds);

    /** The agency's outcomes of appointments that started from {@code from} (included) to {@code to}, counted. */
    @Query("SELECT attendance, recommendation, programme_id, follow_up, COUNT(*) AS n FROM appointment_outcome"
        + " WHERE agency_id = :agencyId AND start_at >= :from AND start_at < :to"
        + " GROUP BY attendance, recommendation, programme_id, follow_up")
    List<Count> counts(String agencyId, Instant from, Instant to);

    /** As {@link #counts} for every agency of the network. */
    @Query("SELECT attendance, recommendation, programme_id, follow_up, COUNT(*) AS n FROM appointment_outcome"
        + " WHERE start_at >= :from AND start_at < :to"
        + " GROUP BY attendance, recommendation, programme_id, follow_up")
    List<Count> countsOfNetwork(Instant from, Instant to);

    @Introspected
    record Count(String attendance, String recommendation, @io.micronaut.core.annotation.Nullable String programmeId,
                 boolean followUp, long n) {
    }

    /** Changes the outcome if it is still at {@code version} (raising it by one); how many rows changed (0 or 1). */
    @Query("UPDATE appointment_outcome SET attendance = :attendance, follow_up = :followUp, recommendation = :recommendation,"
        + " programme_id = :programmeId, note = :note, recorded_by = :recordedBy, recorded_at = :recordedAt,"
        + " version = version + 1 WHERE booking_id = :bookingId AND version = :version")
    int changeIf(String bookingId, int version, String attendance, boolean followUp, String recommendation,
                 @io.micronaut.core.annotation.Nullable String programmeId,
                 @io.micronaut.core.annotation.Nullable String note, String recordedBy, Instant recordedAt);

    @Query("DELETE FROM appointment_outcome WHERE booking_id IN (:bookingIds)")
    int deleteOf(Collection<String> bookingIds);

    @Query("UPDATE appointment_outcome SET note = NULL WHERE booking_id IN (:bookingIds)")
    int forgetNotes(Collection<String> bookingIds);
}
