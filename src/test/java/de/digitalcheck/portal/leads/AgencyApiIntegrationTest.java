package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's assignment, coaches' leads, personal access tokens and agency API, through HTTP as staff, coaches and a
 * CRM use them: the token shown once and refused after revocation; the API's list, lead, and changes with If-Match
 * (428, 412, 422 in the caller's language, 200 with the new ETag), each change on the audit trail; assignment with its
 * refusals (another agency's person, a disabled account, an unknown id: nothing stored) and its stale form (409, the
 * typed note kept); a coach sees exactly the leads assigned to them.
 */
@MicronautTest(transactional = false)
class AgencyApiIntegrationTest extends SignedInTests {

    static final Pattern TOKEN = Pattern.compile("dc_pat_[A-Za-z0-9_-]{43}");

    @Inject
    Questionnaires questionnaires;
    @Inject
    Accounts accounts;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    de.digitalcheck.portal.readiness.AgencyLeads agencyLeads;
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;

    final de.digitalcheck.portal.support.SmtpServer smtp = new de.digitalcheck.portal.support.SmtpServer();
    Map<String, Http> users;
    Database db;
    Http crm;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.putAll(smtp.portalProperties());
        return properties;
    }

    @org.junit.jupiter.api.AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @BeforeAll
    void users() {
        users = everyDemoUser("agency-api-");
        db = new Database(dataSource);
        crm = new Http(server, json);
    }

    String lead(String company, String postalCode, String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at(postalCode)
            .contact("Kim Kontakt", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    static String nextMonth() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).plusMonths(1).toString();
    }

    /** A token that may change leads, made through the workspace by {@code user}, as the page shows it once. */
    static String token(Http user, String name) {
        return token(user, name, "CHANGE");
    }

    /** A token made through the workspace by {@code user} with {@code access} (READ or CHANGE), shown once. */
    static String token(Http user, String name, String access) {
        HttpResponse<String> created = user.postForm("/agentur/api-zugaenge", Map.of("name", name, "expires", nextMonth(),
            "access", access));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher m = TOKEN.matcher(created.body());
        assertThat(m.find()).as("the token is shown").isTrue();
        return m.group();
    }

    @Test
    void theTokenPageShowsATokenOnceRefusesBadInputWithItsReasonsAndRevokes() {
        Http staff = users.get("do-staff");
        HttpResponse<String> first = staff.get("/agentur/api-zugaenge");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("API-Zugänge").doesNotContain("error-summary", "dc_pat_");
        long before = db.count("api_token");
        HttpResponse<String> refused = staff.postForm("/agentur/api-zugaenge", Map.of("name", "Mein CRM",
            "expires", LocalDate.now(ZoneId.of("Europe/Berlin")).plusYears(2).toString()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary", "href=\"#token-expires\"", "höchstens ein Jahr",
            "value=\"Mein CRM\"").doesNotContain("dc_pat_");
        // the last day in the page's language (the English page said "until 7.12.2027")
        LocalDate latest = LocalDate.now(ZoneId.of("Europe/Berlin")).plusYears(1);
        assertThat(refused.body()).contains("bis spätestens " + de.digitalcheck.portal.shared.i18n.Dates.date(
            de.digitalcheck.portal.shared.i18n.Language.DE, latest) + ".");
        HttpResponse<String> english = staff.postForm("/agentur/api-zugaenge?lang=en", Map.of("name", "Mein CRM",
            "expires", LocalDate.now(ZoneId.of("Europe/Berlin")).plusYears(2).toString()), "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("until " + de.digitalcheck.portal.shared.i18n.Dates.date(
            de.digitalcheck.portal.shared.i18n.Language.EN, latest) + " at the latest");
        staff.get("/agentur/api-zugaenge?lang=de");
        // the title says it was refused (it stayed the page's own: the first thing a screen reader reads)
        assertThat(refused.body())
            .contains("<title>Das Token wurde nicht erstellt – API-Zugänge – Digitalcheck 4.0</title>");
        assertThat(first.body()).contains("<title>API-Zugänge – Digitalcheck 4.0</title>");
        HttpResponse<String> empty = staff.postForm("/agentur/api-zugaenge", Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#token-name\"", "href=\"#token-expires\"",
            "href=\"#token-access-READ\"", "Bitte wählen Sie, was das Token darf.");
        HttpResponse<String> noAccess = staff.postForm("/agentur/api-zugaenge", Map.of("name", "Mein CRM",
            "expires", nextMonth(), "access", "ADMIN"));
        assertThat(noAccess.statusCode()).isEqualTo(422);
        assertThat(noAccess.body()).contains("href=\"#token-access-READ\"", "value=\"Mein CRM\"")
            .doesNotContain("dc_pat_", "checked");
        assertThat(db.count("api_token")).as("nothing stored").isEqualTo(before);

        String token = token(staff, "Einmal-CRM");
        assertThat(db.value("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Tokens.hash(token)).toString())
            .isEqualTo("1");
        HttpResponse<String> again = staff.get("/agentur/api-zugaenge");
        assertThat(again.body()).contains("Einmal-CRM", "Doris Dortmund").doesNotContain(token);
        assertThat(crm.get("/api/v1/agency/leads", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        String id = (String) db.value("SELECT id FROM api_token WHERE token_hash = ?", Tokens.hash(token));
        assertThat(users.get("en-staff").postForm("/agentur/api-zugaenge/" + id + "/widerrufen", Map.of()).statusCode())
            .as("another agency's token is not found").isEqualTo(404);
        assertThat(crm.get("/api/v1/agency/leads", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> revocation = staff.postForm("/agentur/api-zugaenge/" + id + "/widerrufen", Map.of());
        assertThat(revocation.statusCode()).isEqualTo(303);
        HttpResponse<String> revoked = crm.get("/api/v1/agency/leads", "Authorization", "Bearer " + token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        // the page the redirect leads to says so beside the list, in a note that takes the focus (app.js, data-dc-ask):
        // the redirect once named the list's heading, which cannot take it, and nothing said that it was revoked
        // (once, after the post: a Flash note; "?widerrufen" in the address said so for any link)
        assertThat(revocation.headers().firstValue("Location")).hasValue("/agentur/api-zugaenge#saved");
        String page = staff.get("/agentur/api-zugaenge").body();
        assertThat(page.substring(page.indexOf("id=\"tokens-title\"")))
            .contains("id=\"saved\" tabindex=\"-1\" data-dc-ask=\"true\"", "Die Änderungen sind gespeichert.");
        assertThat(staff.get("/agentur/api-zugaenge").body()).contains("widerrufen")
            .as("a reload says nothing is saved").doesNotContain("id=\"saved\"");
        assertThat(staff.get("/agentur/api-zugaenge?widerrufen").body()).as("nor the old address")
            .doesNotContain("id=\"saved\"");
    }

    /**
     * A form makes one token: posted again (a double click, a reload of the page that showed the token) or twice at
     * once, it makes no second token nobody has seen, and says so; a corrected form after a refusal still makes one.
     */
    @Test
    void aTokenFormPostedAgainMakesNoSecondToken() throws Exception {
        Http staff = users.get("do-staff");
        String page = staff.get("/agentur/api-zugaenge").body();
        String key = formKey(page);
        assertThat(page).doesNotContain("token-already");
        Map<String, String> form = Map.of("name", "Doppelklick-CRM", "expires", nextMonth(), "access", "READ",
            "formKey", key);
        HttpResponse<String> first = staff.postForm("/agentur/api-zugaenge", form);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(formKey(first.body())).as("the page showing the token has a new form").isNotEqualTo(key);
        HttpResponse<String> again = staff.postForm("/agentur/api-zugaenge", form);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("token-already", "Dieses Token wurde schon erstellt", "„Doppelklick-CRM“",
            "<title>Dieses Token wurde schon erstellt – API-Zugänge – ").doesNotContain("dc_pat_");
        assertThat(db.value("SELECT COUNT(*) FROM api_token WHERE name = 'Doppelklick-CRM'").toString()).isEqualTo("1");
        assertThat(staff.postForm("/agentur/api-zugaenge?lang=en", form).body()).as("in English")
            .contains("This token was created already");
        staff.get("/agentur/api-zugaenge?lang=de"); // the language chosen stays with the session: back for the others

        // a refused form, corrected: one token; the same two posts at once: one token, the other told so
        String second = formKey(staff.get("/agentur/api-zugaenge").body());
        HttpResponse<String> refused = staff.postForm("/agentur/api-zugaenge",
            Map.of("name", "", "expires", nextMonth(), "formKey", second));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(formKey(refused.body())).as("the refused form keeps its key").isEqualTo(second);
        Map<String, String> corrected = Map.of("name", "Gleichzeitig-CRM", "expires", nextMonth(), "access", "CHANGE",
            "formKey", second);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> staff.postForm("/agentur/api-zugaenge", corrected).statusCode());
            var b = pool.submit(() -> staff.postForm("/agentur/api-zugaenge", corrected).statusCode());
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(db.value("SELECT COUNT(*) FROM api_token WHERE name = 'Gleichzeitig-CRM'").toString()).isEqualTo("1");
    }

    /**
     * A token made to read lists and reads the agency's leads and forwards but changes nothing: a {@code PATCH} is a
     * {@code 403} that says why, in the caller's language, before the lead is looked at; the page shows what each
     * token may do, and the choice is kept when the form is refused for something else.
     */
    @Test
    void aTokenMadeToReadReadsAndChangesNothing() {
        Http staff = users.get("do-staff");
        String id = lead("Nur Lesen GmbH", "44135", "nur-lesen@readonly.example.org");
        String reader = token(staff, "Auswertung", "READ");
        String[] auth = {"Authorization", "Bearer " + reader};
        assertThat(crm.get("/api/v1/agency/leads", auth).statusCode()).isEqualTo(200);
        HttpResponse<String> one = crm.get("/api/v1/agency/leads/" + id, auth);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(crm.get("/api/v1/agency/forwarded-leads", auth).statusCode()).isEqualTo(200);
        String etag = one.headers().firstValue("ETag").orElseThrow();
        Object version = db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id);
        int trail = db.rows("SELECT id FROM lead_audit WHERE lead_id = ?", id).size();

        for (String target : List.of("/api/v1/agency/leads/" + id, "/api/v1/agency/leads/" + id + "/",
            "/api/v1/agency/leads/00000000-0000-0000-0000-000000000000")) {
            HttpResponse<String> refused = crm.send("PATCH", target, "{\"status\":\"CONTACTED\",\"note\":\"angerufen\"}",
                "Authorization", "Bearer " + reader, "If-Match", etag, "Content-Type", "application/merge-patch+json",
                "Accept-Language", "de");
            assertThat(refused.statusCode()).as(target).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(refused.body()).as(target).contains("\"status\":403", "Dieses Token darf nur lesen.")
                .doesNotContain("Nur Lesen GmbH");
        }
        HttpResponse<String> englishProblem = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
            "Authorization", "Bearer " + reader, "If-Match", etag, "Content-Type", "application/json",
            "Accept-Language", "en");
        assertThat(englishProblem.body()).contains("This token may only read.");
        // whatever it sends: authorisation is decided before the media type (a wrong one was a 415 before the 403)
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml", "", null}) {
            List<String> headers = new java.util.ArrayList<>(List.of("Authorization", "Bearer " + reader, "If-Match",
                etag, "Accept-Language", "en"));
            if (type != null) {
                headers.addAll(List.of("Content-Type", type));
            }
            HttpResponse<String> refused = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
                headers.toArray(String[]::new));
            assertThat(refused.statusCode()).as("read-only token with Content-Type " + type).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("This token may only read.");
        }
        String writer = token(staff, "CRM schreibt falsch");
        for (String type : new String[] {"text/plain", "application/xml", null}) {
            List<String> headers = new java.util.ArrayList<>(List.of("Authorization", "Bearer " + writer, "If-Match",
                etag, "Accept-Language", "en"));
            if (type != null) {
                headers.addAll(List.of("Content-Type", type));
            }
            HttpResponse<String> unsupported = crm.send("PATCH", "/api/v1/agency/leads/" + id,
                "{\"status\":\"CONTACTED\"}", headers.toArray(String[]::new));
            assertThat(unsupported.statusCode()).as("a token that may write, Content-Type " + type).isEqualTo(415);
            assertThat(unsupported.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            // the change takes merge patches too, and says so (it said "Please send application/json.")
            assertThat(unsupported.body()).contains("\"detail\":\"Please send application/json or "
                + "application/merge-patch+json.\"");
        }
        HttpResponse<String> german = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
            "Authorization", "Bearer " + writer, "If-Match", etag, "Content-Type", "text/plain");
        assertThat(german.statusCode()).isEqualTo(415);
        assertThat(german.body()).contains("\"detail\":\"Bitte senden Sie application/json oder "
            + "application/merge-patch+json.\"");
        // two Content-Type fields, equal or not: which one describes the body would be a guess (the first counted)
        for (String[] types : List.of(new String[] {"application/json", "application/json"},
            new String[] {"application/merge-patch+json", "text/plain"},
            new String[] {"text/plain", "application/json"})) {
            HttpResponse<String> twice = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
                "Authorization", "Bearer " + writer, "If-Match", etag, "Accept-Language", "en",
                "Content-Type", types[0], "Content-Type", types[1]);
            assertThat(twice.statusCode()).as(String.join(" + ", types)).isEqualTo(400);
            assertThat(twice.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(twice.body()).as(String.join(" + ", types)).contains("\"field\":\"Content-Type\"",
                "more than one Content-Type field");
        }
        // a token made to read only is refused for that first, whatever it sends
        HttpResponse<String> readerTwice = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
            "Authorization", "Bearer " + reader, "If-Match", etag, "Content-Type", "application/json",
            "Content-Type", "application/json");
        assertThat(readerTwice.statusCode()).isEqualTo(403);
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).as("nothing changed")
            .isEqualTo(version);
        assertThat(db.rows("SELECT id FROM lead_audit WHERE lead_id = ?", id)).as("nothing on the trail").hasSize(trail);

        // a token made to change, of the same person, changes the same lead
        HttpResponse<String> changed = crm.send("PATCH", "/api/v1/agency/leads/" + id, "{\"status\":\"CONTACTED\"}",
            "Authorization", "Bearer " + token(staff, "CRM schreibt"), "If-Match", etag,
            "Content-Type", "application/json");
        assertThat(changed.statusCode()).isEqualTo(200);

        String page = staff.get("/agentur/api-zugaenge").body();
        assertThat(page).contains("nur lesen", "lesen und ändern", "name=\"access\"")
            .as("a first load chooses nothing").doesNotContain("checked");
        HttpResponse<String> refused = staff.postForm("/agentur/api-zugaenge", Map.of("name", "",
            "expires", nextMonth(), "access", "READ"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"token-access-READ\" value=\"READ\" checked")
            .doesNotContain("href=\"#token-access-READ\"");
        HttpResponse<String> english = staff.postForm("/agentur/api-zugaenge?lang=en", Map.of("name", "Reporting",
            "expires", nextMonth()));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("What the token may do", "Read only: fetch leads and forwarded leads",
            "Read and change: also write status, assignee and notes", "Please choose what the token may do.");
        staff.get("/agentur/api-zugaenge?lang=de"); // the language chosen stays with the session: back for the others
    }

    private static String formKey(String page) {
        Matcher m = Pattern.compile("name=\"formKey\" value=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(m.find()).as("the token form carries its key").isTrue();
        return m.group(1);
    }

    /**
     * A CRM that only pulls learns that a lead left: the leads its staff forwarded are listed (id, receiving agency,
     * time; nothing of the company) in pages with cursors of their own, for that agency only; a lead forwarded back
     * returns to the list of leads with a later change than its departure.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCrmThatOnlyPullsLearnsWhichLeadsWereForwardedAway() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        Http dortmund = users.get("do-staff");
        String stays = lead("Bleibt Eins GmbH", "44135", "bleibt-eins@forwarded.example.org");
        lead("Bleibt Zwei GmbH", "44135", "bleibt-zwei@forwarded.example.org");
        List<String> away = new java.util.ArrayList<>();
        for (String name : List.of("Abgabe Eins", "Abgabe Zwei")) {
            String id = lead(name + " GmbH", "44135", name.replace(' ', '-').toLowerCase() + "@forwarded.example.org");
            assertThat(dortmund.postForm("/agentur/leads/" + id + "/weiterleiten", Map.of("agency", "en-agentur",
                "reason", "Standort in Witten", "version", "0")).statusCode()).isEqualTo(303);
            away.add(id);
        }
        String[] auth = {"Authorization", "Bearer " + token(dortmund, "Pull-CRM")};
        String[] enAuth = {"Authorization", "Bearer " + token(users.get("en-staff"), "Pull-CRM EN")};
        String list = "/api/v1/agency/forwarded-leads?since=" + Http.enc(since);

        assertThat(crm.get("/api/v1/agency/forwarded-leads").statusCode()).isEqualTo(401);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = crm.get(list + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), auth);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("Abgabe", "forwarded.example.org");
            Map<String, Object> body = crm.map(page);
            items.addAll((List<Map<String, Object>>) body.get("items"));
            cursor = (String) body.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(items).extracting(i -> i.get("leadId")).as("each once, oldest first").containsExactlyElementsOf(away);
        assertThat(items).allSatisfy(i -> {
            assertThat(i).containsOnlyKeys("leadId", "forwardedTo", "forwardedAt").containsEntry("forwardedTo", "en-agentur");
            assertThat(java.time.Instant.parse((String) i.get("forwardedAt"))).isAfter(java.time.Instant.parse(since));
        });
        List<Object> dortmundLeads = ((List<Map<String, Object>>) crm.map(crm.get("/api/v1/agency/leads?limit=200&since="
            + Http.enc(since), auth)).get("items")).stream().map(l -> l.get("id")).toList();
        assertThat(dortmundLeads).as("they left the list of leads").doesNotContainAnyElementsOf(away).contains(stays);
        assertThat((List<?>) crm.map(crm.get(list, enAuth)).get("items")).as("the receiver forwarded nothing").isEmpty();

        // each list takes only its own cursors; the parameters once each, as the list of leads
        String leadsCursor = (String) crm.map(crm.get("/api/v1/agency/leads?limit=1", auth)).get("nextCursor");
        assertThat(leadsCursor).isNotNull();
        HttpResponse<String> foreignCursor = crm.get("/api/v1/agency/forwarded-leads?cursor=" + leadsCursor, auth);
        assertThat(foreignCursor.statusCode()).isEqualTo(400);
        assertThat(foreignCursor.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(foreignCursor.body()).contains("\"field\":\"cursor\"");
        String departureCursor = (String) crm.map(crm.get(list + "&limit=1", auth)).get("nextCursor");
        assertThat(crm.get("/api/v1/agency/leads?cursor=" + departureCursor, auth).statusCode()).isEqualTo(400);
        for (String bad : List.of("since=2026-01-01", "since=x", "limit=0", "limit=201", "since=" + Http.enc(since)
            + "&since=" + Http.enc(since), "cursor=bm9wZQ")) {
            HttpResponse<String> refused = crm.get("/api/v1/agency/forwarded-leads?" + bad, auth[0], auth[1],
                "Accept-Language", "en");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"errors\"").doesNotContain("Anfrage");
        }

        // forwarded back: in the list of leads again, changed after its departure; now the EN-Agentur's departure
        String back = away.get(0);
        assertThat(users.get("en-staff").postForm("/agentur/leads/" + back + "/weiterleiten", Map.of("agency",
            "wf-dortmund", "reason", "doch Dortmund", "version", String.valueOf(((Number) db.value(
                "SELECT lock_version FROM agency_lead WHERE id = ?", back)).intValue()))).statusCode()).isEqualTo(303);
        Map<String, Object> returned = crm.map(crm.get("/api/v1/agency/leads/" + back, auth));
        assertThat(java.time.Instant.parse((String) returned.get("updatedAt")))
            .isAfter(java.time.Instant.parse((String) items.get(0).get("forwardedAt")));
        assertThat((List<Map<String, Object>>) crm.map(crm.get(list, enAuth)).get("items"))
            .extracting(i -> i.get("leadId"), i -> i.get("forwardedTo")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(back, "wf-dortmund"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCrmListsReadsAndChangesItsAgencysLeadsWithIfMatch() throws Exception {
        String dortmund = lead("API Dreherei", "44135", "api-dreherei@example.org");
        String witten = lead("API Werkzeug", "58452", "api-werkzeug@example.org");
        String token = token(users.get("do-staff"), "CRM");
        String[] auth = {"Authorization", "Bearer " + token};

        HttpResponse<String> anonymous = crm.get("/api/v1/agency/leads");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = crm.get("/api/v1/agency/leads?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), auth);
            assertThat(page.statusCode()).isEqualTo(200);
            Map<String, Object> body = crm.map(page);
            all.addAll((List<Map<String, Object>>) body.get("items"));
            cursor = (String) body.get("nextCursor");
        } while (cursor != null);
        assertThat(all).extracting(l -> l.get("id")).contains(dortmund).doesNotContain(witten).doesNotHaveDuplicates();

        HttpResponse<String> one = crm.get("/api/v1/agency/leads/" + dortmund, auth);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(crm.map(one)).containsEntry("status", "NEW").containsEntry("consent", "OPEN");
        HttpResponse<String> foreign = crm.get("/api/v1/agency/leads/" + witten, auth);
        assertThat(foreign.statusCode()).as("another agency's lead").isEqualTo(404);
        assertThat(foreign.body()).contains("Ihre Agentur hat keine Anfrage mit dieser ID").doesNotContain("API Werkzeug");
        assertThat(crm.get("/api/v1/agency/leads?cursor=bm9wZQ", auth).statusCode()).isEqualTo(400);
        assertThat(crm.get("/api/v1/agency/leads?status=DONE", auth).statusCode()).isEqualTo(400);

        String path = "/api/v1/agency/leads/" + dortmund;
        String change = "{\"status\":\"CONTACTED\",\"note\":\"Angerufen\"}";
        assertThat(patch(path, change, auth).statusCode()).isEqualTo(428);
        assertThat(patch(path, change, auth[0], auth[1], "If-Match", "\"7\"").statusCode()).isEqualTo(412);
        HttpResponse<String> forbidden = patch(path, "{\"status\":\"WON\"}", auth[0], auth[1], "If-Match", "\"0\"",
            "Accept-Language", "en");
        assertThat(forbidden.statusCode()).isEqualTo(422);
        assertThat(forbidden.body()).contains("cannot move from “new” to “won”", "\"field\":\"status\"");
        assertThat(patch(path, "{\"colour\":\"red\"}", auth[0], auth[1], "If-Match", "\"0\"").statusCode()).isEqualTo(422);
        assertThat(patch(path, "{nope", auth[0], auth[1], "If-Match", "\"0\"").statusCode()).isEqualTo(400);
        for (String hostile : List.of("{\"status\":[\"WON\"]}", "{\"status\":5}", "{\"assigneeId\":{}}",
            "{\"note\":\"" + "x".repeat(2001) + "\"}", "{\"status\":\"CONTACTED\",\"assigneeId\":\"' OR 1=1 --\"}",
            "{\"status\":null,\"note\":true}")) {
            HttpResponse<String> refused = patch(path, hostile, auth[0], auth[1], "If-Match", "\"0\"");
            assertThat(refused.statusCode()).as(hostile).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> huge = patch(path, "{\"status\":1e400}", auth[0], auth[1], "If-Match", "\"0\"");
        assertThat(huge.statusCode()).as("a number is no status, however large").isEqualTo(422);
        assertThat(huge.body()).contains("\"field\":\"status\"");
        assertThat(patch(path, change, auth[0], auth[1], "If-Match", "\"0\"", "Content-Type", "text/plain").statusCode())
            .isEqualTo(415);
        for (String malformed : List.of("{\"status\":\"bogus\"} trailing", change + change,
            "{\"status\":\"CONTACTED\",\"status\":\"WON\"}", "{\"note\":\"M\u00fcller\"}")) {
            byte[] bytes = malformed.getBytes(malformed.contains("\u00fc") ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + server.getPort() + path))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Authorization", auth[1]).header("If-Match", "\"0\"").header("Content-Type", "application/json")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(malformed).isEqualTo(400);
            assertThat(refused.body()).as(malformed).contains("The request body is not a valid JSON object.");
        }
        HttpResponse<String> untyped = crm.send("PATCH", path, change, auth[0], auth[1], "If-Match", "\"0\"");
        assertThat(untyped.statusCode()).as("no Content-Type").isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", dortmund).toString())
            .as("nothing changed by refused changes").isEqualTo("0");

        String coach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        HttpResponse<String> changed = patch(path, "{\"status\":\"CONTACTED\",\"assigneeId\":\"" + coach
            + "\",\"note\":\"Angerufen\"}", auth[0], auth[1], "If-Match", "\"0\"", "Content-Type", "application/merge-patch+json",
            // a bearer token is no ambient credential: a call from a script of another site is the token holder's own
            // (another localhost origin: Micronaut refuses other origins' calls to a server addressed as localhost)
            "Origin", "http://localhost:1", "Sec-Fetch-Site", "cross-site");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(crm.map(changed)).containsEntry("status", "CONTACTED");
        assertThat((Map<String, Object>) crm.map(changed).get("assignee")).containsEntry("id", coach);
        List<Map<String, Object>> trail = db.rows("SELECT action, from_value, to_value, note, actor_name FROM lead_audit "
            + "WHERE lead_id = ? ORDER BY at, action DESC", dortmund);
        assertThat(trail).extracting(r -> r.get("action")).containsExactlyInAnyOrder("STAGE", "ASSIGN");
        assertThat(trail).allMatch(r -> "Doris Dortmund (API)".equals(r.get("actor_name")));
        assertThat(patch(path, "{\"assigneeId\":null}", auth[0], auth[1], "If-Match", "W/\"2\"").statusCode())
            .as("a weak tag never matches (strong comparison)").isEqualTo(412);
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", dortmund)).as("nothing stored").isEqualTo(coach);
        HttpResponse<String> listed = patch(path, "{\"assigneeId\":null}", auth[0], auth[1], "If-Match", "\"99\", \"2\"");
        assertThat(listed.statusCode()).as("a list matches if any of its tags does").isEqualTo(200);
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", dortmund)).isNull();
        // several If-Match lines are one list (RFC 9110 §5.3): the second line's tag was not read
        String current = listed.headers().firstValue("ETag").orElseThrow();
        assertThat(patch(path, "{\"note\":\"Zwei Zeilen\"}", auth[0], auth[1], "If-Match", "\"98\"", "If-Match", "\"97\"")
            .statusCode()).as("no line names the version").isEqualTo(412);
        assertThat(patch(path, "{\"note\":\"Zwei Zeilen\"}", auth[0], auth[1], "If-Match", "\"98\"", "If-Match", current)
            .statusCode()).as("the second line names it").isEqualTo(200);
        // two Authorization fields are no credentials, not even the same token twice (the first one's counted)
        assertThat(patch(path, "{\"note\":\"Doppelt\"}", auth[0], auth[1], auth[0], auth[1], "If-Match", "*")
            .statusCode()).isEqualTo(401);
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND note = 'Doppelt'", dortmund))
            .isEqualTo(0L);
        assertThat(patch("/api/v1/agency/leads/" + witten, change, auth[0], auth[1], "If-Match", "\"0\"").statusCode())
            .isEqualTo(404);

        assertThat(crm.get("/agentur/leads", auth).headers().firstValue("Location"))
            .as("a token opens no page").hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiRefusesForgedCursorsExtremeSincesUnknownStatusesAndControlCharactersInNotes() {
        String lead = lead("API Feldregeln", "44135", "api-feldregeln@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Feldregeln")};
        HttpResponse<String> forged = crm.get("/api/v1/agency/leads?cursor="
            + "MTc2NDQ5NDA0MzUxMjoyYjFmMGM1NS01ZDBlLTRhNTItOWE1My0zZjVhM2MwZTllNzE6Ok5FVzp3Zi1kb3J0bXVuZA"
            + ".joKyUsj08pmJ0HF2BCkzLKfTTA4h1rITtJ1UplJ2dJA", auth);
        assertThat(forged.statusCode()).as("the example cursor of docs/api.md was not made by this portal").isEqualTo(400);
        assertThat(forged.body()).contains("\"field\":\"cursor\"");
        for (String since : List.of("%2B292278995-01-01T00:00:00Z", "-292275055-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z")) {
            HttpResponse<String> refused = crm.get("/api/v1/agency/leads?since=" + since, auth[0], auth[1],
                "Accept-Language", "en");
            assertThat(refused.statusCode()).as(since).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"since\"", "year 9999");
        }
        List<Map<String, Object>> early = (List<Map<String, Object>>) crm.map(
            crm.get("/api/v1/agency/leads?limit=200&since=1000-01-01T00:00:00Z", auth)).get("items");
        assertThat(early).as("a since before every lead lists them").extracting(l -> l.get("id")).contains(lead);
        assertThat((List<?>) crm.map(crm.get("/api/v1/agency/leads?since=9999-12-31T00:00:00Z", auth)).get("items"))
            .as("a since after every lead lists none").isEmpty();
        assertThat(crm.get("/api/v1/agency/leads?limit=%D9%A4%D9%A2", auth).statusCode())
            .as("Arabic-Indic digits are no limit").isEqualTo(400);
        // ASCII digits only, as documented: a sign is no digit (limit=+5 was read as 5)
        for (String signed : List.of("%2B5", "-5", "%2B200")) {
            HttpResponse<String> refused = crm.get("/api/v1/agency/leads?limit=" + signed, auth);
            assertThat(refused.statusCode()).as(signed).isEqualTo(400);
            assertThat(refused.body()).as(signed).contains("\"field\":\"limit\"");
        }
        assertThat(crm.get("/api/v1/agency/leads?limit=005", auth).statusCode()).as("leading zeros are digits")
            .isEqualTo(200);

        String path = "/api/v1/agency/leads/" + lead;
        long trail = db.count("lead_audit");
        HttpResponse<String> bogus = patch(path, "{\"status\":\"bogus\"}", auth[0], auth[1], "If-Match", "\"0\"",
            "Accept-Language", "en");
        assertThat(bogus.statusCode()).isEqualTo(422);
        assertThat(bogus.body()).contains("\"field\":\"status\"", "NEW, CONTACTED, QUALIFIED, WON, CLOSED, REJECTED")
            .doesNotContain("?");
        for (String note : List.of("\"\\u0000\"", "\"a\\u001bb\"", "\"x\\ud800y\"", "\"\\uffff\"")) {
            HttpResponse<String> refused = patch(path, "{\"note\":" + note + "}", auth[0], auth[1], "If-Match", "\"0\"",
                "Accept-Language", "en");
            assertThat(refused.statusCode()).as(note).isEqualTo(422);
            assertThat(refused.body()).contains("\"field\":\"note\"", "no control characters");
        }
        HttpResponse<String> star = patch(path, "{\"status\":\"CONTACTED\",\"note\":\"Zeile 1\\nZeile 2\\tmit Tab\"}",
            auth[0], auth[1], "If-Match", "*");
        assertThat(star.statusCode()).as("* matches the current lead; a note keeps line breaks and tabs").isEqualTo(200);
        assertThat(db.count("lead_audit")).as("only the accepted change is on the trail").isEqualTo(trail + 1);
        assertThat(db.value("SELECT note FROM lead_audit WHERE lead_id = ? AND action = 'STAGE'", lead))
            .isEqualTo("Zeile 1\nZeile 2\tmit Tab");

        // the limit counts characters as people see them: 2 000 emoji are 2 000 characters (4 000 UTF-16 units)
        String emoji = "\uD83D\uDE00".repeat(de.digitalcheck.portal.leads.internal.LeadWork.MAX_NOTE);
        HttpResponse<String> full = patch(path, "{\"status\":\"QUALIFIED\",\"note\":\"" + emoji + "\"}",
            auth[0], auth[1], "If-Match", "*");
        assertThat(full.statusCode()).as("a note of 2 000 emoji is within the limit").isEqualTo(200);
        assertThat(db.value("SELECT note FROM lead_audit WHERE lead_id = ? AND action = 'STAGE' AND to_value = 'QUALIFIED'",
            lead)).isEqualTo(emoji);
        HttpResponse<String> over = patch(path, "{\"status\":\"WON\",\"note\":\"" + emoji + "x\"}",
            auth[0], auth[1], "If-Match", "*");
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.body()).as("one more is refused naming the field").contains("\"field\":\"note\"");

        // a note that shows nothing (zero-width and no-break spaces) is no note, as a blank one: nothing in the trail
        long notes = (Long) db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead);
        HttpResponse<String> invisible = patch(path, "{\"note\":\"\\u200b\\u00a0 \"}", auth[0], auth[1], "If-Match", "*");
        assertThat(invisible.statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead)).as("no empty trail row")
            .isEqualTo(notes);
    }

    /**
     * A value of the wrong type is not read as text ({@code "note": 5} was stored as the note "5"), and {@code null}
     * where it means nothing ({@code "status": null} was a silent no-op) is no absent member: each is a 422 naming the
     * field, in the caller's language, and nothing is stored, not even the rest of the change. {@code "assigneeId":
     * null} keeps its documented meaning (nobody), and an absent member still changes nothing.
     */
    @Test
    void aValueOfTheWrongTypeOrANullWithoutMeaningIsRefusedNamingTheField() {
        String lead = lead("API Typen GmbH", "44135", "api-typen@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Typen")};
        String path = "/api/v1/agency/leads/" + lead;
        String coach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        Map<String, String> wrongType = new java.util.LinkedHashMap<>();
        wrongType.put("{\"note\":5}", "note");
        wrongType.put("{\"note\":1.5}", "note");
        wrongType.put("{\"note\":false}", "note");
        wrongType.put("{\"status\":true}", "status");
        wrongType.put("{\"status\":2}", "status");
        wrongType.put("{\"assigneeId\":12345}", "assigneeId");
        wrongType.put("{\"assigneeId\":[\"" + coach + "\"]}", "assigneeId");
        wrongType.put("{\"status\":\"CONTACTED\",\"note\":7}", "note");
        Map<String, String> nulls = Map.of("{\"status\":null}", "status", "{\"note\":null}", "note",
            "{\"status\":null,\"note\":\"angerufen\"}", "status", "{\"status\":\"CONTACTED\",\"note\":null}", "note");
        long trail = db.count("lead_audit");
        for (Map.Entry<String, String> bad : wrongType.entrySet()) {
            for (String language : List.of("en", "de")) {
                HttpResponse<String> refused = patch(path, bad.getKey(), auth[0], auth[1], "If-Match", "*",
                    "Accept-Language", language);
                assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(422);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).as(bad.getKey()).contains("\"field\":\"" + bad.getValue() + "\"",
                    language.equals("en") ? "This value must be text." : "Dieser Wert muss ein Text sein.");
            }
        }
        for (Map.Entry<String, String> bad : nulls.entrySet()) {
            HttpResponse<String> refused = patch(path, bad.getKey(), auth[0], auth[1], "If-Match", "*",
                "Accept-Language", "en");
            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(bad.getKey()).contains("\"field\":\"" + bad.getValue() + "\"",
                "must not be null");
            assertThat(patch(path, bad.getKey(), auth[0], auth[1], "If-Match", "*").body()).as(bad.getKey())
                .contains("darf nicht null sein");
        }
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", lead).toString())
            .as("nothing stored").isEqualTo("0");
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", lead)).isEqualTo("NEW");
        assertThat(db.count("lead_audit")).as("nothing on the trail").isEqualTo(trail);

        HttpResponse<String> nothing = patch(path, "{}", auth[0], auth[1], "If-Match", "*");
        assertThat(nothing.statusCode()).as("absent members change nothing").isEqualTo(200);
        assertThat(nothing.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(patch(path, "{\"assigneeId\":\"" + coach + "\"}", auth[0], auth[1], "If-Match", "*").statusCode())
            .isEqualTo(200);
        HttpResponse<String> nobody = patch(path, "{\"assigneeId\":null}", auth[0], auth[1], "If-Match", "*");
        assertThat(nobody.statusCode()).as("null assigns nobody, as documented").isEqualTo(200);
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).isNull();
        HttpResponse<String> text = patch(path, "{\"status\":\"CONTACTED\",\"note\":\"5\"}", auth[0], auth[1],
            "If-Match", "*");
        assertThat(text.statusCode()).as("the same values as JSON strings are taken").isEqualTo(200);
        assertThat(db.value("SELECT note FROM lead_audit WHERE lead_id = ? AND action = 'STAGE'", lead)).isEqualTo("5");
    }

    /**
     * Every entry of a problem's {@code errors} carries its {@code field}, as the OpenAPI document requires: a member
     * with the empty name ({@code {"":1}}) was reported without one (the serialiser left out the empty string).
     */
    @Test
    @SuppressWarnings("unchecked")
    void anUnknownMemberWithTheEmptyNameIsNamedAsTheEmptyField() {
        String lead = lead("API Leerer Name GmbH", "44135", "api-leerer-name@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Leerer Name")};
        String path = "/api/v1/agency/leads/" + lead;
        for (String body : List.of("{\"\":1}", "{\"\":\"x\",\"status\":\"CONTACTED\"}")) {
            HttpResponse<String> refused = patch(path, body, auth[0], auth[1], "If-Match", "*", "Accept-Language", "en");
            assertThat(refused.statusCode()).as(body).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            List<Map<String, Object>> errors = (List<Map<String, Object>>) crm.map(refused).get("errors");
            assertThat(errors).as(body).isNotEmpty().allSatisfy(e -> assertThat(e).containsKeys("field", "message"));
            assertThat(errors).extracting(e -> e.get("field")).as(body).containsExactly("");
            assertThat(refused.body()).contains("\"field\":\"\"", "There is no such field");
        }
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", lead).toString())
            .as("nothing stored").isEqualTo("0");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead).toString()).isEqualTo("0");
    }

    /**
     * A signed-in session opens no agency API route, not even the reads: each answers {@code 403} problem+json in the
     * caller's language, as the OpenAPI document (served at {@code /openapi}) lists it for every agency operation; a
     * token made to read only reads (200), its refusal is for changes only.
     */
    @Test
    void aSessionIsRefusedOnEveryAgencyReadAsTheDocumentSays() {
        String lead = lead("API Sitzung GmbH", "44135", "api-sitzung@example.org");
        Http staff = users.get("do-staff");
        String[] reader = {"Authorization", "Bearer " + token(staff, "CRM Sitzung", "READ")};
        var validator = com.atlassian.oai.validator.OpenApiInteractionValidator.createForInlineApiSpecification(
            crm.get("/openapi").body()).build();
        for (String path : List.of("/api/v1/agency/leads", "/api/v1/agency/leads/" + lead,
            "/api/v1/agency/forwarded-leads")) {
            HttpResponse<String> refused = staff.get(path, "Accept-Language", "en");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(refused.body()).as(path).contains("\"status\":403").doesNotContain("API Sitzung");
            var report = validator.validateResponse(path, com.atlassian.oai.validator.model.Request.Method.GET,
                com.atlassian.oai.validator.model.SimpleResponse.Builder.status(403)
                    .withContentType("application/problem+json").withBody(refused.body()).build());
            assertThat(report.getMessages()).as(path + ": the document lists the 403").isEmpty();
            assertThat(crm.get(path, reader).statusCode()).as(path + " with a token made to read").isEqualTo(200);
        }
    }

    /**
     * An empty query parameter is an absent one on every agency list, as {@code status=}, {@code since=} and
     * {@code cursor=} always were (and the public API's optional {@code coach=}): {@code limit=} was a 400. A value that
     * is there but wrong stays a 400.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anEmptyQueryParameterIsAnAbsentOneOnBothLists() {
        lead("API Leerer Parameter GmbH", "44135", "api-leerer-parameter@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Leere Parameter")};
        for (String list : List.of("/api/v1/agency/leads", "/api/v1/agency/forwarded-leads")) {
            List<Object> all = ((List<Map<String, Object>>) crm.map(crm.get(list + "?limit=200", auth)).get("items"))
                .stream().map(i -> i.getOrDefault("id", i.get("leadId"))).toList();
            for (String empty : List.of("limit=", "limit=%20", "since=", "cursor=", "status=", "limit=&since=&cursor=")) {
                if (list.contains("forwarded") && empty.startsWith("status")) {
                    continue;
                }
                HttpResponse<String> answer = crm.get(list + "?" + empty, auth);
                assertThat(answer.statusCode()).as(list + "?" + empty).isEqualTo(200);
                List<Object> items = ((List<Map<String, Object>>) crm.map(answer).get("items")).stream()
                    .map(i -> i.getOrDefault("id", i.get("leadId"))).toList();
                assertThat(items).as(list + "?" + empty + ": as without it (the default limit, 50)")
                    .isEqualTo(all.subList(0, Math.min(all.size(), 50)));
            }
            for (String bad : List.of("limit=0", "limit=x", "since=x")) {
                assertThat(crm.get(list + "?" + bad, auth).statusCode()).as(list + "?" + bad).isEqualTo(400);
            }
        }
    }

    /**
     * A cursor is a position in the list it was issued for: the agency's, with the request's filters. One of another
     * agency's list (passed between two CRMs) listed this agency's leads from that position, one issued for other
     * filters listed this request's list from a position in another: each is a 400 naming {@code cursor} that says
     * which, in the caller's language, and lists nothing. The same agency's other token, and another page size, follow
     * it as before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCursorIsRefusedForAnotherAgencyOrOtherFilters() {
        for (int i = 0; i < 2; i++) {
            lead("API Cursor DO " + i, "44135", "api-cursor-do-" + i + "@example.org");
            lead("API Cursor EN " + i, "58452", "api-cursor-en-" + i + "@example.org");
        }
        String[] dortmund = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Cursor DO")};
        String[] colleague = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Cursor DO 2")};
        String[] ennepe = {"Authorization", "Bearer " + token(users.get("en-staff"), "CRM Cursor EN")};
        String since = "2020-01-01T00:00:00Z";
        String enCursor = (String) crm.map(crm.get("/api/v1/agency/leads?limit=1", ennepe)).get("nextCursor");
        String doCursor = (String) crm.map(crm.get("/api/v1/agency/leads?limit=1&status=NEW&since=" + since, dortmund))
            .get("nextCursor");
        assertThat(enCursor).isNotNull();
        assertThat(doCursor).isNotNull().contains(".");

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/api/v1/agency/leads?limit=1&cursor=" + enCursor, "another agency’s list");
        refusals.put("/api/v1/agency/leads?limit=1&status=NEW&since=" + since + "&cursor=" + enCursor,
            "another agency’s list");
        refusals.put("/api/v1/agency/leads?limit=1&cursor=" + doCursor, "other filters (status, since)");
        refusals.put("/api/v1/agency/leads?limit=1&status=CONTACTED&since=" + since + "&cursor=" + doCursor,
            "other filters");
        refusals.put("/api/v1/agency/leads?limit=1&status=NEW&cursor=" + doCursor, "other filters");
        refusals.put("/api/v1/agency/leads?limit=1&status=NEW&since=2020-01-01T00:00:00.001Z&cursor=" + doCursor,
            "other filters");
        refusals.forEach((query, message) -> {
            HttpResponse<String> refused = crm.get(query, dortmund[0], dortmund[1], "Accept-Language", "en");
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(query).contains("\"field\":\"cursor\"", message)
                .doesNotContain("\"items\"", "API Cursor");
        });
        assertThat(crm.get("/api/v1/agency/leads?cursor=" + enCursor, dortmund).body())
            .contains("Dieser Cursor gehört zur Liste einer anderen Agentur");
        assertThat(crm.get("/api/v1/agency/leads?cursor=" + doCursor, dortmund).body())
            .contains("Dieser Cursor gehört zu anderen Filtern (status, since)");
        assertThat(crm.get("/api/v1/agency/leads?cursor=" + doCursor, ennepe).body()).as("and the other way round")
            .contains("anderen Agentur");

        // the same agency's list with the same filters: another token of it, another page size
        for (String[] auth : List.of(dortmund, colleague)) {
            HttpResponse<String> next = crm.get("/api/v1/agency/leads?limit=5&status=NEW&since=" + Http.enc(since)
                + "&cursor=" + doCursor, auth);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat((List<?>) crm.map(next).get("items")).isNotEmpty();
        }
        // the same instant written another way is the same filter
        assertThat(crm.get("/api/v1/agency/leads?limit=1&status=NEW&since=" + Http.enc("2020-01-01T01:00:00+01:00")
            + "&cursor=" + doCursor, dortmund).statusCode()).isEqualTo(200);

        // the list of forwarded leads alike: its agency, its since
        for (int i = 0; i < 2; i++) {
            String id = lead("API Cursor Weg " + i, "44135", "api-cursor-weg-" + i + "@example.org");
            assertThat(users.get("do-staff").postForm("/agentur/leads/" + id + "/weiterleiten", Map.of("agency",
                "en-agentur", "reason", "Cursor", "version", "0")).statusCode()).isEqualTo(303);
        }
        String away = (String) crm.map(crm.get("/api/v1/agency/forwarded-leads?limit=1&since=" + since, dortmund))
            .get("nextCursor");
        assertThat(away).isNotNull();
        assertThat(crm.get("/api/v1/agency/forwarded-leads?limit=1&since=" + since + "&cursor=" + away, colleague)
            .statusCode()).isEqualTo(200);
        HttpResponse<String> otherAgency = crm.get("/api/v1/agency/forwarded-leads?since=" + since + "&cursor=" + away,
            ennepe[0], ennepe[1], "Accept-Language", "en");
        assertThat(otherAgency.statusCode()).isEqualTo(400);
        assertThat(otherAgency.body()).contains("\"field\":\"cursor\"", "another agency’s list");
        HttpResponse<String> otherSince = crm.get("/api/v1/agency/forwarded-leads?cursor=" + away, dortmund[0],
            dortmund[1], "Accept-Language", "en");
        assertThat(otherSince.statusCode()).isEqualTo(400);
        assertThat(otherSince.body()).contains("\"field\":\"cursor\"", "other filters (since)");
    }

    /**
     * Only JSON {@code null} means nobody: an empty or blank {@code assigneeId} took the lead from its assignee. It is a
     * 422 naming {@code assigneeId} in the caller's language, and nothing changes (not the note sent with it either).
     */
    @Test
    void anEmptyOrBlankAssigneeIsRefusedNotTakenForNobody() {
        String lead = lead("API Leere Zuweisung GmbH", "44135", "api-leere-zuweisung@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Leere Zuweisung")};
        String path = "/api/v1/agency/leads/" + lead;
        String coach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        assertThat(patch(path, "{\"assigneeId\":\"" + coach + "\"}", auth[0], auth[1], "If-Match", "*").statusCode())
            .isEqualTo(200);
        Object version = db.value("SELECT lock_version FROM agency_lead WHERE id = ?", lead);
        long trail = (Long) db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead);
        for (String blank : List.of("\"\"", "\" \"", "\"\\u2003 \"")) {
            for (String body : List.of("{\"assigneeId\":" + blank + "}", "{\"assigneeId\":" + blank + ",\"note\":\"x\"}")) {
                HttpResponse<String> refused = patch(path, body, auth[0], auth[1], "If-Match", "*",
                    "Accept-Language", "en");
                assertThat(refused.statusCode()).as(body).isEqualTo(422);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).as(body).contains("\"field\":\"assigneeId\"", "for nobody send null");
            }
        }
        assertThat(patch(path, "{\"assigneeId\":\"\"}", auth[0], auth[1], "If-Match", "*").body())
            .contains("für niemanden senden Sie null");
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).as("still assigned")
            .isEqualTo(coach);
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", lead)).isEqualTo(version);
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead)).as("nothing on the trail")
            .isEqualTo(trail);
        assertThat(patch(path, "{\"assigneeId\":null}", auth[0], auth[1], "If-Match", "*").statusCode())
            .as("null still means nobody").isEqualTo(200);
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).isNull();
    }

    /**
     * A change to the value a lead already has is no change: {@code "assigneeId": null} with a note on a lead nobody
     * holds wrote an assignment "– → –" to the trail. The note is stored as a note, and no assignment (or status)
     * entry is written for the value the lead keeps; without a note nothing is stored at all.
     */
    @Test
    void aChangeToTheSameValueWritesNoAssignmentOrStatusEntry() {
        String lead = lead("API Gleicher Wert GmbH", "44135", "api-gleicher-wert@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Gleicher Wert")};
        String path = "/api/v1/agency/leads/" + lead;
        String coach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        String trail = "SELECT action, from_value, to_value, note FROM lead_audit WHERE lead_id = ? ORDER BY at, id";

        HttpResponse<String> nobody = patch(path, "{\"assigneeId\":null,\"note\":\"Erst mal sammeln\"}", auth[0],
            auth[1], "If-Match", "*");
        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(db.rows(trail, lead)).as("the note alone, no assignment from nobody to nobody")
            .extracting(r -> r.get("action"), r -> r.get("note"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("NOTE", "Erst mal sammeln"));
        assertThat(db.rows(trail, lead)).allSatisfy(r -> assertThat(r.get("action")).isNotEqualTo("ASSIGN"));

        HttpResponse<String> same = patch(path, "{\"status\":\"NEW\",\"assigneeId\":null}", auth[0], auth[1],
            "If-Match", "*");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).as("nothing changed: the same version")
            .isEqualTo(nobody.headers().firstValue("ETag"));
        assertThat(db.rows(trail, lead)).hasSize(1);

        assertThat(patch(path, "{\"assigneeId\":\"" + coach + "\"}", auth[0], auth[1], "If-Match", "*").statusCode())
            .isEqualTo(200);
        assertThat(patch(path, "{\"assigneeId\":\"" + coach + "\",\"status\":\"NEW\",\"note\":\"Weiter bei Dominik\"}",
            auth[0], auth[1], "If-Match", "*").statusCode()).isEqualTo(200);
        HttpResponse<String> again = patch(path, "{\"assigneeId\":\"" + coach + "\"}", auth[0], auth[1], "If-Match", "*");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(db.rows(trail, lead)).extracting(r -> r.get("action"), r -> r.get("note")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("NOTE", "Erst mal sammeln"),
            org.assertj.core.groups.Tuple.tuple("ASSIGN", null),
            org.assertj.core.groups.Tuple.tuple("NOTE", "Weiter bei Dominik"));
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).isEqualTo(coach);
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", lead)).isEqualTo("NEW");
    }

    /**
     * A filter given twice ({@code status=NEW&status=CONTACTED}) is a 400 naming it, in the caller's language: taking
     * one of the values silently would answer a page the CRM did not ask for while it believed it had both.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedQueryParameterIsRefusedNotHalfObeyed() {
        String open = lead("API Doppelt Neu", "44135", "api-doppelt-neu@example.org");
        String[] auth = {"Authorization", "Bearer " + token(users.get("do-staff"), "CRM Doppelt")};
        String contacted = lead("API Doppelt Kontakt", "44135", "api-doppelt-kontakt@example.org");
        assertThat(patch("/api/v1/agency/leads/" + contacted, "{\"status\":\"CONTACTED\"}", auth[0], auth[1],
            "If-Match", "*").statusCode()).isEqualTo(200);
        String next = crm.map(crm.get("/api/v1/agency/leads?limit=1", auth)).get("nextCursor").toString();
        Map<String, String> repeated = Map.of(
            "status", "status=NEW&status=CONTACTED",
            "since", "since=2026-01-01T00:00:00Z&since=2000-01-01T00:00:00Z",
            "limit", "limit=1&limit=200",
            "cursor", "cursor=" + next + "&cursor=" + next);
        repeated.forEach((field, query) -> {
            HttpResponse<String> refused = crm.get("/api/v1/agency/leads?" + query, auth[0], auth[1],
                "Accept-Language", "en");
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(query).contains("\"field\":\"" + field + "\"", "may be given only once")
                .doesNotContain("\"items\"");
        });
        HttpResponse<String> german = crm.get("/api/v1/agency/leads?status=NEW&status=CONTACTED", auth);
        assertThat(german.body()).contains("status wurde mehrfach angegeben, darf aber nur einmal angegeben werden");
        List<Map<String, Object>> both = (List<Map<String, Object>>) crm.map(
            crm.get("/api/v1/agency/leads?limit=200", auth)).get("items");
        assertThat(both).as("without the repeat both leads are listed").extracting(l -> l.get("id"))
            .contains(open, contacted);
        assertThat(crm.get("/api/v1/agency/leads?status=NEW", auth).statusCode()).isEqualTo(200);
    }

    /**
     * A withdrawn consent no longer shares the contact or the result: the lead page, the inbox, the CSV, the PDF and
     * the API show the company and the lead's history without them (the row keeps them until retention anonymises it).
     */
    @Test
    void aWithdrawnLeadShowsItsAgencyNeitherTheContactNorTheResult() throws Exception {
        String email = "widerruf-sichtbar@example.org";
        String lead = lead("Widerruf Sichtbar GmbH", "44135", email);
        Http staff = users.get("do-staff");
        String[] auth = {"Authorization", "Bearer " + token(staff, "CRM Widerruf")};
        String page = "/agentur/leads/" + lead;
        assertThat(staff.get(page).body()).as("while the consent stands").contains(email, "Kim Kontakt");
        assertThat(staff.get(page + "/bericht.pdf").statusCode()).isEqualTo(200);

        agencyLeads.withdraw(email, lead);

        String withdrawn = staff.get(page).body();
        assertThat(withdrawn).contains("Widerruf Sichtbar GmbH", "Einwilligung widerrufen",
                "Kontakt, Ergebnis und Bericht dieser Anfrage werden nicht mehr gezeigt")
            .doesNotContain(email, "Kim Kontakt", "/bericht.pdf");
        assertThat(staff.get(page + "/bericht.pdf").statusCode()).as("no report any more").isEqualTo(404);
        assertThat(staff.get("/agentur/leads?status=WITHDRAWN").body()).contains("Widerruf Sichtbar GmbH").doesNotContain(email);
        assertThat(staff.get("/agentur/leads?status=NEW").body()).as("an open stage lists only open leads")
            .doesNotContain("Widerruf Sichtbar GmbH");
        assertThat(staff.get("/agentur/leads.csv").body()).contains("Widerruf Sichtbar GmbH").doesNotContain(email);
        Map<String, Object> document = crm.map(crm.get("/api/v1/agency/leads/" + lead, auth));
        assertThat(document.get("consent")).isEqualTo("WITHDRAWN");
        assertThat((Map<String, Object>) document.get("contact")).containsEntry("name", null)
            .containsEntry("email", null).containsEntry("phone", null);
        assertThat((Map<String, Object>) document.get("assessment")).as("not even the check's id: the result is no "
            + "longer shared").containsEntry("id", null).containsEntry("score", null).containsEntry("level", null);
        assertThat(crm.get("/api/v1/agency/leads?limit=200", auth).body()).doesNotContain(email);
        assertThat(users.get("admin").get("/admin/leads/" + lead).body()).as("the network admins likewise")
            .doesNotContain(email);
        assertThat(db.value("SELECT contact_email FROM agency_lead WHERE id = ?", lead)).as("kept until retention")
            .isEqualTo(email);
    }

    /**
     * An erased lead (the company's data erased) keeps nothing that locates the company: its municipality key went
     * with its name, postcode and place, in the row as in the API (the list, the lead, the forwarded leads). Cut to its
     * district it still named the town of a one-company lead (a city's district key is the city's own, Dortmund
     * {@code 05913000}); no statistic reads a lead's key (the benchmarks read the anonymised checks).
     */
    @Test
    void anErasedLeadKeepsNoMunicipalityKey() throws Exception {
        String email = "loeschen-ort@example.org";
        String lead = lead("Löschen Ort GmbH", "44135", email);
        Http staff = users.get("do-staff");
        String[] auth = {"Authorization", "Bearer " + token(staff, "CRM Löschen")};
        Map<String, Object> before = crm.map(crm.get("/api/v1/agency/leads/" + lead, auth));
        assertThat((Map<String, Object>) before.get("company")).containsEntry("ags", "05913000");

        personalData.erase(email);

        assertThat(db.rows("SELECT ags, postal_code, municipality, company_name FROM agency_lead WHERE id = ?", lead))
            .singleElement().satisfies(row -> assertThat(row.values()).containsOnlyNulls());
        Map<String, Object> document = crm.map(crm.get("/api/v1/agency/leads/" + lead, auth));
        assertThat(document.get("consent")).isEqualTo("ERASED");
        assertThat((Map<String, Object>) document.get("company")).containsEntry("ags", null)
            .containsEntry("postalCode", null).containsEntry("municipality", null).containsEntry("name", null);
        Map<String, Object> listed = ((List<Map<String, Object>>) crm.map(crm.get("/api/v1/agency/leads?limit=200",
            auth)).get("items")).stream().filter(l -> lead.equals(l.get("id"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) listed.get("company")).containsEntry("ags", null);
        assertThat(crm.get("/api/v1/agency/forwarded-leads", auth).body()).doesNotContain("05913");
        assertThat(staff.get("/agentur/leads/" + lead).body()).doesNotContain("05913", "44135", "Löschen Ort");
    }

    /**
     * A lead erased before its key went with the rest kept its district's: the agencies are shown none
     * ({@code LeadRow.shownToAgency}), and V148 clears the stored ones.
     */
    @Test
    void aLeadErasedBeforeShowsNoDistrictKeyEither() throws Exception {
        String email = "loeschen-frueher@example.org";
        String lead = lead("Löschen Früher GmbH", "44135", email);
        Http staff = users.get("do-staff");
        String[] auth = {"Authorization", "Bearer " + token(staff, "CRM Früher")};
        personalData.erase(email);
        db.execute("UPDATE agency_lead SET ags = '05913000' WHERE id = ?", lead); // as erasure left it until now
        Map<String, Object> document = crm.map(crm.get("/api/v1/agency/leads/" + lead, auth));
        assertThat((Map<String, Object>) document.get("company")).containsEntry("ags", null);
    }

    /**
     * What a company typed is shown as typed where a page's text carries it: the templates' messages were filled in
     * twice, so "O'Brien" came out as "OBrien" and "{0}" as the message's first argument.
     */
    @Test
    void aCompanysApostropheAndBracesAreShownAsTyped() {
        String lead = lead("O'Brien & Söhne {0} GmbH", "44135", "o'brien@example.org");
        String page = users.get("do-staff").get("/agentur/leads/" + lead).body();
        assertThat(page).contains("<title>Anfrage von O&#39;Brien &amp; Söhne {0} GmbH – Digitalcheck 4.0</title>",
            "o&#39;brien@example.org").doesNotContain("OBrien", "obrien@");
        // the company's profile the consent names (sector, size, kind), as the CSV has it
        assertThat(page).contains(">Branche</dt>", ">C – Verarbeitendes Gewerbe<", ">Beschäftigte</dt>", ">42<",
            ">Art des Unternehmens</dt>", ">Wir entwickeln und fertigen eigene Produkte<");
    }

    @Test
    void staffAssignALeadToTheirAgencysPeopleOnlyAndCoachesSeeExactlyTheirs() {
        String lead = lead("Zuweisungs GmbH", "44135", "zuweisung@example.org");
        Http staff = users.get("do-staff");
        String doCoach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        String enCoach = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("gesperrt@dortmund.example.org", "Gesa Gesperrt",
            Role.AGENCY_STAFF, "wf-dortmund")));
        String disabled = accounts.byEmail("gesperrt@dortmund.example.org").orElseThrow().id();
        accounts.setDisabled(disabled, true, "wf-dortmund");

        HttpResponse<String> page = staff.get("/agentur/leads/" + lead);
        assertThat(page.body()).contains("id=\"assign-to\"", "Dominik Coach (Coach)").doesNotContain("Carla Coach",
            "Gesa Gesperrt", "error-summary");
        assertThat(page.body()).as("the title names the portal, as every page's")
            .contains("<title>Anfrage von Zuweisungs GmbH – Digitalcheck 4.0</title>");
        Map<String, String> refusals = Map.of(enCoach, "gehört nicht zu Ihrer Agentur", disabled, "gesperrt",
            "no-such-account", "gehört nicht zu Ihrer Agentur");
        refusals.forEach((who, message) -> {
            HttpResponse<String> refused = staff.postForm("/agentur/leads/" + lead + "/zuweisen",
                Map.of("assignee", who, "version", "0", "note", "bitte"));
            assertThat(refused.statusCode()).as(who).isEqualTo(422);
            assertThat(refused.body()).contains("error-summary", "href=\"#assign-to\"", message, ">bitte</textarea>",
                "<title>Die Änderung wurde nicht gespeichert – Anfrage von Zuweisungs GmbH – Digitalcheck 4.0</title>");
        });
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).as("nothing stored").isNull();
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", lead).toString()).isEqualTo("0");

        assertThat(users.get("do-coach").get("/coach/leads/" + lead).statusCode()).as("not yet assigned").isEqualTo(404);
        HttpResponse<String> assigned = staff.postForm("/agentur/leads/" + lead + "/zuweisen",
            Map.of("assignee", doCoach, "version", "0", "note", "Vor Ort"));
        assertThat(assigned.statusCode()).isEqualTo(303);
        assertThat(assigned.headers().firstValue("Location")).hasValue("/agentur/leads/" + lead + "#lead-changed");
        assertThat(staff.get("/agentur/leads/" + lead).body()).contains("Dominik Coach", "Vor Ort",
            "id=\"lead-changed\"");
        // "saved" once, after the post that assigned (a Flash note): not on a reload, nor from "?geaendert" typed in
        assertThat(staff.get("/agentur/leads/" + lead).body()).as("a reload").contains("Vor Ort")
            .doesNotContain("id=\"lead-changed\"");
        assertThat(staff.get("/agentur/leads/" + lead + "?geaendert").body()).as("the old address").contains("Vor Ort")
            .doesNotContain("id=\"lead-changed\"");
        HttpResponse<String> stale = staff.postForm("/agentur/leads/" + lead + "/zuweisen",
            Map.of("assignee", "", "version", "0", "note", "mein Text"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("stale-alert", ">mein Text</textarea>",
            "<title>Jemand anderes hat diese Anfrage inzwischen geändert.");
        assertThat(db.value("SELECT assignee_id FROM agency_lead WHERE id = ?", lead)).isEqualTo(doCoach);
        assertThat(users.get("en-staff").postForm("/agentur/leads/" + lead + "/zuweisen",
            Map.of("assignee", "", "version", "1")).statusCode()).as("another agency's lead").isEqualTo(404);

        assertThat(users.get("do-coach").get("/coach/leads").body()).contains("Zuweisungs GmbH");
        assertThat(users.get("do-coach").get("/coach/leads/" + lead).body()).contains("zuweisung@example.org", "Vor Ort",
            ">Branche</dt>", ">C – Verarbeitendes Gewerbe<", ">42<");
        assertThat(users.get("en-coach").get("/coach/leads").body()).doesNotContain("Zuweisungs GmbH");
        assertThat(users.get("en-coach").get("/coach/leads/" + lead).statusCode()).isEqualTo(404);
        HttpResponse<String> filtered = staff.get("/agentur/leads?assignee=" + doCoach);
        assertThat(filtered.body()).contains("Zuweisungs GmbH", "<option value=\"" + doCoach + "\" selected=\"selected\">Dominik Coach (Coach)</option>")
            .doesNotContain("Carla Coach");
        assertThat(staff.get("/agentur/leads?assignee=-").body()).doesNotContain("Zuweisungs GmbH");

        assertThat(users.get("do-coach").get("/coach/leads").body()).as("while the consent stands")
            .doesNotContain("Einwilligung widerrufen");
        agencyLeads.withdraw("zuweisung@example.org", lead);
        assertThat(users.get("do-coach").get("/coach/leads").body()).as("the coach's list says so, as the inbox does")
            .contains("Zuweisungs GmbH", "<span>neu</span><span> (Einwilligung widerrufen)</span>");
        assertThat(users.get("do-coach").get("/coach/leads/" + lead).body()).as("nor its page the contact")
            .contains("Zuweisungs GmbH", "Einwilligung widerrufen").doesNotContain("zuweisung@example.org");
    }

    HttpResponse<String> patch(String path, String body, String... headers) {
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        String[] all = headers;
        if (!typed) {
            all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Content-Type";
            all[headers.length + 1] = "application/json";
        }
        return crm.send("PATCH", path, body, all);
    }
}
