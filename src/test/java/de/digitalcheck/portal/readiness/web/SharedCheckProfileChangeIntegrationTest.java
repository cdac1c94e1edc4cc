package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company that shared its completed check and then changed its company type to one with further questions turned
 * the check back into a draft: the agency's lead page said there was no complete result any more, its report was
 * gone, while the inbox and the API still showed the shared level. The change now makes a new check with the changed
 * profile and every answer, the shared check stays as it was; the new check's profile page says so, once. A change that
 * keeps every question answered, or of a check nobody holds, is made on the check itself, as before.
 */
@MicronautTest(transactional = false)
class SharedCheckProfileChangeIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;

    Http http;
    Database db;
    Questionnaire q;

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
        db = new Database(dataSource);
        q = questionnaires.current();
    }

    static Map<String, String> profile(String type, String postalCode) {
        Map<String, String> form = new LinkedHashMap<>(CheckPagesContract.profile("Dienst GmbH", postalCode, type));
        form.put("contactName", "Sina Service");
        form.put("contactEmail", "sina-" + System.nanoTime() + "@example.org");
        return form;
    }

    CompletedChecks.Completed services(boolean shared) {
        CompletedChecks checks = CompletedChecks.of(q).named("Dienst GmbH").at("44135").typed(CompanyType.SERVICES)
            .contact("Sina Service", "sina-" + System.nanoTime() + "@example.org");
        return (shared ? checks.sharedWithAgency() : checks).submit(http);
    }

    @Test
    void aTypeWithFurtherQuestionsMakesANewCheckAndTheSharedOneStaysAsItWasShared() {
        CompletedChecks.Completed check = services(true);
        Object answers = db.value("SELECT answers FROM assessment WHERE id = ?", check.id());
        long before = db.count("assessment");

        HttpResponse<String> changed = http.postForm("/check/" + check.token() + "/profile",
            profile("OWN_PRODUCTS", "44135"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        String location = changed.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/check/").endsWith("/profile").doesNotContain(check.token());
        String token = location.split("/")[2];

        // the shared check as it was: complete, its type, its answers
        assertThat(http.get(check.resultPath()).statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT company_type FROM assessment WHERE id = ?", check.id())).isEqualTo("SERVICES");
        assertThat(db.value("SELECT completed_at FROM assessment WHERE id = ?", check.id())).isNotNull();
        // the new one: the changed profile, every answer, its new questions open, linked to the shared one
        assertThat(db.count("assessment")).isEqualTo(before + 1);
        Map<String, Object> copy = db.rows("SELECT company_type, previous_id, completed_at, answers FROM assessment"
            + " WHERE token_hash = ?", Tokens.hash(token)).get(0);
        assertThat(copy.get("company_type")).isEqualTo("OWN_PRODUCTS");
        assertThat(copy.get("previous_id")).isEqualTo(check.id());
        assertThat(copy.get("completed_at")).isNull();
        assertThat(copy.get("answers")).isEqualTo(answers);

        HttpResponse<String> page = http.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"profile-copied\"", "Ein neuer Selbstcheck für die geänderten Angaben",
            "value=\"OWN_PRODUCTS\" checked");
        assertThat(http.get(location).body()).as("once").doesNotContain("id=\"profile-copied\"");
        assertThat(http.get("/check/" + check.token() + "/profile").body()).as("not on the shared check's page")
            .doesNotContain("id=\"profile-copied\"");
    }

    @Test
    void aChangeThatKeepsEveryQuestionAnsweredOrOfACheckNobodyHoldsIsMadeOnTheCheck() {
        CompletedChecks.Completed shared = services(true);
        long before = db.count("assessment");
        HttpResponse<String> moved = http.postForm("/check/" + shared.token() + "/profile", profile("SERVICES", "58095"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).contains(shared.token());
        assertThat(db.value("SELECT postal_code FROM assessment WHERE id = ?", shared.id())).isEqualTo("58095");

        CompletedChecks.Completed own = services(false);
        HttpResponse<String> reopened = http.postForm("/check/" + own.token() + "/profile",
            profile("OWN_PRODUCTS", "44135"));
        assertThat(reopened.statusCode()).isEqualTo(303);
        assertThat(reopened.headers().firstValue("Location").orElseThrow()).contains(own.token());
        assertThat(db.value("SELECT company_type FROM assessment WHERE id = ?", own.id())).isEqualTo("OWN_PRODUCTS");
        assertThat(db.value("SELECT completed_at FROM assessment WHERE id = ?", own.id())).as("a draft again").isNull();
        assertThat(db.count("assessment")).isEqualTo(before + 1);
        assertThat(http.get("/check/" + own.token() + "/profile").body()).doesNotContain("id=\"profile-copied\"");
    }

    /**
     * Saving the profile of a completed check that stays complete (a corrected postal code) goes back to its result;
     * one the change leaves with open questions (another company type) goes to the first step with an open question.
     * Both went to the questionnaire's first step, the result out of reach until every page was walked through again.
     * A draft's profile still goes on to the first step.
     */
    @Test
    void aCompletedCheckGoesBackToItsResultOrToItsFirstOpenQuestion() {
        CompletedChecks.Completed check = services(false);
        HttpResponse<String> corrected = http.postForm("/check/" + check.token() + "/profile",
            profile("SERVICES", "58095"));
        assertThat(corrected.statusCode()).isEqualTo(303);
        assertThat(corrected.headers().firstValue("Location")).hasValue(check.resultPath());
        assertThat(db.value("SELECT postal_code FROM assessment WHERE id = ?", check.id())).isEqualTo("58095");
        assertThat(db.value("SELECT completed_at FROM assessment WHERE id = ?", check.id())).isNotNull();
        assertThat(http.get(check.resultPath()).statusCode()).isEqualTo(200);
        // the profile page of a completed check has both ways: back to the result first, then on to the answers
        String page = http.get("/check/" + check.token() + "/profile").body();
        assertThat(page).contains("name=\"nav\" value=\"result\"><span class=\"kern-label\">Speichern und zum Ergebnis",
            "name=\"nav\" value=\"questions\"><span class=\"kern-label\">Speichern und Antworten ändern")
            .doesNotContain("Speichern und weiter");
        assertThat(page.indexOf("value=\"result\"")).isLessThan(page.indexOf("value=\"questions\""));
        Map<String, String> toAnswers = profile("SERVICES", "58095");
        toAnswers.put("nav", "questions");
        assertThat(http.postForm("/check/" + check.token() + "/profile", toAnswers).headers().firstValue("Location"))
            .as("to change answers").hasValue("/check/" + check.token() + "/step/"
                + q.dimensionsFor(CompanyType.SERVICES).get(0).id());
        Map<String, String> toResult = profile("SERVICES", "58095");
        toResult.put("nav", "result");
        assertThat(http.postForm("/check/" + check.token() + "/profile", toResult).headers().firstValue("Location"))
            .hasValue(check.resultPath());

        // another type brings questions: the first page that has one of them, not the first page
        String firstOpen = q.dimensionsFor(CompanyType.OWN_PRODUCTS).stream()
            .filter(d -> q.questionsOf(d.id(), CompanyType.OWN_PRODUCTS).stream()
                .anyMatch(question -> !question.appliesTo(CompanyType.SERVICES)))
            .map(Questionnaire.Dimension::id).findFirst().orElseThrow();
        assertThat(firstOpen).as("the test needs an open step after the first")
            .isNotEqualTo(q.dimensionsFor(CompanyType.OWN_PRODUCTS).get(0).id());
        HttpResponse<String> reopened = http.postForm("/check/" + check.token() + "/profile",
            profile("OWN_PRODUCTS", "58095"));
        assertThat(reopened.statusCode()).isEqualTo(303);
        assertThat(reopened.headers().firstValue("Location"))
            .hasValue("/check/" + check.token() + "/step/" + firstOpen);
        assertThat(db.value("SELECT completed_at FROM assessment WHERE id = ?", check.id())).isNull();
        assertThat(http.get("/check/" + check.token()).headers().firstValue("Location")).as("as resuming it does")
            .hasValue("/check/" + check.token() + "/step/" + firstOpen);

        // a draft goes on to the first step, as before, with its one button
        assertThat(http.get("/check/" + check.token() + "/profile").body()).contains("Speichern und weiter")
            .doesNotContain("name=\"nav\"");
        HttpResponse<String> draft = http.postForm("/check/" + check.token() + "/profile",
            profile("OWN_PRODUCTS", "44135"));
        assertThat(draft.headers().firstValue("Location"))
            .hasValue("/check/" + check.token() + "/step/" + q.dimensionsFor(CompanyType.OWN_PRODUCTS).get(0).id());
    }
}
