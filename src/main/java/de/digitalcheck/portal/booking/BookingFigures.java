package de.digitalcheck.portal.booking;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Figures of the bookings for the dashboards (issue 13): which of some checks have a confirmed appointment, which of
 * some bookings are confirmed. Only confirmed bookings count: a cancelled appointment is no booked one.
 */
@Singleton
public class BookingFigures {

    private static final int CHUNK = 500;

    private final TransactionOperations<Connection> transactions;

    BookingFigures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** How many of these checks (assessment ids) have at least one confirmed booking; counted in SQL, in chunks. */
    public long checksWithBooking(Collection<String> assessmentIds) {
        return bookedChecks(assessmentIds).size();
    }

    /** Which of these checks (assessment ids) have at least one confirmed booking; in chunks. */
    public Set<String> bookedChecks(Collection<String> assessmentIds) {
        return confirmedAmong("assessment_id", assessmentIds);
    }

    /**
     * Which of these bookings (ids) are confirmed, not cancelled; in chunks. The leads' dashboard asks it about the
     * bookings linked to its leads: a cancelled appointment is no booked one.
     */
    public Set<String> confirmedBookings(Collection<String> bookingIds) {
        return confirmedAmong("id", bookingIds);
    }

    private Set<String> confirmedAmong(String column, Collection<String> values) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(values));
        return transactions.executeRead(status -> {
            Set<String> found = new HashSet<>();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = status.getConnection().prepareStatement("SELECT DISTINCT " + column
                    + " FROM booking WHERE status = '" + BookingRow.CONFIRMED + "' AND " + column + " IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("booking figures failed", e);
                }
            }
            return found;
        });
    }
}
