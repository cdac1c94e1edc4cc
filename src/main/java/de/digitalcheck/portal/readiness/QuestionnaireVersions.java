package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.internal.QuestionnaireChoiceRows;
import de.digitalcheck.portal.shared.validation.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network admin's view of the questionnaire versions: each configured version with how many checks were started
 * and completed with it, which one new checks start with, and choosing that one (recorded with who and when).
 * Published versions are never edited: a new version is a new file (docs/scoring.md, Versioning).
 */
@Singleton
public class QuestionnaireVersions {

    /** How many of the latest choices the history shows. */
    public static final int HISTORY = 20;
    static final String VERSION_FIELD = "version";

    private final Questionnaires questionnaires;
    private final QuestionnaireChoiceRows choices;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    QuestionnaireVersions(Questionnaires questionnaires, QuestionnaireChoiceRows choices,
                          TransactionOperations<Connection> transactions, Clock clock) {
        this.questionnaires = questionnaires;
        this.choices = choices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A configured version: its checks so far, and whether it is the current one and the configured default. */
    public record Version(Questionnaire questionnaire, long started, long completed, boolean current,
                          boolean configuredDefault) {

        public int questions() {
            return questionnaire.questions().size();
        }
    }

    /** A network admin chose {@code version} for new checks. */
    public record Choice(String version, String chosenByName, Instant chosenAt) {
    }

    /** Every configured version, in the configured order, with its checks counted in one statement. */
    public List<Version> overview() {
        Map<String, long[]> counts = counts();
        String current = questionnaires.current().version();
        String fallback = questionnaires.configuredDefault().version();
        return questionnaires.all().stream().map(q -> {
            long[] c = counts.getOrDefault(q.version(), new long[2]);
            return new Version(q, c[0], c[1], q.version().equals(current), q.version().equals(fallback));
        }).toList();
    }

    /** The latest choices, newest first (at most {@link #HISTORY}). */
    public List<Choice> history() {
        return choices.newest(HISTORY).stream()
            .map(r -> new Choice(r.version(), r.chosenByName(), r.chosenAt())).toList();
    }

    /**
     * Makes {@code version} the one new checks start with; checks already started keep theirs. An unknown version is
     * refused (field {@value #VERSION_FIELD}) and nothing is stored.
     */
    public Questionnaire choose(@Nullable String version, String accountId, String accountName) {
        Errors errors = new Errors();
        Questionnaire chosen = version == null ? null : questionnaires.version(version.strip()).orElse(null);
        if (chosen == null) {
            errors.add(VERSION_FIELD, "error.questionnaire.version.unknown");
        }
        errors.throwIfAny();
        choices.add(chosen.version(), accountId, accountName, clock.instant());
        questionnaires.reread();
        return chosen;
    }

    /** Checks per questionnaire version: {started, completed}. */
    private Map<String, long[]> counts() {
        String sql = "SELECT questionnaire_version, COUNT(*), SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END)"
            + " FROM assessment GROUP BY questionnaire_version";
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                Map<String, long[]> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
                return counts;
            } catch (SQLException e) {
                throw new IllegalStateException("counting checks per questionnaire version failed", e);
            }
        });
    }
}
