package de.digitalcheck.portal.readiness;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a completed check with other completed checks: same sector and size class first, then the same
 * size class, the same sector, and finally all — the first group with at least {@link #MIN_GROUP} companies.
 * Only checks of the same questionnaire version count, and each <em>company</em> once, with its latest completed
 * check: checks that are copies ({@code /again}, linked by {@code previous_id}) or repeated submissions of the same
 * company (same contact email; without one, the same company name and postal code) count as one. So a burst of
 * identical submissions from one client moves the averages by at most one check's weight (see docs/scoring.md).
 *
 * <p>The figures change slowly, so they are not queried for every result page and PDF: each replica reads the peers'
 * scores once per questionnaire version and {@code portal.peers.cache-seconds} (5 minutes), sums them per sector and
 * size class, and answers from the sums. The company being compared is taken out arithmetically: its counted check's
 * contribution is subtracted from the sums (a check completed after the sums were made is not in them).
 */
@Singleton
class PeerBenchmark {

    static final int MIN_GROUP = 5;
    static final List<String> DIMENSIONS = Questionnaire.DIMENSION_IDS;

    private final TransactionOperations<Connection> transactions;
    private final Questionnaires questionnaires;
    private final LoadingCache<List<String>, Snapshot> snapshots;

    PeerBenchmark(TransactionOperations<Connection> transactions, Questionnaires questionnaires,
                  @Value("${portal.peers.cache-seconds:300}") long cacheSeconds) {
        this.transactions = transactions;
        this.questionnaires = questionnaires;
        this.snapshots = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(Math.max(0, cacheSeconds)))
            .maximumSize(20)
            .build(versions -> transactions.executeRead(status -> load(status.getConnection(), versions)));
    }

    /** Which companies a benchmark compares with. */
    public enum Group { SECTOR_AND_SIZE, SIZE, SECTOR, ALL }

    /** Average score and average level per dimension ({@code null} where no peer had it) of a group. */
    public record Benchmark(Group group, int companies, double score, Map<String, Double> levels) {
    }

    Optional<Benchmark> compare(Assessment assessment) {
        // checks of every questionnaire version with the same scoring version: their scores and levels mean the same
        Snapshot snapshot = snapshots.get(questionnaires.sameScoring(assessment.questionnaireVersion()));
        Peer own = snapshot.counted().get(identity(assessment.id().value(), assessment.contact().email(),
            assessment.company().name(), assessment.company().postalCode()));
        String sector = assessment.company().sector();
        String size = assessment.company().sizeClass().name();
        for (Group group : Group.values()) {
            Sums sums = snapshot.sums(group, sector, size).copy();
            if (own != null && own.in(group, sector, size)) {
                sums.subtract(own);
            }
            if (sums.companies >= MIN_GROUP) {
                return Optional.of(sums.benchmark(group));
            }
        }
        return Optional.empty();
    }

    /** Forgets the cached sums (tests). */
    void forget() {
        snapshots.invalidateAll();
    }

    /**
     * Who a check belongs to, for counting each company once: its contact email, else its name and postal code; an
     * anonymised check (neither) stands for itself.
     */
    static String identity(String id, String email, String companyName, String postalCode) {
        if (email != null && !email.isBlank()) {
            return "e:" + email.strip().toLowerCase(Locale.ROOT);
        }
        if (companyName != null && !companyName.isBlank()) {
            return "c:" + companyName.strip().toLowerCase(Locale.ROOT) + '|' + postalCode;
        }
        return "i:" + id;
    }

    /** One counted check: where it belongs and what it adds. */
    record Peer(String id, Instant completedAt, String sector, String size, double score, Integer[] levels) {

        boolean in(Group group, String otherSector, String otherSize) {
            return switch (group) {
                case SECTOR_AND_SIZE -> sector.equals(otherSector) && size.equals(otherSize);
                case SIZE -> size.equals(otherSize);
                case SECTOR -> sector.equals(otherSector);
                case ALL -> true;
            };
        }

        boolean laterThan(Peer other) {
            int byTime = completedAt.compareTo(other.completedAt);
            return byTime != 0 ? byTime > 0 : id.compareTo(other.id) > 0;
        }
    }

    /** Sums of a group: companies, score, and per dimension the levels and how many had one. */
    static final class Sums {
        int companies;
        double score;
        final double[] levels = new double[DIMENSIONS.size()];
        final int[] withLevel = new int[DIMENSIONS.size()];

        void add(Peer p, int sign) {
            companies += sign;
            score += sign * p.score();
            for (int i = 0; i < levels.length; i++) {
                if (p.levels()[i] != null) {
                    levels[i] += sign * p.levels()[i];
                    withLevel[i] += sign;
                }
            }
        }

        void subtract(Peer p) {
            add(p, -1);
        }

        Sums copy() {
            Sums c = new Sums();
            c.companies = companies;
            c.score = score;
            System.arraycopy(levels, 0, c.levels, 0, levels.length);
            System.arraycopy(withLevel, 0, c.withLevel, 0, withLevel.length);
            return c;
        }

        Benchmark benchmark(Group group) {
            Map<String, Double> averages = new LinkedHashMap<>();
            for (int i = 0; i < levels.length; i++) {
                averages.put(DIMENSIONS.get(i), withLevel[i] == 0 ? null : levels[i] / withLevel[i]);
            }
            return new Benchmark(group, companies, companies == 0 ? 0 : score / companies, averages);
        }
    }

    /** The counted checks of one questionnaire version by company, and their sums by group. */
    record Snapshot(Map<String, Peer> counted, Map<String, Sums> groups) {

        Sums sums(Group group, String sector, String size) {
            return groups.getOrDefault(key(group, sector, size), new Sums());
        }

        static String key(Group group, String sector, String size) {
            return switch (group) {
                case SECTOR_AND_SIZE -> "SS|" + sector + '|' + size;
                case SIZE -> "Z|" + size;
                case SECTOR -> "S|" + sector;
                case ALL -> "A";
            };
        }
    }

    /** Reads the completed checks of these versions (one query) and keeps each company's latest. */
    private static Snapshot load(Connection connection, List<String> versions) {
        StringBuilder sql = new StringBuilder("SELECT id, previous_id, contact_email, company_name, postal_code, sector, "
            + "size_class, completed_at, score");
        DIMENSIONS.forEach(d -> sql.append(", level_").append(d));
        sql.append(" FROM assessment WHERE status = 'COMPLETED' AND questionnaire_version IN (")
            .append(String.join(", ", java.util.Collections.nCopies(versions.size(), "?"))).append(')');
        Map<String, Peer> latest = new HashMap<>();
        Set<String> superseded = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < versions.size(); i++) {
                statement.setString(i + 1, versions.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    String previous = rs.getString("previous_id");
                    if (previous != null) {
                        superseded.add(previous);
                    }
                    Integer[] levels = new Integer[DIMENSIONS.size()];
                    for (int i = 0; i < levels.length; i++) {
                        int level = rs.getInt("level_" + DIMENSIONS.get(i));
                        levels[i] = rs.wasNull() ? null : level;
                    }
                    Timestamp completed = rs.getTimestamp("completed_at");
                    Peer peer = new Peer(id, completed == null ? Instant.EPOCH : completed.toInstant(),
                        rs.getString("sector"), rs.getString("size_class"), rs.getDouble("score"), levels);
                    String who = identity(id, rs.getString("contact_email"), rs.getString("company_name"),
                        rs.getString("postal_code"));
                    latest.merge(who, peer, (a, b) -> b.laterThan(a) ? b : a);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("peer benchmark query failed", e);
        }
        // a check that was checked again and completed is not the company's latest, whatever its identity says
        latest.values().removeIf(p -> superseded.contains(p.id()));
        Map<String, Sums> groups = new HashMap<>();
        for (Peer p : latest.values()) {
            for (Group g : Group.values()) {
                groups.computeIfAbsent(Snapshot.key(g, p.sector(), p.size()), k -> new Sums()).add(p, 1);
            }
        }
        return new Snapshot(Map.copyOf(latest), groups);
    }
}
