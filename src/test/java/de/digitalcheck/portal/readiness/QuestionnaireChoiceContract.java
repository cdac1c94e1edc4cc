package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.internal.QuestionnaireChoiceRows;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The questionnaire version for new checks as network admins choose it ({@code questionnaire_choice}): the default
 * without a choice, the newest choice with who and when, unknown versions refused with nothing stored, another replica
 * following within {@link Questionnaires#REFRESH}, and the checks counted per version in one statement. Run on H2
 * and MySQL/MariaDB.
 */
abstract class QuestionnaireChoiceContract {

    @Inject
    Questionnaires questionnaires;
    @Inject
    QuestionnaireVersions versions;
    @Inject
    QuestionnaireChoiceRows rows;
    @Inject
    ResourceResolver resolver;
    @Inject
    DataSource dataSource;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Value("${portal.questionnaires}")
    List<String> files;

    @BeforeEach
    @AfterEach
    void noChoice() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM questionnaire_choice");
        }
        questionnaires.reread();
    }

    @Test
    void withoutAChoiceNewChecksStartWithTheLastConfiguredVersion() {
        assertThat(questionnaires.configuredDefault().version()).isEqualTo("2");
        assertThat(questionnaires.current().version()).isEqualTo("2");
        assertThat(versions.history()).isEmpty();
        assertThat(versions.overview()).extracting(v -> v.questionnaire().version(), QuestionnaireVersions.Version::current,
                QuestionnaireVersions.Version::configuredDefault)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("1", false, false),
                org.assertj.core.groups.Tuple.tuple("2", true, true));
    }

    @Test
    void theNewestChoiceCountsAndTheHistoryNamesWhoAndWhen() {
        versions.choose("1", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        assertThat(questionnaires.current().version()).isEqualTo("1");
        versions.choose(" 2 ", "00000000-0000-0000-0000-00000000000b", "Ada Admin");
        versions.choose("1", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        assertThat(questionnaires.current().version()).isEqualTo("1");
        List<QuestionnaireVersions.Choice> history = versions.history();
        assertThat(history).extracting(QuestionnaireVersions.Choice::version, QuestionnaireVersions.Choice::chosenByName)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "Nora Netzwerk"),
                org.assertj.core.groups.Tuple.tuple("2", "Ada Admin"),
                org.assertj.core.groups.Tuple.tuple("1", "Nora Netzwerk"));
        assertThat(history.get(0).chosenAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(versions.overview()).filteredOn(QuestionnaireVersions.Version::current)
            .extracting(v -> v.questionnaire().version()).containsExactly("1");
    }

    @Test
    void anUnknownVersionIsRefusedWithAFieldErrorAndNothingIsStored() {
        versions.choose("1", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        for (String bad : new String[] {"9", "", null, "1.0", "v1", "2; DROP TABLE assessment"}) {
            assertThatThrownBy(() -> versions.choose(bad, "00000000-0000-0000-0000-00000000000b", "Ada Admin"))
                .as(String.valueOf(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                    assertThat(e.errors()).extracting(f -> f.field() + " " + f.key())
                        .containsExactly("version error.questionnaire.version.unknown"));
        }
        assertThat(versions.history()).hasSize(1);
        assertThat(questionnaires.current().version()).isEqualTo("1");
    }

    /** A second replica (its own {@link Questionnaires} over the same database) keeps its reading for at most 5 s. */
    @Test
    void anotherReplicaFollowsAChoiceWithinTheRefreshTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        Questionnaires replica = new Questionnaires(files, resolver, () -> rows, clock);
        assertThat(replica.current().version()).isEqualTo("2");

        versions.choose("1", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        assertThat(questionnaires.current().version()).as("the replica where it was chosen: at once").isEqualTo("1");
        clock.now = clock.now.plus(Questionnaires.REFRESH).minusMillis(1);
        assertThat(replica.current().version()).as("the other replica, just before its refresh").isEqualTo("2");
        clock.now = clock.now.plusMillis(1);
        assertThat(replica.current().version()).as("the other replica, after " + Questionnaires.REFRESH).isEqualTo("1");

        versions.choose("2", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        clock.now = clock.now.plus(Questionnaires.REFRESH);
        assertThat(replica.current().version()).isEqualTo("2");
    }

    @Test
    void checksAreCountedPerVersionStartedAndCompleted() {
        Map<String, long[]> before = counts();
        Http http = new Http(server, json);
        CompletedChecks.of(questionnaires.current()).named("Zählwerk Zwei").submit(http);
        assertThat(http.postForm("/check", Map.of("name", "Entwurf Zwei", "postalCode", "44135", "sector", "C",
            "employees", "5", "companyType", "TRADE")).statusCode()).isEqualTo(303);
        versions.choose("1", "00000000-0000-0000-0000-00000000000a", "Nora Netzwerk");
        CompletedChecks.of(questionnaires.current()).named("Zählwerk Eins").submit(http);
        Map<String, long[]> after = counts();
        assertThat(after.get("2")[0] - before.get("2")[0]).as("started with 2").isEqualTo(2);
        assertThat(after.get("2")[1] - before.get("2")[1]).as("completed with 2").isEqualTo(1);
        assertThat(after.get("1")[0] - before.get("1")[0]).as("started with 1").isEqualTo(1);
        assertThat(after.get("1")[1] - before.get("1")[1]).as("completed with 1").isEqualTo(1);
    }

    private Map<String, long[]> counts() {
        Map<String, long[]> counts = new java.util.HashMap<>();
        versions.overview().forEach(v -> counts.put(v.questionnaire().version(), new long[] {v.started(), v.completed()}));
        return counts;
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
