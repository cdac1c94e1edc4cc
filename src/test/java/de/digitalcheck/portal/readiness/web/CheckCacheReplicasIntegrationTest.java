package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Question pages come from memory for the revision a browser last saw ({@code CheckCache}, revision cookie):
 * proven with two servers sharing one database, as two replicas behind one host name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "datasources.default.url", value = CheckCacheReplicasIntegrationTest.SHARED_DB)
class CheckCacheReplicasIntegrationTest {

    static final String SHARED_DB = "jdbc:h2:mem:check-cache;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    private static final CompanyType TYPE = CompanyType.OWN_PRODUCTS;

    @Inject
    EmbeddedServer one;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;
    @Inject
    PersonalDataRequests personalData;

    EmbeddedServer two;
    Questionnaire q;
    List<Questionnaire.Question> strategy;

    @BeforeAll
    void startSecondReplica() {
        two = ApplicationContext.run(EmbeddedServer.class, Map.of("datasources.default.url", SHARED_DB), "test");
    }

    @AfterAll
    void stopSecondReplica() {
        two.close();
    }

    @BeforeEach
    void setUp() {
        q = questionnaires.current();
        strategy = q.questionsOf("strategy", TYPE);
    }

    /** Starts a check on replica one (contact {@code email}) and returns its token. */
    private String start(Http browser, String name, String email) {
        Map<String, String> form = CheckPagesContract.profile(name, "44135", TYPE.name());
        form.put("contactName", "Erika Muster");
        form.put("contactEmail", email);
        HttpResponse<String> started = browser.postForm("/check", form);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        return started.headers().firstValue("Location").orElseThrow().split("/")[2];
    }

    private HttpResponse<String> saveStrategy(Http browser, String token, int level) {
        return browser.postForm("/check/" + token + "/step/strategy",
            CheckPagesContract.stepForm(Answers.atLevel(q, TYPE, level), strategy, "next"));
    }

    private String chosen(int level) {
        return "value=\"" + Answers.atLevel(q, TYPE, level).get(strategy.get(0).id()) + "\"\\s+checked";
    }

    @Test
    void aSaveOnOneReplicaIsShownByTheOtherAtOnce() {
        Http onOne = new Http(one, json);
        Http onTwo = onOne.to(two);
        String token = start(onOne, "Replika GmbH", "replika@example.org");
        String page = "/check/" + token + "/step/strategy";
        assertThat(onOne.get(page).body()).doesNotContainPattern("checked");
        assertThat(onTwo.get(page).body()).doesNotContainPattern("checked");
        // saved on two: one, which still knows the older revision, shows the new answers
        assertThat(saveStrategy(onTwo, token, 3).statusCode()).isEqualTo(303);
        assertThat(onOne.get(page).body()).containsPattern(chosen(3));
        // and back: saved on one, shown on two
        assertThat(saveStrategy(onOne, token, 1).statusCode()).isEqualTo(303);
        assertThat(onTwo.get(page).body()).containsPattern(chosen(1)).doesNotContainPattern(chosen(3));
        assertThat(onOne.get(page).body()).containsPattern(chosen(1));
        // another device (no revision cookie) opening the link reads the database
        assertThat(new Http(two, json).get(page).body()).containsPattern(chosen(1));
    }

    @Test
    void theRevisionTheBrowserSawIsServedFromMemory() throws Exception {
        Http browser = new Http(one, json);
        String token = start(browser, "Speicher GmbH", "speicher@example.org");
        String page = "/check/" + token + "/step/strategy";
        assertThat(saveStrategy(browser, token, 2).statusCode()).isEqualTo(303);
        String revision = browser.cookie(RevisionCookie.NAME).orElseThrow();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement stored = c.prepareStatement("SELECT revision FROM assessment WHERE token_hash = ?");
             PreparedStatement update = c.prepareStatement("UPDATE assessment SET answers = ? WHERE token_hash = ?")) {
            // the cookie names the stored revision: one more than at the start, for the one save
            stored.setString(1, Tokens.hash(token));
            try (ResultSet row = stored.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(1).isEqualTo(Integer.parseInt(revision));
            }
            // the stored answers change behind the portal's back, without a new revision
            update.setString(1, json.writeValueAsString(Map.of(strategy.get(0).id(),
                Answers.atLevel(q, TYPE, 4).get(strategy.get(0).id()))));
            update.setString(2, Tokens.hash(token));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        // the browser's page is its revision's, from memory: no database read
        assertThat(browser.get(page).body()).containsPattern(chosen(2));
        assertThat(browser.cookie(RevisionCookie.NAME)).contains(revision);
        // without the cookie, with a forged one or on the other replica, the database is read
        assertThat(new Http(one, json).get(page).body()).containsPattern(chosen(4));
        for (String forged : List.of("abc", "-1", "99999999999", "", Integer.toString(Integer.parseInt(revision) + 1))) {
            HttpResponse<String> answer = new Http(one, json).get(page, "Cookie", RevisionCookie.NAME + "=" + forged);
            assertThat(answer.statusCode()).as(forged).isEqualTo(200);
            assertThat(answer.body()).as(forged).containsPattern(chosen(4));
        }
        assertThat(browser.to(two).get(page).body()).containsPattern(chosen(4));
    }

    @Test
    void anErasedCheckIsForgottenByTheReplicaThatErasedIt() {
        Http browser = new Http(one, json);
        String token = start(browser, "Löschen GmbH", "loeschen@example.org");
        String page = "/check/" + token + "/step/strategy";
        assertThat(saveStrategy(browser, token, 2).statusCode()).isEqualTo(303);
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        assertThat(personalData.erase("loeschen@example.org")).containsEntry("checks", 1);
        HttpResponse<String> gone = browser.get(page);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("Dieser Link ist nicht (mehr) gültig");
        assertThat(new Http(two, json).get(page).statusCode()).isEqualTo(404);
        // a link that never existed, with or without a revision cookie
        String unknown = "/check/" + "B".repeat(43) + "/step/strategy";
        assertThat(new Http(one, json).get(unknown).body()).contains("Dieser Link ist nicht (mehr) gültig");
        assertThat(new Http(one, json).get(unknown, "Cookie", RevisionCookie.NAME + "=0").statusCode()).isEqualTo(404);
    }
}
