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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency's inbox (issue 13): filters, counts per stage, paging; the lead's stage along SPEC §5 with a note and
 * its audit trail; optimistic locking (a stale form stores nothing and says so); another agency's lead is 404 for
 * every page and action.
 */
@MicronautTest(transactional = false)
class LeadInboxIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("inbox-");
        db = new Database(dataSource);
    }

    private String lead(String company, String postalCode, String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at(postalCode)
            .contact("Kim Kontakt", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    private int version(String id) {
        return ((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).intValue();
    }

    @Test
    void theInboxFiltersCountsAndRefusesUnknownFilterValues() {
        String a = lead("Inbox Alpha GmbH", "44135", "alpha@inbox.example.org");
        String b = lead("Inbox Beta GmbH", "44137", "beta@inbox.example.org");
        Http staff = users.get("do-staff");
        assertThat(staff.postForm("/agentur/leads/" + a + "/status",
            Map.of("stage", "CONTACTED", "note", "angerufen", "version", String.valueOf(version(a)))).statusCode())
            .isEqualTo(303);

        String contacted = staff.get("/agentur/leads?status=CONTACTED").body();
        assertThat(contacted).contains("Inbox Alpha GmbH").doesNotContain("Inbox Beta GmbH");
        assertThat(contacted).contains("<caption", "<label class=\"kern-label\" for=\"f-status\"");
        String fresh = staff.get("/agentur/leads?status=NEW&sort=company").body();
        assertThat(fresh).contains("Inbox Beta GmbH").doesNotContain("Inbox Alpha GmbH");
        // a stage in any case, as the sort is read (it was 400 while "sort=COMPANY" was fine)
        HttpResponse<String> lower = staff.get("/agentur/leads?status=new&sort=COMPANY");
        assertThat(lower.statusCode()).isEqualTo(200);
        assertThat(lower.body()).contains("Inbox Beta GmbH").doesNotContain("Inbox Alpha GmbH")
            .contains("<option value=\"NEW\" selected");
        // a filter nothing matches is not "no leads yet"
        String none = staff.get("/agentur/leads?municipality=Nirgendwo&sort=company").body();
        assertThat(none).contains("Keine Anfragen zu diesen Filtern.").doesNotContain("Noch keine Anfragen.");
        assertThat(staff.get("/agentur/leads?municipality=Nirgendwo&lang=en").body())
            .contains("No leads match these filters.");
        staff.get("/agentur/leads?lang=de");
        assertThat(staff.get("/agentur/leads").body()).containsPattern("kontaktiert: [1-9]");

        db.execute("UPDATE agency_lead SET contact_due_at = ? WHERE id = ?",
            java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(86_400)), b);
        String overdue = staff.get("/agentur/leads?overdue=true").body();
        assertThat(overdue).contains("Inbox Beta GmbH", "überfällig").doesNotContain("Inbox Alpha GmbH");

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        assertThat(staff.get("/agentur/leads?from=" + today + "&to=" + today).body()).contains("Inbox Beta GmbH");
        assertThat(staff.get("/agentur/leads?to=2000-01-01").body()).doesNotContain("Inbox Beta GmbH");
        assertThat(staff.get("/agentur/leads?assignee=-").body()).contains("Inbox Beta GmbH");
        assertThat(staff.get("/agentur/leads?assignee=me").body()).doesNotContain("Inbox Beta GmbH");

        // an assignee is me, nobody or a person of the agency: anyone else is an unknown value, not an empty inbox
        String otherAgencys = (String) db.value("SELECT id FROM account WHERE name = 'Carla Coach'");
        String ours = (String) db.value("SELECT id FROM account WHERE name = 'Dominik Coach'");
        assertThat(staff.get("/agentur/leads?assignee=" + ours).statusCode()).isEqualTo(200);
        for (String bad : new String[] {"status=WHATEVER", "from=gestern", "level=9", "sort=evil", "page=0",
            "overdue=maybe", "from=2026-02-02&to=2026-01-01", "assignee=foo", "assignee=" + otherAgencys}) {
            HttpResponse<String> refused = staff.get("/agentur/leads?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            // the way back: the inbox without the filter (a date is explained at its field, on the inbox itself)
            if (!bad.startsWith("from=")) {
                assertThat(refused.body()).as(bad).contains("<a class=\"kern-link\" href=\"/agentur/leads\">"
                    + "Diese Seite ohne die Angaben in der Adresse öffnen</a>");
            }
        }
        HttpResponse<String> csv = staff.get("/agentur/leads.csv?assignee=" + otherAgencys);
        assertThat(csv.statusCode()).isEqualTo(400);
        // a download's refusal does not link to the download without the filter
        assertThat(csv.body()).doesNotContain("ohne die Angaben in der Adresse");
        // a page refused for another reason, or without a query, has no such link
        assertThat(staff.get("/agentur/leads/unbekannt").body()).doesNotContain("ohne die Angaben in der Adresse");
        assertThat(staff.get("/agentur/leads").body()).doesNotContain("ohne die Angaben in der Adresse");
        Http admin = users.get("admin");
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?assignee=" + ours).statusCode()).isEqualTo(200);
        // "mir" is no filter for the admin, who is no person of the agency (it showed an empty inbox)
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?assignee=me").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads?assignee=" + otherAgencys).statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/agenturen/wf-dortmund/leads.csv?assignee=foo").statusCode()).isEqualTo(400);
        assertThat(users.get("en-staff").get("/agentur/leads").body()).doesNotContain("Inbox Alpha GmbH", "Inbox Beta GmbH");
    }

    private static long count(String page, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label) + ": (\\d+)</a>")
            .matcher(page);
        assertThat(m.find()).as(label).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A withdrawn lead, shown as withdrawn in the list, is counted and filtered as such, not under its stage "neu". */
    @Test
    void aWithdrawnLeadCountsAndFiltersAsWithdrawnNotUnderItsStage() {
        Http staff = users.get("do-staff");
        String before = staff.get("/agentur/leads").body();
        String id = lead("Inbox Widerruf GmbH", "44135", "widerruf@inbox.example.org");
        assertThat(count(staff.get("/agentur/leads").body(), "neu")).isEqualTo(count(before, "neu") + 1);
        db.execute("UPDATE agency_lead SET status = 'WITHDRAWN', open_key = NULL, withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", id);

        String after = staff.get("/agentur/leads").body();
        assertThat(after).as("the list shows it, marked").contains("Inbox Widerruf GmbH", "(Einwilligung widerrufen)");
        assertThat(count(after, "neu")).as("not under its stage").isEqualTo(count(before, "neu"));
        assertThat(count(after, "Einwilligung widerrufen oder gelöscht"))
            .isEqualTo(count(before, "Einwilligung widerrufen oder gelöscht") + 1);
        String fresh = staff.get("/agentur/leads?status=NEW").body();
        assertThat(fresh).as("the stage's link lists what its count counts").doesNotContain("Inbox Widerruf GmbH");
        String gone = staff.get("/agentur/leads?status=WITHDRAWN").body();
        assertThat(gone).contains("Inbox Widerruf GmbH", "<option value=\"WITHDRAWN\" selected=\"selected\">");
    }

    @Test
    void levelZeroLeadsCanBeFilteredOnThePageAndInTheExport() {
        String zero = lead("Stufe Null GmbH", "44135", "null@inbox.example.org");
        String three = lead("Stufe Drei GmbH", "44137", "drei@inbox.example.org");
        db.execute("UPDATE agency_lead SET overall_level = 0 WHERE id = ?", zero);
        db.execute("UPDATE agency_lead SET overall_level = 3 WHERE id = ?", three);
        Http staff = users.get("do-staff");
        HttpResponse<String> page = staff.get("/agentur/leads?level=0");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stufe Null GmbH", "<option value=\"0\" selected=\"selected\">0</option>")
            .doesNotContain("Stufe Drei GmbH");
        HttpResponse<byte[]> csv = staff.getBytes("/agentur/leads.csv?level=0");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Stufe Null GmbH")
            .doesNotContain("Stufe Drei GmbH");
        assertThat(staff.get("/agentur/leads?level=6").statusCode()).isEqualTo(400);
        assertThat(staff.get("/agentur/leads?level=-1").statusCode()).isEqualTo(400);
    }

    /**
     * A filter given twice ({@code ?status=NEW&status=WON}) was read as its first value and the rest silently dropped,
     * while the agency API answers 400 for it: every filter of the page, and of its export, given more than once is an
     * unknown filter value now, 400 with the page's way back to the inbox without the query.
     */
    @Test
    void aFilterGivenTwiceIsRefusedAsTheApiRefusesIt() {
        Http staff = users.get("do-staff");
        String ours = (String) db.value("SELECT id FROM account WHERE name = 'Dominik Coach'");
        for (String twice : new String[] {"status=NEW&status=WON", "assignee=-&assignee=" + ours,
            "overdue=true&overdue=true", "from=2026-01-01&from=2026-01-02", "to=2026-01-01&to=2026-01-01",
            "municipality=Dortmund&municipality=Witten", "level=1&level=2", "sort=newest&sort=company",
            "page=1&page=2", "status=NEW&status="}) {
            HttpResponse<String> refused = staff.get("/agentur/leads?" + twice);
            assertThat(refused.statusCode()).as(twice).isEqualTo(400);
            assertThat(refused.body()).as(twice).contains("<a class=\"kern-link\" href=\"/agentur/leads\">"
                + "Diese Seite ohne die Angaben in der Adresse öffnen</a>").doesNotContain("<caption");
            assertThat(staff.getBytes("/agentur/leads.csv?" + twice).statusCode()).as("csv " + twice).isEqualTo(400);
            assertThat(users.get("admin").get("/admin/agenturen/wf-dortmund/leads?" + twice).statusCode())
                .as("admin " + twice).isEqualTo(400);
        }
        assertThat(staff.get("/agentur/leads?status=NEW&sort=company").statusCode()).isEqualTo(200);
    }

    /**
     * The place filter is free text: it found a place only as stored, and only in the same letters' case on H2
     * (MariaDB's collation ignored the case). It matches the beginning of the place's name in any case now ("wit" finds
     * Witten), a {@code %} or {@code _} typed as itself; the field's hint says so.
     */
    @Test
    void thePlaceFilterMatchesTheBeginningOfThePlaceInAnyCase() {
        lead("Ort Filter Witten GmbH", "58452", "ort-witten@inbox.example.org");
        lead("Ort Filter Hattingen GmbH", "45525", "ort-hattingen@inbox.example.org");
        Http staff = users.get("en-staff");
        for (String typed : new String[] {"Witten", "witten", "WIT", "%20wit%20"}) {
            assertThat(staff.get("/agentur/leads?municipality=" + typed).body()).as(typed)
                .contains("Ort Filter Witten GmbH").doesNotContain("Ort Filter Hattingen GmbH");
        }
        for (String typed : new String[] {"itten", "W%25", "W_tten", "Wittenberg"}) {
            HttpResponse<String> none = staff.get("/agentur/leads?municipality=" + typed);
            assertThat(none.statusCode()).as(typed).isEqualTo(200);
            assertThat(none.body()).as(typed).doesNotContain("Ort Filter Witten GmbH", "Ort Filter Hattingen GmbH");
        }
        assertThat(new String(staff.getBytes("/agentur/leads.csv?municipality=wit").body(),
            java.nio.charset.StandardCharsets.UTF_8)).contains("Ort Filter Witten GmbH")
            .doesNotContain("Ort Filter Hattingen GmbH");
        assertThat(staff.get("/agentur/leads").body()).contains("id=\"f-municipality-hint\"",
            "aria-describedby=\"f-municipality-hint\"", "Anfang des Namens genügt");
    }

    @Test
    void aBadDateFilterShowsTheInboxWithTheMessageAtTheFieldAndTheInputKept() {
        lead("Datum Filter GmbH", "44135", "datum@inbox.example.org");
        Http staff = users.get("do-staff");
        HttpResponse<String> backwards = staff.get("/agentur/leads?from=2026-02-02&to=2026-01-01&status=NEW");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("Das Enddatum liegt vor dem Anfangsdatum", "id=\"f-to-error\"",
                "value=\"2026-02-02\"", "value=\"2026-01-01\"", "<caption", "Datum Filter GmbH")
            .doesNotContain("Die Anfrage war fehlerhaft", "id=\"f-from-error\"");
        HttpResponse<String> typo = staff.get("/agentur/leads?from=gestern");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("Bitte ein Datum wie 31.12.2026 angeben.", "value=\"gestern\"", "f-status")
            .doesNotContain("Die Anfrage war fehlerhaft", "id=\"f-to-error\"");
        // the English example is a way of writing that the filter reads (31/12/2026 is not: it was the example)
        HttpResponse<String> english = staff.get("/agentur/leads?from=gestern&lang=en");
        staff.get("/agentur/leads?lang=de");
        assertThat(english.body()).contains("such as 2026-12-31 (or 31.12.2026)").doesNotContain("31/12/2026");
        assertThat(staff.get("/agentur/leads?from=2026-12-31").statusCode()).isEqualTo(200);
        // dates at the ends of what Java can hold: a message, not a server error
        for (String extreme : new String[] {"%2B999999999-12-31", "-999999999-01-01", "31.12.999999999"}) {
            HttpResponse<String> far = staff.get("/agentur/leads?to=" + extreme);
            assertThat(far.statusCode()).as(extreme).isEqualTo(400);
            assertThat(far.body()).as(extreme).contains("id=\"f-to-error\"").doesNotContain("Die Anfrage war fehlerhaft");
        }
        // typed the German way, it is a date
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))
            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        HttpResponse<String> german = staff.get("/agentur/leads?from=" + today);
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.body()).contains("Datum Filter GmbH").doesNotContain("f-from-error");
        // no message on a first visit
        assertThat(staff.get("/agentur/leads").body()).doesNotContain("f-from-error", "f-to-error");
        // the export has no page to explain it on
        assertThat(staff.getBytes("/agentur/leads.csv?from=2026-02-02&to=2026-01-01").statusCode()).isEqualTo(400);
    }

    @Test
    void aStageChangesAlongTheWorkflowWithItsAuditTrailAndNothingElse() {
        String id = lead("Stufen KG", "44139", "stufen@inbox.example.org");
        Http staff = users.get("do-staff");
        HttpResponse<String> skipped = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "WON", "note", "", "version", String.valueOf(version(id))));
        assertThat(skipped.statusCode()).isEqualTo(422);
        assertThat(skipped.body()).contains("Von „neu“ kann eine Anfrage nicht nach „gewonnen“ wechseln", "error-summary");
        // no stage chosen (an empty choice), or one that is none: said so — the message named the stage to go to "?"
        HttpResponse<String> empty = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "", "note", "", "version", String.valueOf(version(id))));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Bitte wählen Sie den neuen Bearbeitungsstand.", "href=\"#stage-to\"")
            .doesNotContain("„?“");
        HttpResponse<String> unknown = staff.postForm("/agentur/leads/" + id + "/status?lang=en",
            Map.of("stage", "LOST", "note", "", "version", String.valueOf(version(id))));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no such progress. Please choose one from the list.")
            .doesNotContain("“?”");
        staff.get("/agentur/leads?lang=de");
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("NEW");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(0L);

        int v = version(id);
        HttpResponse<String> changed = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", "Erstgespräch vereinbart", "version", String.valueOf(v)));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/agentur/leads/" + id + "#lead-changed");
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("CONTACTED");
        assertThat(db.value("SELECT first_contact_at FROM agency_lead WHERE id = ?", id)).isNotNull();
        String detail = staff.get("/agentur/leads/" + id).body();
        assertThat(detail).contains("Verlauf", "Erstgespräch vereinbart", "kontaktiert", "id=\"lead-changed\"")
            .doesNotContain("error-summary");
        // "saved" once, after the post that changed it (a Flash note): not on a reload, nor from "?geaendert" typed
        // in, which said so on any link that carried it
        for (String again : new String[] {"/agentur/leads/" + id, "/agentur/leads/" + id + "?geaendert"}) {
            HttpResponse<String> page = staff.get(again);
            assertThat(page.statusCode()).as(again).isEqualTo(200);
            assertThat(page.body()).as(again).contains("Erstgespräch vereinbart")
                .doesNotContain("id=\"lead-changed\"", "Die Änderungen sind gespeichert.");
        }

        HttpResponse<String> stale = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "REJECTED", "note", "alter Stand", "version", String.valueOf(v)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Jemand anderes hat diese Anfrage inzwischen geändert", "kontaktiert")
            .contains(">alter Stand</textarea>") // the note typed is not lost
            .contains("name=\"version\" value=\"" + version(id) + "\""); // and can be sent again against the current state
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("CONTACTED");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(1L);

        HttpResponse<String> longNote = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "QUALIFIED", "note", "x".repeat(2001), "version", String.valueOf(version(id))));
        assertThat(longNote.statusCode()).isEqualTo(422);
        assertThat(staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "QUALIFIED", "version", "kaputt")).statusCode()).isEqualTo(400);
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("CONTACTED");
    }

    /**
     * A rejection (spam, a request that is no agency's business) is no first contact: it stops the service level's
     * clock — the lead is no longer new, so no longer overdue (nor escalated) — but leaves the first contact empty, in
     * the export as in the database (and so in the API and the dashboard's figures). It set the first contact to the
     * moment of the rejection, so a spam lead counted as contacted in time. A contact still sets it.
     */
    @Test
    void aLeadRejectedWhileNewHasNoFirstContactButIsNoLongerOverdue() throws Exception {
        String spam = lead("Spam Absage GmbH", "44139", "spam-absage@inbox.example.org");
        String called = lead("Anruf Absage GmbH", "44139", "anruf-absage@inbox.example.org");
        java.sql.Timestamp past = java.sql.Timestamp.from(java.time.Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS));
        db.execute("UPDATE agency_lead SET contact_due_at = ? WHERE id IN (?, ?)", past, spam, called);
        Http staff = users.get("do-staff");
        assertThat(staff.get("/agentur/leads?overdue=true&sort=company").body())
            .contains("Spam Absage GmbH", "Anruf Absage GmbH");

        assertThat(staff.postForm("/agentur/leads/" + spam + "/status", Map.of("stage", "REJECTED", "note", "Spam",
            "version", String.valueOf(version(spam)))).statusCode()).isEqualTo(303);
        assertThat(staff.postForm("/agentur/leads/" + called + "/status", Map.of("stage", "CONTACTED", "note", "",
            "version", String.valueOf(version(called)))).statusCode()).isEqualTo(303);

        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", spam)).isEqualTo("REJECTED");
        assertThat(db.value("SELECT first_contact_at FROM agency_lead WHERE id = ?", spam)).as("no first contact")
            .isNull();
        assertThat(db.value("SELECT closed_at FROM agency_lead WHERE id = ?", spam)).as("closed: the clock stopped")
            .isNotNull();
        assertThat(db.value("SELECT first_contact_at FROM agency_lead WHERE id = ?", called)).isNotNull();
        assertThat(staff.get("/agentur/leads?overdue=true&sort=company").body())
            .doesNotContain("Spam Absage GmbH", "Anruf Absage GmbH");

        java.util.List<org.apache.commons.csv.CSVRecord> rows = csv(staff.getBytes("/agentur/leads.csv"));
        java.util.List<String> header = rows.get(0).toList();
        int first = header.indexOf("Erstkontakt am");
        int overdue = header.indexOf("Überfällig");
        assertThat(first).isPositive();
        org.apache.commons.csv.CSVRecord rejected = rows.stream().filter(r -> r.get(0).equals(spam)).findFirst()
            .orElseThrow();
        assertThat(rejected.get(first)).as("no first contact in the export").isEmpty();
        assertThat(rejected.get(overdue)).isEqualTo("nein");
        assertThat(rows.stream().filter(r -> r.get(0).equals(called)).findFirst().orElseThrow().get(first))
            .isNotEmpty();
    }

    /** The German file's records. */
    private static java.util.List<org.apache.commons.csv.CSVRecord> csv(HttpResponse<byte[]> response) throws Exception {
        return csv(response, ';');
    }

    /** The file's records, its cells separated by {@code separator} (German {@code ;}, English {@code ,}). */
    private static java.util.List<org.apache.commons.csv.CSVRecord> csv(HttpResponse<byte[]> response, char separator)
        throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.body();
        return org.apache.commons.csv.CSVFormat.Builder.create(org.apache.commons.csv.CSVFormat.EXCEL).setDelimiter(separator)
            .build().parse(new java.io.StringReader(new String(body, 3, body.length - 3,
                java.nio.charset.StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void theCsvShowsTheStageAndTheDueDayAsTheInboxPageDoesInTheStaffMembersLanguage() throws Exception {
        String id = lead("Export Datum GmbH", "44145", "export-datum@inbox.example.org");
        // a phone number is text: with the quote (written as it was, +49-2302-123456 became -125709 in a spreadsheet)
        db.execute("UPDATE agency_lead SET contact_phone = '+49 231 12345' WHERE id = ?", id);
        // due at midnight in Berlin, weeks ahead (not overdue whenever the test runs): the last day to make contact is
        // the day before, as the page says
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.time.LocalDate dueDay = java.time.LocalDate.now(berlin).plusDays(30);
        db.execute("UPDATE agency_lead SET contact_due_at = ? WHERE id = ?",
            java.sql.Timestamp.from(dueDay.atStartOfDay(berlin).toInstant()), id);
        String lastDay = dueDay.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        Http staff = users.get("do-staff");
        String page = staff.get("/agentur/leads?sort=company").body();
        assertThat(page).contains(lastDay);
        org.apache.commons.csv.CSVRecord german = csv(staff.getBytes("/agentur/leads.csv")).stream()
            .filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        assertThat(german.get(11)).isEqualTo("neu");
        assertThat(german.get(6)).isEqualTo("'+49 231 12345");
        // in the file ISO as every date of it (the page says it the German way)
        assertThat(german.get(13)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(german.get(14)).isEqualTo(dueDay.minusDays(1).toString());
        assertThat(german.get(16)).isEqualTo("nein");
        // the consent as the lead's page names its text, with the time (it was the raw "2026-12-2 2026-12-06 05:05")
        assertThat(german.get(17)).matches("Einwilligungstext vom [A-Z][a-zä]+ 20\\d\\d( \\(\\d+\\. Fassung\\))?, "
            + "erteilt am \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(csv(staff.getBytes("/agentur/leads.csv")).get(0).get(16)).as("capitalised as every header")
            .isEqualTo("Überfällig");
        // the score as a German spreadsheet reads a number (a "2.5" became the 2nd of May)
        assertThat(german.get(10)).matches("[0-5],[0-9]");
        // the places come from the postal-code table, whose licence (ODbL 1.0) asks for its source wherever they are
        // shown: the column's header names it
        assertThat(csv(staff.getBytes("/agentur/leads.csv")).get(0).get(3))
            .isEqualTo("Ort (Quelle: © OpenStreetMap-Mitwirkende, ODbL 1.0)");

        assertThat(staff.getBytes("/agentur/leads.csv").headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"anfragen.csv\"");
        // a HEAD says what a GET would get, with no body
        HttpResponse<String> head = staff.send("HEAD", "/agentur/leads.csv");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(head.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"anfragen.csv\"");
        assertThat(head.body()).isEmpty();
        HttpResponse<String> adminHead = users.get("admin").send("HEAD", "/admin/agenturen/wf-dortmund/leads.csv");
        assertThat(adminHead.statusCode()).isEqualTo(200);
        assertThat(adminHead.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(adminHead.body()).isEmpty();
        try {
            // the file is named in the reader's language too (it was "anfragen.csv" with an English header)
            assertThat(staff.getBytes("/agentur/leads.csv?lang=en").headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"leads.csv\"");
            // the English file separates its cells with commas, as an English spreadsheet splits a CSV file (the German
            // one with semicolons: its decimal mark is the comma)
            byte[] englishFile = staff.getBytes("/agentur/leads.csv?lang=en").body();
            assertThat(new String(englishFile, 3, englishFile.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\"id\",\"Company\",\"Postcode\",");
            byte[] germanFile = staff.getBytes("/agentur/leads.csv?lang=de").body();
            assertThat(new String(germanFile, 3, germanFile.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\"id\";\"Unternehmen\";\"PLZ\";");
            staff.get("/agentur/leads?lang=en"); // as the page was read: the cookie decides, as for the page
            java.util.List<org.apache.commons.csv.CSVRecord> records = csv(staff.getBytes("/agentur/leads.csv"), ',');
            assertThat(records.get(0).size()).isEqualTo(18);
            assertThat(records.get(0).get(1)).isEqualTo("Company");
            assertThat(records.get(0).get(11)).isEqualTo("Progress");
            assertThat(records.get(0).get(3)).isEqualTo("Place (source: © OpenStreetMap contributors, ODbL 1.0)");
            org.apache.commons.csv.CSVRecord english = records.stream().filter(r -> r.get(0).equals(id)).findFirst()
                .orElseThrow();
            assertThat(english.get(11)).isEqualTo("new");
            assertThat(english.get(6)).isEqualTo("'+49 231 12345");
            assertThat(english.get(14)).isEqualTo(dueDay.minusDays(1).toString());
            assertThat(english.get(16)).isEqualTo("no");
            assertThat(records.get(0).get(16)).isEqualTo("Overdue");
            assertThat(english.get(17)).matches("consent text of [A-Z][a-z]+ 20\\d\\d( \\(version \\d+\\))?, given on "
                + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            assertThat(english.get(10)).matches("[0-5]\\.[0-9]").isEqualTo(german.get(10).replace(',', '.'));
            assertThat(records.stream().skip(1).map(r -> r.get(11))).doesNotContain("NEW", "CONTACTED", "QUALIFIED");
        } finally {
            staff.get("/agentur/leads?lang=de"); // the language is remembered: the other tests read German
        }

        // the admin's export of the same agency says the same
        org.apache.commons.csv.CSVRecord admin = csv(users.get("admin").getBytes("/admin/agenturen/wf-dortmund/leads.csv"))
            .stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        assertThat(admin.get(11)).isEqualTo("neu");
        assertThat(admin.get(14)).isEqualTo(dueDay.minusDays(1).toString());
        Http networkAdmin = users.get("admin");
        assertThat(networkAdmin.getBytes("/admin/agenturen/wf-dortmund/leads.csv").headers()
            .firstValue("Content-Disposition")).hasValue("attachment; filename=\"anfragen-wf-dortmund.csv\"");
        try {
            assertThat(networkAdmin.getBytes("/admin/agenturen/wf-dortmund/leads.csv?lang=en").headers()
                .firstValue("Content-Disposition")).hasValue("attachment; filename=\"leads-wf-dortmund.csv\"");
            org.apache.commons.csv.CSVRecord adminEnglish = csv(networkAdmin.getBytes(
                "/admin/agenturen/wf-dortmund/leads.csv?lang=en"), ',').stream().filter(r -> r.get(0).equals(id))
                .findFirst().orElseThrow();
            assertThat(adminEnglish.get(10)).matches("[0-5]\\.[0-9]");
            assertThat(adminEnglish.get(11)).isEqualTo("new");
        } finally {
            networkAdmin.get("/admin/leads?lang=de");
        }
    }

    @Test
    void theCsvExportIsUtf8WithBomSemicolonsAndNoFormulaParsedBackWithACsvParser() throws Exception {
        String id = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("=SUMME(A1) Bäckerei Größe")
            .at("44143").contact("-Jörg Öztürk", "joerg@inbox.example.org").sharedWithAgency()
            .submit(new Http(server, json)).document().get("lead")).get("id");
        HttpResponse<byte[]> csv = users.get("do-staff").getBytes("/agentur/leads.csv?status=NEW");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.Builder
            .create(org.apache.commons.csv.CSVFormat.EXCEL).setDelimiter(';').build().parse(new java.io.StringReader(text))
            .getRecords();
        assertThat(records.get(0).get(1)).isEqualTo("Unternehmen");
        assertThat(records.get(0).get(8)).isEqualTo("Beschäftigte");
        org.apache.commons.csv.CSVRecord row = records.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        assertThat(row.get(1)).isEqualTo("'=SUMME(A1) Bäckerei Größe");
        assertThat(row.get(4)).isEqualTo("'-Jörg Öztürk");
        assertThat(row.get(11)).isEqualTo("neu");
        assertThat(records).allSatisfy(r -> assertThat(r.get(0)).doesNotStartWith("="));
        assertThat(records.stream().skip(1).map(r -> r.get(11))).containsOnly("neu");

        byte[] other = users.get("en-staff").getBytes("/agentur/leads.csv").body();
        assertThat(new String(other, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(id, "Bäckerei");
        assertThat(users.get("do-staff").getBytes("/agentur/leads.csv?status=EVIL").statusCode()).isEqualTo(400);
        assertThat(new Http(server, json).getBytes("/agentur/leads.csv").statusCode()).isIn(302, 303, 401);
    }

    /**
     * The phone column's exact bytes: every phone number with a leading {@code '}, so that a spreadsheet reads it as
     * text — written as it was, {@code +49-2302-123456} was the formula 49-2302-123456 (-125709) and
     * {@code +492302123456} the number 4,92302E+11 — and no number without a phone number; the cells beside it as
     * before (a formula quoted); the postcode with its quote too ({@code 01067} was the number 1067).
     */
    @Test
    void everyPhoneNumberAndPostcodeIsTextInTheFilesBytes() throws Exception {
        String id = lead("Telefon Bytes GmbH", "44137", "telefon-bytes@inbox.example.org");
        Http staff = users.get("do-staff");
        Map<String, String> phones = new java.util.LinkedHashMap<>();
        phones.put("+49-2302-123456", "'+49-2302-123456");
        phones.put("+492302123456", "'+492302123456");
        phones.put("+49 231 12345", "'+49 231 12345");
        phones.put("-49 2302 123456", "'-49 2302 123456");
        phones.put("=49+1", "'=49+1");
        phones.put("@49", "'@49");
        phones.put("02302 123456", "'02302 123456");
        phones.put("02302123456", "'02302123456");
        phones.put("", "");
        for (Map.Entry<String, String> phone : phones.entrySet()) {
            db.execute("UPDATE agency_lead SET contact_phone = ? WHERE id = ?",
                phone.getKey().isEmpty() ? null : phone.getKey(), id);
            for (String lang : new String[] {"de", "en"}) {
                String separator = lang.equals("de") ? ";" : ",";
                byte[] file = staff.getBytes("/agentur/leads.csv?lang=" + lang).body();
                String line = new String(file, java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("\"" + id + "\"")).findFirst().orElseThrow();
                assertThat(line).as(lang + " " + phone.getKey())
                    .contains("\"telefon-bytes@inbox.example.org\"" + separator + "\"" + phone.getValue() + "\""
                        + separator)
                    .contains(separator + "\"'44137\"" + separator);
            }
        }
        // a postcode is text too: 01067 (Dresden) was the number 1067, its 0 lost
        db.execute("UPDATE agency_lead SET postal_code = '01067' WHERE id = ?", id);
        for (String lang : new String[] {"de", "en"}) {
            String separator = lang.equals("de") ? ";" : ",";
            byte[] file = staff.getBytes("/agentur/leads.csv?lang=" + lang).body();
            String line = new String(file, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("\"" + id + "\"")).findFirst().orElseThrow();
            assertThat(line).as(lang).contains(separator + "\"'01067\"" + separator)
                .doesNotContain(separator + "\"01067\"" + separator);
        }
        staff.get("/agentur/leads?lang=de"); // the language is remembered: the other tests read German
    }

    @Test
    void anotherAgencysLeadIsNotFoundForEveryPageAndAction() {
        String id = lead("Fremd AG", "44141", "fremd@inbox.example.org");
        Http other = users.get("en-staff");
        assertThat(other.get("/agentur/leads/" + id).statusCode()).isEqualTo(404);
        assertThat(other.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "version", String.valueOf(version(id)))).statusCode()).isEqualTo(404);
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", id)).isEqualTo("NEW");
        assertThat(new Http(server, json).get("/agentur/leads/" + id).statusCode()).isIn(302, 303, 401);
    }
}
