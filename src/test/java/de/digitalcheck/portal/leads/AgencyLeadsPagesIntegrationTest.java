package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency's lead pages and webhook settings (issue 12), with the operator's production rules: https only, no
 * private, loopback or link-local addresses. Staff see only their own agency's leads (another's: 404); a refused
 * address stores nothing; the secret is shown once and rotation keeps the previous one signing; network admins work
 * the fallback queue.
 */
@MicronautTest(transactional = false)
class AgencyLeadsPagesIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    final de.digitalcheck.portal.support.SmtpServer smtp = new de.digitalcheck.portal.support.SmtpServer();
    Map<String, Http> users;
    Database db;
    String dortmundLead;
    String berlinLead;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(smtp.portalProperties());
        properties.put("portal.webhooks.allow-http", "false");
        properties.put("portal.webhooks.allow-private-addresses", "false");
        return properties;
    }

    @BeforeAll
    void leads() {
        users = everyDemoUser("leads-pages-");
        db = new Database(dataSource);
        Http company = new Http(server, json);
        dortmundLead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Dortmunder Dreherei")
            .at("44135").contact("Dora Dreher", "dora@dreherei.example.org").sharedWithAgency().submit(company)
            .document().get("lead")).get("id");
        berlinLead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Berliner Bits")
            .at("10115").sized("J", 8).contact("Ben Bits", "ben@bits.example.org").sharedWithAgency().submit(company)
            .document().get("lead")).get("id");
    }

    @Test
    void staffSeeTheirOwnAgencysLeadsOnlyAndNoOtherAgencys() {
        String list = users.get("do-staff").get("/agentur/leads").body();
        assertThat(list).contains("Dortmunder Dreherei", "/agentur/leads/" + dortmundLead).doesNotContain("Berliner Bits");
        HttpResponse<String> lead = users.get("do-staff").get("/agentur/leads/" + dortmundLead);
        assertThat(lead.statusCode()).isEqualTo(200);
        assertThat(lead.body()).contains("Dora Dreher", "dora@dreherei.example.org");
        assertThat(users.get("en-staff").get("/agentur/leads").body()).doesNotContain("Dortmunder Dreherei");
        assertThat(users.get("en-staff").get("/agentur/leads/" + dortmundLead).statusCode())
            .as("another agency's lead is not found").isEqualTo(404);
        assertThat(users.get("do-staff").get("/agentur/leads/" + berlinLead).statusCode())
            .as("a fallback lead is no agency's").isEqualTo(404);
        // a lead form's answer (a refused or stale change, shown at the post's address) loaded again from the
        // address bar: the lead's page (it was 405); another agency's lead is not found there either
        for (String form : List.of("status", "zuweisen", "weiterleiten")) {
            HttpResponse<String> reload = users.get("do-staff").get("/agentur/leads/" + dortmundLead + "/" + form);
            assertThat(reload.statusCode()).as(form).isEqualTo(303);
            assertThat(reload.headers().firstValue("Location")).hasValue("/agentur/leads/" + dortmundLead);
            assertThat(users.get("en-staff").get("/agentur/leads/" + dortmundLead + "/" + form).statusCode()).as(form)
                .isEqualTo(404);
            assertThat(users.get("do-coach").get("/agentur/leads/" + dortmundLead + "/" + form).statusCode()).as(form)
                .isEqualTo(403);
        }
    }

    @org.junit.jupiter.api.AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void staffChooseWhereNewLeadsAreMailed() throws Exception {
        Http staff = users.get("en-staff");
        HttpResponse<String> refused = staff.postForm("/agentur/profil", Map.of("email", "kontakt@en-agentur.example.org",
            "phone", "", "website", "", "address", "", "leadEmail", "kein@"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(db.value("SELECT lead_email FROM agency WHERE id = 'en-agentur'")).isNull();
        HttpResponse<String> saved = staff.postForm("/agentur/profil", Map.of("email", "kontakt@en-agentur.example.org",
            "phone", "", "website", "", "address", "", "leadEmail", "Anfragen@en-agentur.example.org",
            "version", Http.hidden(staff.get("/agentur").body(), "version")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT lead_email FROM agency WHERE id = 'en-agentur'")).isEqualTo("anfragen@en-agentur.example.org");
        String leadId = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Wittener Werkzeug")
            .at("58452").contact("Wim Werk", "wim@werkzeug.example.org").sharedWithAgency()
            .submit(new Http(server, json)).document().get("lead")).get("id");
        long until = System.currentTimeMillis() + 10_000;
        boolean arrived = false;
        while (!arrived && System.currentTimeMillis() < until) {
            for (jakarta.mail.internet.MimeMessage m : smtp.received()) {
                arrived |= m.getAllRecipients()[0].toString().equals("anfragen@en-agentur.example.org")
                    && de.digitalcheck.portal.support.Mails.text(m).contains(leadId);
            }
            Thread.sleep(50);
        }
        assertThat(arrived).as("the lead's mail went to the lead address").isTrue();
    }

    @Test
    void networkAdminsWorkTheFallbackQueue() {
        HttpResponse<String> queue = users.get("admin").get("/admin/leads");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Berliner Bits", "ben@bits.example.org").doesNotContain("Dortmunder Dreherei");
        assertThat(users.get("do-staff").get("/admin/leads").statusCode()).isEqualTo(403);
    }

    @Test
    void aWebhookAddressThatIsNotHttpsPrivateOrMalformedIsRefusedAndNothingStored() {
        Http staff = users.get("en-staff");
        Map<String, String> refused = Map.of(
            "http://crm.example.org/hook", "muss mit https:// beginnen",
            "https://10.1.2.3/hook", "privates oder internes Netz",
            "https://127.0.0.1:8443/hook", "privates oder internes Netz",
            "https://[::1]/hook", "privates oder internes Netz",
            "https://169.254.169.254/latest", "privates oder internes Netz",
            "https://localhost/hook", "privates oder internes Netz",
            "kein link", "vollständige Adresse",
            "", "");
        refused.forEach((url, message) -> {
            HttpResponse<String> answer = staff.postForm("/agentur/webhook", Map.of("url", url));
            assertThat(answer.statusCode()).as(url).isEqualTo(422);
            assertThat(answer.body()).as(url).contains("error-summary", message);
        });
        assertThat(db.value("SELECT COUNT(*) FROM webhook_endpoint WHERE agency_id = 'en-agentur'").toString())
            .as("nothing stored").isEqualTo("0");
        // the test and rotation buttons of a page read while there was an endpoint, removed since (another tab, a
        // colleague): the page saying so, 409 — it was a 404 "page not found" — and nothing queued or made
        HttpResponse<String> test = staff.postForm("/agentur/webhook/test", Map.of());
        assertThat(test.statusCode()).as("no endpoint, no test event").isEqualTo(409);
        assertThat(test.body()).contains("<title>Keine Webhook-Adresse mehr gespeichert – ", "id=\"webhook-missing\"",
            "Es wurde nichts gesendet und nichts geändert").doesNotContain("Seite nicht gefunden", "webhook-test-sent");
        HttpResponse<String> rotation = staff.postForm("/agentur/webhook/rotieren?lang=en",
            Map.of("version", "AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(rotation.statusCode()).isEqualTo(409);
        assertThat(rotation.body()).contains("No webhook address is saved for your agency any more")
            .doesNotContain("whsec_", "rotation-stale");
        staff.get("/agentur/leads?lang=de");
        assertThat(staff.get("/agentur/leads").body()).as("not on a first load").doesNotContain("webhook-missing");
        assertThat(db.value("SELECT COUNT(*) FROM webhook_endpoint WHERE agency_id = 'en-agentur'").toString())
            .isEqualTo("0");
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' "
            + "AND event_type = 'webhook.test'").toString())
            .isEqualTo("0");
    }

    /**
     * A page after the last one leads back to the last page that has leads, the filters kept: from a page far after
     * it, or one whose number is too large for an int, the way back led to page 10000 (the cap's page before), as
     * empty. Just after the last page it stays "Vorherige Seite"; a filter without any leads offers only the first page.
     */
    @Test
    void aPageFarAfterTheLastOneLeadsBackToTheLastPageWithLeads() throws Exception {
        java.time.Instant t = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
        try (de.digitalcheck.portal.support.LeadSeed seed = new de.digitalcheck.portal.support.LeadSeed(dataSource)) {
            for (int i = 1; i <= 60; i++) { // 25 + 25 + 10: three pages
                seed.add("wf-dortmund", String.format("Seitenende %02d GmbH", i), "Seitenende", 2, "NEW", t.plusSeconds(i),
                    t.plus(java.time.Duration.ofDays(30)), null, null, null);
            }
        }
        try {
            wayBackFromPagesAfterTheLast();
        } finally {
            // the other tests count the agency's leads
            db.execute("DELETE FROM agency_lead WHERE municipality = 'Seitenende'");
        }
    }

    private void wayBackFromPagesAfterTheLast() {
        Http staff = users.get("do-staff");
        String filter = "status=NEW&municipality=Seitenende&sort=company";
        String last = "/agentur/leads?" + filter + "&page=3";

        String third = staff.get("/agentur/leads?lang=de&" + filter + "&page=3").body();
        assertThat(third).contains("Seitenende 60 GmbH").doesNotContain("Auf dieser Seite gibt es keine Anfragen mehr");
        assertThat(paging(third)).containsExactly("/agentur/leads?" + filter + "&page=2", "Vorherige Seite");

        String fourth = staff.get("/agentur/leads?lang=de&" + filter + "&page=4").body();
        assertThat(fourth).contains("Auf dieser Seite gibt es keine Anfragen mehr");
        assertThat(paging(fourth)).as("just after the last page").containsExactly(last, "Vorherige Seite");

        for (String page : new String[] {"5", "10001", "500000", "999999", "2147483647", "2147483648",
            "1000000000000", "99999999999999999999"}) {
            HttpResponse<String> beyond = staff.get("/agentur/leads?lang=de&" + filter + "&page=" + page);
            assertThat(beyond.statusCode()).as(page).isEqualTo(200);
            assertThat(beyond.body()).as(page).contains("Auf dieser Seite gibt es keine Anfragen mehr",
                    "href=\"/agentur/leads?" + filter.replace("&", "&amp;") + "\">Zur ersten Seite</a>")
                .doesNotContain("page=10000\"", "Seitenende 01 GmbH");
            assertThat(paging(beyond.body())).as(page).containsExactly(last, "Zur letzten Seite mit Anfragen");
        }
        HttpResponse<String> followed = staff.get(last + "&lang=de");
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).as("the way back has leads").contains("Seitenende 51 GmbH", "Seitenende 60 GmbH")
            .doesNotContain("Auf dieser Seite gibt es keine Anfragen mehr");
        assertThat(paging(staff.get("/agentur/leads?lang=en&" + filter + "&page=999999").body()))
            .containsExactly(last, "Go to the last page with leads");
        staff.get("/agentur/leads?lang=de");

        // a filter without any leads: no page to go back to but the first, which the sentence links
        String none = staff.get("/agentur/leads?lang=de&municipality=Nirgendwo&page=999999").body();
        assertThat(none).contains("Auf dieser Seite gibt es keine Anfragen mehr",
            "href=\"/agentur/leads?municipality=Nirgendwo\">Zur ersten Seite</a>");
        assertThat(paging(none)).isEmpty();
        for (String bad : new String[] {"page=0", "page=-1"}) {
            assertThat(staff.get("/agentur/leads?" + filter + "&" + bad).statusCode()).as(bad).isEqualTo(400);
        }
        // the admin's view of the agency's inbox alike
        String admin = users.get("admin").get("/admin/agenturen/wf-dortmund/leads?lang=de&" + filter + "&page=2147483648")
            .body();
        assertThat(paging(admin)).containsExactly("/admin/agenturen/wf-dortmund/leads?" + filter + "&page=3",
            "Zur letzten Seite mit Anfragen");
    }

    /** The inbox's paging links: address and words of each, in order (empty without any). */
    private static List<String> paging(String page) {
        java.util.regex.Matcher nav = java.util.regex.Pattern.compile("<nav class=\"dc-actions\" aria-label=\"(?:Seiten|Pages)\">(.*?)</nav>",
            java.util.regex.Pattern.DOTALL).matcher(page);
        List<String> links = new java.util.ArrayList<>();
        while (nav.find()) {
            java.util.regex.Matcher a = java.util.regex.Pattern.compile("<a class=\"kern-link\" href=\"([^\"]*)\">([^<]*)</a>")
                .matcher(nav.group(1));
            while (a.find()) {
                links.add(a.group(1).replace("&amp;", "&"));
                links.add(a.group(2));
            }
        }
        return links;
    }

    /**
     * A page after the last one says so and links to the first page with the filter kept (it said "no leads yet" to an
     * agency that has leads, and a page number over the cap was a bare 400); a real date outside the years the portal
     * reads is told as that, not as a malformed date.
     */
    @Test
    void aPageAfterTheLastOneAndADateOutOfRangeAreExplained() {
        Http staff = users.get("do-staff");
        for (String page : new String[] {"2", "99999", "1000000000000"}) {
            HttpResponse<String> beyond = staff.get("/agentur/leads?lang=de&status=NEW&page=" + page);
            assertThat(beyond.statusCode()).as(page).isEqualTo(200);
            assertThat(beyond.body()).as(page).contains("Auf dieser Seite gibt es keine Anfragen mehr",
                    "href=\"/agentur/leads?status=NEW\">Zur ersten Seite</a>")
                .doesNotContain("Noch keine Anfragen.", "Die Anfrage war fehlerhaft");
        }
        assertThat(staff.get("/agentur/leads?lang=en&page=3").body()).contains("There are no more leads on this page",
            ">Go to the first page</a>");
        assertThat(staff.get("/agentur/leads?lang=de").body()).contains("Dortmunder Dreherei")
            .doesNotContain("Auf dieser Seite gibt es keine Anfragen mehr", "Noch keine Anfragen.");
        for (String bad : new String[] {"page=0", "page=-1", "page=zwei"}) {
            assertThat(staff.get("/agentur/leads?" + bad).statusCode()).as(bad).isEqualTo(400);
        }

        for (String date : new String[] {"to=9999-12-31", "from=1899-12-31", "to=01.01.3000"}) {
            HttpResponse<String> outside = staff.get("/agentur/leads?lang=de&" + date);
            assertThat(outside.statusCode()).as(date).isEqualTo(400);
            assertThat(outside.body()).as(date).contains("Dieses Datum liegt außerhalb des erlaubten Zeitraums")
                .doesNotContain("Bitte ein Datum wie 31.12.2026 angeben.");
        }
        assertThat(staff.get("/agentur/leads?lang=en&to=9999-12-31").body()).contains("This date is outside the allowed range");
        assertThat(staff.get("/agentur/leads?lang=de&to=31.02.2026").body()).contains("Bitte ein Datum wie 31.12.2026 angeben.")
            .doesNotContain("außerhalb des erlaubten Zeitraums");
        staff.get("/agentur/leads?lang=de");
    }

    /**
     * A refused address shows what was submitted, also when that is nothing: with a webhook saved, an emptied field
     * came back showing the saved address beside "please fill in".
     */
    @Test
    void aRefusedWebhookAddressShowsWhatWasSubmittedEvenWhenEmpty() {
        Http staff = users.get("en-staff");
        assertThat(staff.postForm("/agentur/webhook", Map.of("url", "https://93.184.215.14/en-hook")).statusCode())
            .isEqualTo(200);
        try {
            HttpResponse<String> emptied = staff.postForm("/agentur/webhook?lang=de", Map.of("url", ""));
            assertThat(emptied.statusCode()).isEqualTo(422);
            String field = emptied.body().substring(emptied.body().indexOf("id=\"webhook-url\""));
            field = field.substring(0, field.indexOf('>'));
            assertThat(field).doesNotContain("93.184.215.14").doesNotContain("value=\"https");
            assertThat(emptied.body()).contains("id=\"webhook-url-error\"",
                "<title>Bitte prüfen Sie die Adresse – Anfragen und Webhook – Digitalcheck 4.0</title>");
            HttpResponse<String> typed = staff.postForm("/agentur/webhook", Map.of("url", "kein link"));
            assertThat(typed.statusCode()).isEqualTo(422);
            assertThat(typed.body()).contains("value=\"kein link\"");
            // the page without a post shows the saved address
            assertThat(staff.get("/agentur/leads").body()).contains("value=\"https://93.184.215.14/en-hook\"")
                .doesNotContain("id=\"webhook-saved\"");
        } finally {
            HttpResponse<String> removed = staff.postForm("/agentur/webhook/entfernen", Map.of());
            assertThat(removed.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-saved");
        }
        assertThat(db.value("SELECT COUNT(*) FROM webhook_endpoint WHERE agency_id = 'en-agentur'").toString())
            .isEqualTo("0");
        // "saved" once, after the post that did it (a Flash note; "?gespeichert" in the address said so for any link)
        assertThat(staff.get("/agentur/leads").body()).contains("id=\"webhook-saved\"");
        assertThat(staff.get("/agentur/leads").body()).doesNotContain("id=\"webhook-saved\"");
        assertThat(staff.get("/agentur/leads?gespeichert").body()).doesNotContain("id=\"webhook-saved\"");
    }

    /**
     * The delivery log explains each failure in the reader's language; what the HTTP client reported is a secondary,
     * escaped detail; a row from before failures had a kind is read from its status.
     */
    @Test
    void theDeliveryLogExplainsEachFailureInTheReadersLanguage() {
        String[][] failures = {
            {"STATUS", "503", null}, {"TIMEOUT", null, "HttpTimeoutException: request timed out"},
            {"REFUSED", null, "ConnectException"}, {"CLOSED", null, "IOException: <script>alert(1)</script>"},
            {"TLS", null, "SSLHandshakeException: PKIX path building failed"},
            {"ADDRESS", null, "leads.webhook.url.private"}, {"GONE", "410", null},
            {null, "500", "HTTP 500"}, // written before last_failure existed
            {"STATUS", "404", null}, {"STATUS", "418", null},
            {"OTHER", null, "IOException: kim@firma.example.org at https://kim:geheim@hook.example.org/x?token=abc failed"}};
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        for (String[] f : failures) {
            db.execute("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
                    + "next_attempt_at, created_at, last_status, last_error, last_failure) VALUES (?, 'wf-dortmund', ?, "
                    + "'lead.updated', '{}', 'FAILED', 8, ?, ?, ?, ?, ?)", "msg_" + java.util.UUID.randomUUID(),
                dortmundLead, now, now, f[1] == null ? null : Integer.valueOf(f[1]), f[2], f[0]);
        }
        Http staff = users.get("do-staff");
        String german = staff.get("/agentur/leads/" + dortmundLead).body();
        String log = german.substring(german.indexOf("id=\"log-title\""));
        assertThat(log).contains("Der Empfänger antwortete mit Status 503.", "Der Empfänger antwortete mit Status 500.",
                "Der Empfänger hat nicht rechtzeitig geantwortet.", "Die Verbindung wurde abgelehnt.",
                "Der Empfänger hat die Verbindung ohne Antwort beendet.", "Die gesicherte Verbindung (TLS) kam nicht zustande",
                "Diese Adresse zeigt auf ein privates oder internes Netz", "410 (Gone): Der Webhook ist abgeschaltet",
                "<summary><span>Technische Angabe</span><span class=\"kern-sr-only\"> (msg_",
                ">HttpTimeoutException: request timed out<",
                ">IOException: &lt;script&gt;alert(1)&lt;/script&gt;<",
                // a status with its meaning
                "Das heißt: Der Empfänger ist vorübergehend nicht verfügbar (Service Unavailable).",
                "Das heißt: Beim Empfänger ist ein interner Fehler aufgetreten",
                "Das heißt: Unter dieser Adresse gibt es beim Empfänger nichts (Not Found).",
                "Der Empfänger antwortete mit Status 418.", "Das heißt: Der Empfänger hat die Nachricht abgelehnt.",
                // the technical detail without what could name a person or hold a secret
                ">IOException: … at https://…hook.example.org/x… failed<")
            .doesNotContain("<script>alert(1)", "leads.webhook.url.private", "??", "503 ", ">HTTP 500<", "kim@",
                "firma.example.org", "geheim", "token=abc");
        try {
            String english = staff.get("/agentur/leads/" + dortmundLead + "?lang=en").body();
            assertThat(english.substring(english.indexOf("id=\"log-title\""))).contains(
                    "The receiver answered with status 503.", "The receiver did not answer in time.",
                    "the connection was refused.", "<summary><span>Technical detail</span><span class=\"kern-sr-only\"> (msg_", ">ConnectException<",
                    "This means: the receiver is temporarily unavailable (Service Unavailable).")
                .doesNotContain("Der Empfänger", "??");
        } finally {
            staff.get("/agentur/leads?lang=de"); // the language is remembered
        }
    }

    @Test
    void theSecretIsShownOnceAndARotationKeepsThePreviousOneSigning() {
        Http staff = users.get("do-staff");
        HttpResponse<String> saved = staff.postForm("/agentur/webhook", Map.of("url", "https://93.184.215.14/hook"));
        assertThat(saved.statusCode()).isEqualTo(200);
        String secret = db.value("SELECT secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'").toString();
        assertThat(secret).startsWith("whsec_");
        assertThat(saved.body()).contains(secret);
        assertThat(staff.get("/agentur/leads").body()).as("shown once").doesNotContain(secret)
            .contains("https://93.184.215.14/hook");
        // the page with the secret loaded again from the address bar (a GET to the post's address; it was 405): the
        // webhook's settings, without the secret; other roles refused as before
        HttpResponse<String> reload = staff.get("/agentur/webhook");
        assertThat(reload.statusCode()).isEqualTo(303);
        assertThat(reload.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-title");
        assertThat(users.get("do-coach").get("/agentur/webhook").statusCode()).isEqualTo(403);
        assertThat(users.get("admin").get("/agentur/webhook/rotieren").statusCode()).isEqualTo(403);
        assertThat(new Http(server, json).get("/agentur/webhook").headers().firstValue("Location"))
            .hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));

        Map<String, String> rotation = Map.of("version", Http.hidden(staff.get("/agentur/leads").body(),
            "/agentur/webhook/rotieren", "version"));
        HttpResponse<String> rotated = staff.postForm("/agentur/webhook/rotieren", rotation);
        String newSecret = db.value("SELECT secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'").toString();
        assertThat(rotated.body()).contains(newSecret).doesNotContain(secret);
        HttpResponse<String> reloaded = staff.get("/agentur/webhook/rotieren");
        assertThat(reloaded.statusCode()).as("a reload of the rotation's page from the address bar").isEqualTo(303);
        assertThat(reloaded.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-title");
        assertThat(db.value("SELECT secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'")).as("not rotated again")
            .isEqualTo(newSecret);
        assertThat(db.value("SELECT previous_secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'"))
            .isEqualTo(secret);

        // the same form posted again (a double click, a reload of the page with the new secret) once made a third
        // secret: the one just shown was replaced and the first one, which the receiver still used, stopped signing
        HttpResponse<String> again = staff.postForm("/agentur/webhook/rotieren", rotation);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"rotation-stale\"", "Das Geheimnis wurde schon erneuert",
            "Es wurde nichts geändert", "<title>Das Geheimnis wurde schon erneuert – Anfragen und Webhook – ")
            .doesNotContain(newSecret, secret);
        assertThat(db.value("SELECT secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'")).isEqualTo(newSecret);
        assertThat(db.value("SELECT previous_secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'"))
            .as("the first secret keeps signing").isEqualTo(secret);
        assertThat(staff.postForm("/agentur/webhook/rotieren?lang=en", Map.of()).body()).as("without a version: the same")
            .contains("The secret was already renewed", "Nothing was changed");
        assertThat(db.value("SELECT secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'")).isEqualTo(newSecret);
        staff.get("/agentur/leads?lang=de");
        assertThat(staff.get("/agentur/leads").body()).as("not on a first load").doesNotContain("rotation-stale");
        // the form of the page that said so renews it knowingly
        HttpResponse<String> third = staff.postForm("/agentur/webhook/rotieren",
            Map.of("version", Http.hidden(again.body(), "/agentur/webhook/rotieren", "version")));
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT previous_secret FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'"))
            .isEqualTo(newSecret);

        HttpResponse<String> test = staff.postForm("/agentur/webhook/test", Map.of());
        assertThat(test.statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'wf-dortmund' "
            + "AND event_type = 'webhook.test'").toString()).isEqualTo("1");
        String id = (String) db.value("SELECT id FROM webhook_delivery WHERE agency_id = 'wf-dortmund' "
            + "AND event_type = 'webhook.test'");
        // the note rides on the redirect (Flash), not in the address: the page it leads to says so, once
        assertThat(test.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-test-sent");
        assertThat(staff.get("/agentur/leads").body()).as("the test's own page")
            .contains("id=\"webhook-test-sent\"", "Das Testereignis " + id + " ist unterwegs.", "webhook.test");
        assertThat(staff.get("/agentur/leads").body()).as("a reload").doesNotContain("webhook-test-sent", "ist unterwegs");
        // an address of someone else's making (or a typed one) says nothing was sent: the note was shown for any id
        assertThat(staff.get("/agentur/leads?test=" + id).body()).doesNotContain("webhook-test-sent", "ist unterwegs");
        assertThat(staff.get("/agentur/leads?test=msg_" + "0".repeat(32)).body()).doesNotContain("webhook-test-sent");
        assertThat(users.get("en-staff").get("/agentur/leads?test=msg_" + "a".repeat(32)).body())
            .as("an agency without a webhook").doesNotContain("webhook-test-sent", "ist unterwegs");
        String spoof = "msg_1 wurde gestoppt. Ihr Zugang ist gesperrt, rufen Sie sofort 0800 123456 an. Das Testereignis";
        assertThat(staff.get("/agentur/leads?test=" + Http.enc(spoof)).body()).doesNotContain("0800 123456",
            "Testereignis msg_1");
        assertThat(users.get("en-staff").get("/agentur/leads").body()).as("the log is the agency's own")
            .doesNotContain("webhook.test");
    }

    /**
     * A test of a webhook switched off (after a 410 Gone) is refused, nothing queued, and the page says so and how to
     * switch it on: it said the test was "on its way", though it would have waited until the endpoint was on again.
     * The page of a switched-off webhook offers no test; the refusal answers a page read while it was on.
     */
    @Test
    void aTestOfAWebhookSwitchedOffIsRefusedAndSaysHowToSwitchItOn() {
        Http staff = users.get("en-staff");
        try {
            db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'en-agentur'");
            db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, disabled_reason, updated_at) VALUES "
                + "('en-agentur', 'http://127.0.0.1:9/en-off', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, '410 Gone', "
                + "CURRENT_TIMESTAMP)");
            assertThat(staff.get("/agentur/leads").body()).as("switched off: no test offered")
                .contains("Der Webhook ist abgeschaltet: 410 Gone.").doesNotContain("action=\"/agentur/webhook/test\"");

            HttpResponse<String> test = staff.postForm("/agentur/webhook/test", Map.of());
            assertThat(test.statusCode()).isEqualTo(409);
            assertThat(test.body()).contains("<title>Kein Testereignis gesendet – Anfragen und Webhook – ",
                    "id=\"webhook-test-refused\"", "role=\"alert\"",
                    "Der Webhook ist abgeschaltet, darum wurde kein Testereignis gesendet. Speichern Sie die Adresse erneut "
                        + "(Schaltfläche „Adresse speichern“), um ihn wieder einzuschalten")
                .doesNotContain("ist unterwegs", "webhook-test-sent");
            assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' "
                + "AND event_type = 'webhook.test'").toString()).as("nothing queued").isEqualTo("0");
            HttpResponse<String> reload = staff.get("/agentur/webhook/test");
            assertThat(reload.statusCode()).as("the refusal's page loaded again from the address bar").isEqualTo(303);
            assertThat(reload.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-title");
            assertThat(staff.get("/agentur/webhook/erneut-senden").headers().firstValue("Location"))
                .hasValue("/agentur/leads#webhook-title");
            assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' "
                + "AND event_type = 'webhook.test'").toString()).as("nothing sent by a GET").isEqualTo("0");
            assertThat(staff.get("/agentur/leads").body()).as("no note left for the next load")
                .doesNotContain("webhook-test-refused", "webhook-test-sent");
            assertThat(staff.postForm("/agentur/webhook/test?lang=en", Map.of()).body())
                .contains("The webhook is switched off, so no test event was sent. Save the address again")
                .doesNotContain("is on its way");

            // switched on again (as saving the address does; a loopback address, which this class's rules refuse
            // to save, so that the test event goes nowhere off this machine): the test is offered and queued
            staff.get("/agentur/leads?lang=de");
            db.execute("UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL WHERE agency_id = 'en-agentur'");
            assertThat(staff.get("/agentur/leads").body()).contains("action=\"/agentur/webhook/test\"");
            HttpResponse<String> on = staff.postForm("/agentur/webhook/test", Map.of());
            assertThat(on.statusCode()).isEqualTo(303);
            assertThat(staff.get("/agentur/leads").body()).contains("id=\"webhook-test-sent\"", "ist unterwegs");
        } finally { // the other tests expect no endpoint of the EN-Agentur, nor its test events
            staff.get("/agentur/leads?lang=de");
            db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'en-agentur'");
            db.execute("DELETE FROM webhook_delivery WHERE agency_id = 'en-agentur' AND event_type = 'webhook.test'");
        }
    }

    /**
     * Deliveries that failed after every attempt are offered again on the staff's page while the endpoint is on (not
     * on a first load without any, not with the endpoint off); sending them queues them again under their webhook-ids
     * and the page says how many; a period the form does not offer or an endpoint switched off is the page with the
     * message at the choice, nothing queued. Test events are not counted nor sent again.
     */
    @Test
    void failedDeliveriesAreOfferedAndSentAgainOnRequest() {
        Http staff = users.get("en-staff");
        String lead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Wittener Wellen")
            .at("58452").contact("Wil Welle", "wil@wellen.example.org").sharedWithAgency().submit(new Http(server, json))
            .document().get("lead")).get("id");
        assertThat(staff.get("/agentur/leads").body()).as("no endpoint, nothing failed: no offer")
            .doesNotContain("/agentur/webhook/erneut-senden", "webhook-replayed");
        String failed = "msg_r" + java.util.UUID.randomUUID().toString().replace("-", "");
        String test = "msg_t" + java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'en-agentur'");
            db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES "
                + "('en-agentur', 'https://93.184.215.14/en-hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', TRUE, CURRENT_TIMESTAMP)");
            java.sql.Timestamp twoDaysAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
            for (Object[] row : List.of(new Object[] {failed, lead, "lead.created"}, new Object[] {test, null, "webhook.test"})) {
                db.execute("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
                    + "next_attempt_at, created_at, last_status, last_failure) VALUES (?, 'en-agentur', ?, ?, '{}', 'FAILED', 8, "
                    + "?, ?, 503, 'STATUS')", row[0], row[1], row[2], twoDaysAgo, twoDaysAgo);
            }

            String page = staff.get("/agentur/leads").body();
            assertThat(page).contains("Fehlgeschlagene Zustellungen erneut senden",
                    "Eine Zustellung der letzten 30 Tage ist nach allen Versuchen gescheitert", "action=\"/agentur/webhook/erneut-senden\"",
                    "<option value=\"7\" selected=\"selected\">den letzten 7 Tagen</option>", "den letzten 24 Stunden")
                .as("a first load: no answer, no error").doesNotContain("webhook-replayed", "error-summary", "aria-invalid");
            assertThat(users.get("do-staff").get("/agentur/leads").body()).as("another agency's failures are not offered")
                .doesNotContain("/agentur/webhook/erneut-senden");

            HttpResponse<String> tooShort = staff.postForm("/agentur/webhook/erneut-senden", Map.of("since", "1"));
            assertThat(tooShort.statusCode()).isEqualTo(303);
            assertThat(tooShort.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-replayed");
            assertThat(staff.get("/agentur/leads").body()).contains("Keine Zustellung dieses Zeitraums darf noch gesendet werden");
            assertThat(db.value("SELECT state FROM webhook_delivery WHERE id = ?", failed)).as("older than a day").isEqualTo("FAILED");

            HttpResponse<String> odd = staff.postForm("/agentur/webhook/erneut-senden", Map.of("since", "3"));
            assertThat(odd.statusCode()).isEqualTo(422);
            assertThat(odd.body()).contains("error-summary", "href=\"#webhook-replay-since\"",
                "Bitte einen der angebotenen Zeiträume wählen.", "aria-invalid=\"true\"", "Nicht erneut gesendet",
                "Es wurde nichts erneut gesendet:", "<title>Nicht erneut gesendet – Anfragen und Webhook – ")
                .doesNotContain("Die Adresse wurde nicht gespeichert");
            assertThat(db.value("SELECT state FROM webhook_delivery WHERE id = ?", failed)).isEqualTo("FAILED");

            HttpResponse<String> sent = staff.postForm("/agentur/webhook/erneut-senden", Map.of("since", "7"));
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(sent.headers().firstValue("Location")).hasValue("/agentur/leads#webhook-replayed");
            assertThat(db.rows("SELECT state, attempts FROM webhook_delivery WHERE id = ?", failed).get(0).get("state"))
                .as("queued again under its webhook-id").isEqualTo("PENDING");
            assertThat(db.value("SELECT state FROM webhook_delivery WHERE id = ?", test)).as("a test event is not sent again")
                .isEqualTo("FAILED");
            assertThat(staff.get("/agentur/leads").body()).contains("id=\"webhook-replayed\"",
                "Eine Zustellung wird erneut gesendet; das Protokoll zeigt, wie es ausgeht.");
            assertThat(staff.get("/agentur/leads").body()).as("said once: a reload says it no more")
                .doesNotContain("id=\"webhook-replayed\"");
            // the address says nothing: "?erneut=N" (the note's former place) in a typed or linked address
            for (String typed : new String[] {"erneut=3&lang=en", "erneut=1", "lang=de&erneut="
                + Http.enc("1 Zustellung. Rufen Sie 0800 an"), "gespeichert"}) {
                assertThat(staff.get("/agentur/leads?" + typed).body()).as(typed)
                    .doesNotContain("id=\"webhook-replayed\"", "deliveries are being sent again", "id=\"webhook-saved\"");
            }

            db.execute("UPDATE webhook_delivery SET state = 'FAILED' WHERE id = ?", failed);
            db.execute("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = '410 Gone' WHERE agency_id = 'en-agentur'");
            assertThat(staff.get("/agentur/leads").body()).as("switched off: nothing to send to")
                .doesNotContain("/agentur/webhook/erneut-senden");
            HttpResponse<String> off = staff.postForm("/agentur/webhook/erneut-senden", Map.of("since", "30"));
            assertThat(off.statusCode()).isEqualTo(422);
            assertThat(off.body()).contains("Der Webhook ist abgeschaltet. Speichern Sie die Adresse erneut");
            assertThat(db.value("SELECT state FROM webhook_delivery WHERE id = ?", failed)).isEqualTo("FAILED");
            db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'en-agentur'");
            HttpResponse<String> none = staff.postForm("/agentur/webhook/erneut-senden?lang=en", Map.of("since", "30"));
            assertThat(none.statusCode()).isEqualTo(422);
            assertThat(none.body()).contains("No webhook address is saved. Save an address first.");
        } finally { // the other tests expect no endpoint of the EN-Agentur, nor these deliveries in its log
            db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'en-agentur'");
            db.execute("DELETE FROM webhook_delivery WHERE id IN (?, ?)", failed, test);
        }
    }
}
