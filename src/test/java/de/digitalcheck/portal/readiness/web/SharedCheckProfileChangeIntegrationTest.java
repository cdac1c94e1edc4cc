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
}
