package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.AtOnce;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.WebhookReceiver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result page's consent given again at the same moment (a double click: six posts at once): the posts are answered
 * with the result, never a 500, and give one consent. Run against H2 and against MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepeatedConsentContract implements TestPropertyProvider {

    static final String DORTMUND = "44135";
    static final String GIVEN = "/result?consent=given#consent-shared";

    final SmtpServer smtp = new SmtpServer();
    WebhookReceiver receiver;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Webhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;

    Http http;
    Database db;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(server, json);
        http.csrfToken(); // one form token for the posts at once (each would fetch its own, and the cookie only one)
        db = new Database(dataSource);
        if (receiver == null) {
            receiver = new WebhookReceiver();
            receiver.trust(webhooks.setUrl("wf-dortmund", receiver.url()).orElseThrow());
        }
        receiver.answer(n -> WebhookReceiver.Answer.ok());
        dispatcher.awaitWakeUps();
    }

    /** A completed check at Dortmund with this contact, not shared. */
    CompletedChecks.Completed check(String name, String email) {
        return CompletedChecks.of(questionnaires.current()).named("Anna Test Metall GmbH").at(DORTMUND)
            .contact(name, email).submit(http);
    }

    HttpResponse<String> consent(CompletedChecks.Completed check, String name, String email) {
        return http.postForm("/check/" + check.token() + "/einwilligung", Map.of("consentName", name,
            "consentEmail", email, "shareWithAgency", "on"));
    }

    static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The open leads that consents to share this check went into. */
    List<Map<String, Object>> openLeadsOf(String checkId) {
        return db.rows("SELECT * FROM agency_lead WHERE status = 'OPEN' AND id IN "
            + "(SELECT lead_id FROM lead_consent WHERE assessment_id = ?)", checkId);
    }

    long consentsOf(String checkId) {
        return ((Number) db.value("SELECT COUNT(*) FROM lead_consent WHERE assessment_id = ?", checkId)).longValue();
    }

    /**
     * The tester's rounds: a check completed with one contact, its consent posted six times at once with another (a
     * double click). Each post is answered 303 to the result (it was 303 303 303 500 500 500: the check's optimistic
     * lock lost inside the consent's transaction, tried again there, and the commit refused); the check takes the new
     * contact, and the posts after the first find the consent given, as a post repeated later does: one lead, one
     * consent.
     */
    @Test
    void aConsentPostedSixTimesAtOnceWithAnotherContactIsGivenOnceAndEveryPostIsAnsweredWithTheResult()
        throws Exception {
        for (int round = 0; round < 5; round++) {
            CompletedChecks.Completed check = check("Anna Test", unique("anna"));
            String email = unique("anna1");
            List<HttpResponse<String>> posts = AtOnce.times(6, () -> consent(check, "Anna Q1", email));

            assertThat(posts).as("round " + round).extracting(HttpResponse::statusCode).containsOnly(303);
            assertThat(posts).allSatisfy(p -> assertThat(p.headers().firstValue("Location").orElseThrow())
                .endsWith(GIVEN));
            Map<String, Object> stored = db.rows("SELECT * FROM assessment WHERE id = ?", check.id()).get(0);
            assertThat(stored.get("contact_email")).isEqualTo(email);
            assertThat(stored.get("contact_name")).isEqualTo("Anna Q1");
            List<Map<String, Object>> leads = openLeadsOf(check.id());
            assertThat(leads).as("one lead").hasSize(1);
            assertThat(leads.get(0).get("contact_email")).isEqualTo(email);
            assertThat(consentsOf(check.id())).as("one consent: a double click is one").isEqualTo(1);
        }
    }
}
