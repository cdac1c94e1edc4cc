package de.digitalcheck.portal.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of the completed checks for the dashboards (issue 13): the average level per dimension of the checks
 * routed to one agency (its territory at the time of the check) or of the whole network, aggregated in SQL (one
 * statement; a dimension that did not apply to a company does not count for it).
 */
@Singleton
public class ReadinessFigures {

    private final TransactionOperations<Connection> transactions;

    ReadinessFigures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param checks how many completed checks the averages are of
     * @param levels the average level (0–5) per dimension id, in the questionnaire's order; absent where no check
     *               had the dimension
     */
    public record Averages(long checks, Map<String, Double> levels) {
    }

    /** The averages of the checks routed to {@code agencyId}, or of every completed check with {@code null}. */
    public Averages averages(@Nullable String agencyId) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        Questionnaire.DIMENSION_IDS.forEach(d -> sql.append(", AVG(CAST(level_").append(d).append(" AS DOUBLE))"));
        sql.append(" FROM assessment WHERE status = 'COMPLETED'");
        if (agencyId != null) {
            sql.append(" AND agency_id = ?");
        }
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(sql.toString())) {
                if (agencyId != null) {
                    s.setString(1, agencyId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Map<String, Double> levels = new LinkedHashMap<>();
                    for (int i = 0; i < Questionnaire.DIMENSION_IDS.size(); i++) {
                        double v = rs.getDouble(i + 2);
                        if (!rs.wasNull()) {
                            levels.put(Questionnaire.DIMENSION_IDS.get(i), v);
                        }
                    }
                    return new Averages(rs.getLong(1), levels);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("readiness figures failed", e);
            }
        });
    }
}
