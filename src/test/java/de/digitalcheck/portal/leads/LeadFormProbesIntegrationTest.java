package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker or a broken browser sends to the lead workspace: forged hidden fields and path ids no lead has.
 * Each answer is a page that says what went wrong, in German, never a blank page or a server error, and nothing is
 * stored.
 */
@MicronautTest(transactional = false)
class LeadFormProbesIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Router router;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("probes-");
        db = new Database(dataSource);
    }

    private String lead(String company, String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at("58452")
            .contact("Kim Kontakt", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    /** A version that is no number used to answer an empty 400: the browser showed a blank page. */
    @Test
    void aForgedVersionGetsTheErrorPageAndStoresNothing() {
        String id = lead("Probe Version GmbH", "version@probes.example.org");
        Http staff = users.get("en-staff");
        assertThat(Http.hidden(staff.get("/agentur/leads/" + id).body(), "version")).isEqualTo("0");
        Object trail = db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id);
        for (String version : List.of("abc", "99999999999999999999", "", "1.0", "٣")) {
            for (Map.Entry<String, Map<String, String>> form : Map.of(
                "/status", Map.of("stage", "CONTACTED", "note", "x", "version", version),
                "/zuweisen", Map.of("assignee", "", "note", "x", "version", version),
                "/weiterleiten", Map.of("agency", "wf-dortmund", "reason", "x", "version", version)).entrySet()) {
                HttpResponse<String> answer = staff.postForm("/agentur/leads/" + id + form.getKey(), form.getValue());
                assertThat(answer.statusCode()).as(form.getKey() + " with version " + version).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(answer.body()).as(form.getKey() + " with version " + version)
                    .contains("Das hat nicht geklappt", "Die Anfrage war fehlerhaft.");
            }
        }
        Http admin = users.get("admin");
        HttpResponse<String> adminAnswer = admin.postForm("/admin/leads/" + id + "/weiterleiten",
            Map.of("agency", "wf-dortmund", "reason", "x", "version", "abc"));
        assertThat(adminAnswer.statusCode()).isEqualTo(400);
        assertThat(adminAnswer.body()).contains("Die Anfrage war fehlerhaft.");
        // nothing stored: the same stage, agency, version and trail
        assertThat(((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).intValue()).isZero();
        assertThat(db.value("SELECT agency_id FROM agency_lead WHERE id = ?", id)).isEqualTo("en-agentur");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(trail);
    }

    /**
     * A note, a reason typed to the field's limit with line breaks: the browser's maxlength counts each once, and sends
     * it as CR LF; the portal counted two and refused what the field had let the person type ("at most 2000").
     */
    @Test
    void aNoteTypedToTheLimitWithLineBreaksIsTaken() {
        String id = lead("Probe Zeilen GmbH", "lines@probes.example.org");
        Http staff = users.get("en-staff");
        String typed = ("x".repeat(199) + "\r\n").repeat(10); // 2000 characters in the textarea
        HttpResponse<String> stage = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", typed, "version", "0"));
        assertThat(stage.statusCode()).as(stage.body()).isEqualTo(303);
        HttpResponse<String> assigned = staff.postForm("/agentur/leads/" + id + "/zuweisen",
            Map.of("assignee", "", "note", typed, "version", "1"));
        assertThat(assigned.statusCode()).as(assigned.body()).isIn(303);
        HttpResponse<String> forwarded = staff.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "wf-dortmund", "reason", typed, "version", "2"));
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(303);
        assertThat(db.value("SELECT agency_id FROM agency_lead WHERE id = ?", id)).isEqualTo("wf-dortmund");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND note = ?", id, typed.strip()))
            .isEqualTo(3L);
        // one character more is still too long, and says so
        String other = lead("Probe Zeilen Zwei GmbH", "lines2@probes.example.org");
        HttpResponse<String> tooLong = staff.postForm("/agentur/leads/" + other + "/status",
            Map.of("stage", "CONTACTED", "note", typed + "x", "version", "0"));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Die Notiz darf höchstens 2000 Zeichen lang sein.");
    }

    /**
     * A stage change and an assignment with two problems report both at once, each beside its field: the note too long
     * was reported alone, and the stage the lead cannot move to (or the person who cannot take it) only on the next
     * try, once the note was fixed. Nothing is stored; the typed note stays.
     */
    @Test
    void aStageChangeAndAnAssignmentReportEveryProblemAtOnce() {
        String id = lead("Probe Zwei Runden GmbH", "rounds@probes.example.org");
        Http staff = users.get("en-staff");
        String tooLong = "Notiz " + "x".repeat(2000);
        HttpResponse<String> stage = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "WON", "note", tooLong, "version", "0"));
        assertThat(stage.statusCode()).isEqualTo(422);
        assertThat(stage.body()).contains("Die Notiz darf höchstens 2000 Zeichen lang sein.", "id=\"stage-note-error\"",
            "id=\"stage-to-error\"", tooLong);
        HttpResponse<String> assigned = staff.postForm("/agentur/leads/" + id + "/zuweisen",
            Map.of("assignee", "nobody-of-this-agency", "note", tooLong, "version", "0"));
        assertThat(assigned.statusCode()).isEqualTo(422);
        assertThat(assigned.body()).contains("Die Notiz darf höchstens 2000 Zeichen lang sein.", "id=\"assign-note-error\"",
            "id=\"assign-to-error\"", tooLong);
        assertThat(((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).intValue()).isZero();
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("NEW");
    }

    /**
     * Every route with an id in its path, with ids no object has and no URI takes as they are (a space, a quote, a
     * percent sign, a brace, a control character): 404 or another refusal, never a server error. The admin's
     * redirect from an agency's inbox to the lead built an address of the raw id and answered 500.
     */
    @Test
    void noRouteAnswersAnIdThatIsNoPathSegmentWithAServerError() {
        Http company = new Http(server, json);
        List<String> hostile = List.of(" ", "a\"b", "\\", "a%b", "{", "}", "\u0000", "a\r\nX-Injected: 1", "<x>", "|",
            "^", "`", "a b#c?d");
        List<String> templates = router.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.GET)
            .map(r -> r.getUriMatchTemplate().toString())
            .filter(t -> t.contains("{") && !t.startsWith("/oauth/") && !t.contains("{file}"))
            .distinct().toList();
        assertThat(templates).contains("/admin/agenturen/{agencyId}/leads/{id}", "/agentur/leads/{id}");
        List<String> serverErrors = new ArrayList<>();
        for (String template : templates) {
            Http http = template.startsWith("/agentur") ? users.get("en-staff") : template.startsWith("/coach")
                ? users.get("en-coach") : template.startsWith("/admin") ? users.get("admin") : company;
            for (String value : hostile) {
                String segment = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                String path = template.replaceAll("\\{[^}]*}", java.util.regex.Matcher.quoteReplacement(segment));
                int status = http.get(path).statusCode();
                if (status >= 500) {
                    serverErrors.add("GET " + path + ": " + status);
                }
            }
        }
        assertThat(serverErrors).as("answers with a server error").isEmpty();
        // the redirect still leads to the lead, with the id as one path segment
        HttpResponse<String> redirect = users.get("admin").get("/admin/agenturen/en-agentur/leads/a%20b");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/admin/leads/a%20b");
        assertThat(users.get("admin").get("/admin/agenturen/en-agentur/leads/a%2F..%2Fb").headers()
            .firstValue("Location").orElseThrow()).endsWith("/admin/leads/a%2F..%2Fb");
    }
}
