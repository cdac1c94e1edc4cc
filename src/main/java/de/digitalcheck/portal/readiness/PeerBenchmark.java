package de.digitalcheck.portal.readiness;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a completed check with other completed checks: same sector and size class first, then the same
 * size class, the same sector, and finally all — the first group with at least {@link #MIN_GROUP} companies.
 * Only checks of the same questionnaire version count, and of a company that checked again only its latest check.
 */
@Singleton
class PeerBenchmark {

    static final int MIN_GROUP = 5;
    static final List<String> DIMENSIONS = Questionnaire.DIMENSION_IDS;

    private final DataSource dataSource;

    PeerBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which companies a benchmark compares with. */
    public enum Group { SECTOR_AND_SIZE, SIZE, SECTOR, ALL }

    /** Average score and average level per dimension ({@code null} where no peer had it) of a group. */
    public record Benchmark(Group group, int companies, double score, Map<String, Double> levels) {
    }

    @Transactional(readOnly = true)
    Optional<Benchmark> compare(Assessment assessment) {
        for (Group group : Group.values()) {
            Benchmark benchmark = query(group, assessment);
            if (benchmark.companies() >= MIN_GROUP) {
                return Optional.of(benchmark);
            }
        }
        return Optional.empty();
    }

    private Benchmark query(Group group, Assessment a) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), AVG(score)");
        DIMENSIONS.forEach(d -> sql.append(", AVG(level_").append(d).append(')'));
        // completed checks of the same questionnaire version, each company's latest check only
        sql.append(" FROM assessment WHERE status = 'COMPLETED' AND id <> ? AND questionnaire_version = ?")
            .append(" AND id NOT IN (SELECT previous_id FROM assessment WHERE previous_id IS NOT NULL AND status = 'COMPLETED')");
        List<String> params = new ArrayList<>(List.of(a.id().value(), a.questionnaireVersion()));
        if (group == Group.SECTOR_AND_SIZE || group == Group.SECTOR) {
            sql.append(" AND sector = ?");
            params.add(a.company().sector());
        }
        if (group == Group.SECTOR_AND_SIZE || group == Group.SIZE) {
            sql.append(" AND size_class = ?");
            params.add(a.company().sizeClass().name());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Map<String, Double> levels = new LinkedHashMap<>();
                for (int i = 0; i < DIMENSIONS.size(); i++) {
                    double value = rs.getDouble(3 + i);
                    levels.put(DIMENSIONS.get(i), rs.wasNull() ? null : value);
                }
                return new Benchmark(group, rs.getInt(1), rs.getDouble(2), levels);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("peer benchmark query failed", e);
        }
    }
}
