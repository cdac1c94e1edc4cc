package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page answered to a form's post (a refused form: 422, 409) keeps the post's address; the address bar's reload, a
 * bookmark or a shared link then sends a GET there. That was a 405 error page; it now leads (303) to the nearest page
 * above the address that can be read, which makes its own access checks, and changes nothing. The API's addresses,
 * and methods other than GET and HEAD, keep their 405 with {@code Allow}.
 */
@MicronautTest(transactional = false)
class FormAddressReloadIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;

    @Test
    void aGetOfAFormsAddressLeadsToThePageAboveIt() {
        Http staff = as("reload-staff", "staff@dortmund.example.org");
        assertThat(staff.get("/agentur").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/agentur/profil", "/agentur/profil/", "/agentur/team/x/sperren",
            "/agentur/logo"}) {
            HttpResponse<String> reload = staff.get(path);
            assertThat(reload.statusCode()).as(path).isEqualTo(303);
            assertThat(reload.headers().firstValue("Location")).as(path).contains("/agentur");
            assertThat(staff.send("HEAD", path).statusCode()).as("HEAD " + path).isEqualTo(303);
        }

        Http admin = as("reload-admin", "admin@digitalcheck.example.org");
        HttpResponse<String> invitations = admin.get("/admin/einladungen");
        assertThat(invitations.statusCode()).isEqualTo(303);
        assertThat(invitations.headers().firstValue("Location")).contains("/admin");

        // a company's consent form, reloaded after a refused consent: its check's page
        Http company = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Neu Geladen GmbH")
            .submit(company);
        HttpResponse<String> consent = company.get("/check/" + check.token() + "/einwilligung");
        assertThat(consent.statusCode()).isEqualTo(303);
        assertThat(consent.headers().firstValue("Location")).contains("/check/" + check.token());
        assertThat(company.get(check.resultPath()).body()).as("no consent was given by the GET")
            .doesNotContain("id=\"consent-shared\"");
    }

    @Test
    void anAnonymousGetOfAStaffFormsAddressReachesNoStaffPage() {
        Http stranger = new Http(server, json);
        HttpResponse<String> reload = stranger.get("/agentur/profil");
        assertThat(reload.statusCode()).isIn(302, 303, 401);
        String location = reload.headers().firstValue("Location").orElse("");
        if (location.equals("/agentur")) {
            HttpResponse<String> followed = stranger.get(location);
            assertThat(followed.statusCode()).as("the page above makes its own checks").isIn(302, 303, 401);
        }
        assertThat(reload.body()).doesNotContain("Wirtschaftsförderung Dortmund");
    }

    @Test
    void otherMethodsAndTheApiKeepTheir405() {
        Http staff = as("reload-staff", "staff@dortmund.example.org");
        HttpResponse<String> put = staff.send("PUT", "/agentur/profil", "", "Content-Type",
            "application/x-www-form-urlencoded");
        assertThat(put.statusCode()).isIn(403, 405);
        assertThat(put.headers().firstValue("Location")).isEmpty();

        Http client = new Http(server, json);
        HttpResponse<String> api = client.get("/api/v1/bookings", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
            assertThat(t).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
        assertThat(api.headers().firstValue("Location")).isEmpty();
    }
}
