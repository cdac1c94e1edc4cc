package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.LeadEscalation;
import de.digitalcheck.portal.leads.internal.LeadRetention;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead of the network's fallback queue (a company outside every territory, or spam) could only be forwarded: never
 * closed, it stayed new and overdue for ever, and retention, which anonymises closed leads only, kept its contact
 * data for ever. Network admins close it now on the admin's lead page, to a final stage with a note, as staff close
 * theirs: it leaves the open queue (listed as closed), is never escalated, and retention anonymises it. Other stages,
 * stale forms, long notes, agencies' leads and other roles change nothing.
 */
@MicronautTest(transactional = false)
class FallbackLeadClosingIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    LeadRetention retention;
    @Inject
    LeadEscalation escalation;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("fallback-close-");
        db = new Database(dataSource);
    }

    private String lead(String company, String postalCode, String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at(postalCode)
            .contact("Fiona Fallback", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    private String version(String id) {
        return String.valueOf(((Number) column("lock_version", id)).intValue());
    }

    private Object column(String column, String id) {
        return db.value("SELECT " + column + " FROM agency_lead WHERE id = ?", id);
    }

    private String state(String id) {
        return db.rows("SELECT agency_id, stage, status, closed_at, lock_version FROM agency_lead WHERE id = ?", id)
            + " audit=" + db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id);
    }

    /** The fallback queue's page: the open part and the closed part. */
    private String[] queue() {
        String body = users.get("admin").get("/admin/leads").body();
        int closed = body.indexOf("Abgeschlossene Anfragen</h2>");
        assertThat(closed).as("the page lists closed leads apart").isPositive();
        return new String[] {body.substring(0, closed), body.substring(closed)};
    }

    @Test
    void aNetworkAdminClosesAFallbackLeadWhichLeavesTheQueueIsNotEscalatedAndIsAnonymisedLater() {
        String id = lead("Spree Spam GmbH", "10115", "spam@fallback-close.example.org");
        Http admin = users.get("admin");
        assertThat(column("agency_id", id)).as("the fallback queue").isNull();
        String page = admin.get("/admin/leads/" + id).body();
        assertThat(page).contains("Anfrage abschließen", "action=\"/admin/leads/" + id + "/status\"",
                "<option value=\"CLOSED\"", "<option value=\"REJECTED\"", ">Abschließen</span>")
            .doesNotContain("<option value=\"CONTACTED\"", "<option value=\"WON\"");
        assertThat(queue()[0]).contains("Spree Spam GmbH");
        assertThat(queue()[1]).doesNotContain("Spree Spam GmbH");

        HttpResponse<String> closed = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "REJECTED", "note", "Kein Unternehmen, Spam", "version", version(id)));
        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(closed.headers().firstValue("Location")).hasValue("/admin/leads/" + id + "#lead-changed");
        assertThat(column("stage", id)).isEqualTo("REJECTED");
        assertThat(column("agency_id", id)).as("still the fallback queue's").isNull();
        Instant closedAt = ((Timestamp) column("closed_at", id)).toInstant();
        assertThat(db.rows("SELECT action, actor_name, from_value, to_value, note FROM lead_audit WHERE lead_id = ?", id))
            .containsExactly(Map.of("action", "STAGE", "actor_name", "Nora Netzwerk", "from_value", "NEW",
                "to_value", "REJECTED", "note", "Kein Unternehmen, Spam"));

        String after = admin.get("/admin/leads/" + id).body();
        assertThat(after).contains("abgelehnt", "Kein Unternehmen, Spam", "Nora Netzwerk", "id=\"lead-changed\"",
                "Dieser Bearbeitungsstand ist abschließend.")
            .doesNotContain("action=\"/admin/leads/" + id + "/status\"")
            .as("a closed lead is not forwarded either").doesNotContain("name=\"reason\"");
        // "saved" once, after the post that closed it (a Flash note): not on a reload, nor from "?geaendert" typed in,
        // which said so on any link that carried it
        for (String again : new String[] {"/admin/leads/" + id, "/admin/leads/" + id + "?geaendert"}) {
            HttpResponse<String> reloaded = admin.get(again);
            assertThat(reloaded.statusCode()).as(again).isEqualTo(200);
            assertThat(reloaded.body()).as(again).contains("Kein Unternehmen, Spam")
                .doesNotContain("id=\"lead-changed\"", "Die Änderungen sind gespeichert.");
        }
        assertThat(queue()[0]).as("no longer open work").doesNotContain("Spree Spam GmbH");
        assertThat(queue()[1]).as("listed as closed").contains("Spree Spam GmbH", "abgelehnt");

        escalation.escalateOverdue(((Timestamp) column("contact_due_at", id)).toInstant().plusSeconds(60));
        assertThat(column("escalated_at", id)).as("a closed lead is never overdue").isNull();

        Instant later = closedAt.atZone(ZoneId.of("Europe/Berlin")).plusMonths(25).toInstant();
        retention.anonymiseExpired(later);
        assertThat(column("status", id)).as("retention anonymises it as any closed lead").isEqualTo("ERASED");
        assertThat(column("contact_email", id)).isNull();
        assertThat(column("company_name", id)).isNull();
    }

    @Test
    void anOpenFallbackLeadIsNeitherAnonymisedNorLeftUnescalated() {
        String id = lead("Spree Offen GmbH", "10117", "offen@fallback-close.example.org");
        Instant due = ((Timestamp) column("contact_due_at", id)).toInstant();
        retention.anonymiseExpired(due.atZone(ZoneId.of("Europe/Berlin")).plusMonths(60).toInstant());
        assertThat(column("status", id)).as("open work is kept").isEqualTo("OPEN");
        escalation.escalateOverdue(due.plusSeconds(60));
        assertThat(column("escalated_at", id)).as("overdue while open").isNotNull();
    }

    @Test
    void aCloseOtherThanToAFinalStageOrFromAStaleOrForgedFormStoresNothing() {
        String id = lead("Spree Fehler GmbH", "10119", "fehler@fallback-close.example.org");
        Http admin = users.get("admin");
        String before = state(id);

        HttpResponse<String> contacted = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", "Mein Text bleibt", "version", version(id)));
        assertThat(contacted.statusCode()).isEqualTo(422);
        assertThat(contacted.body()).contains("error-summary", "href=\"#stage-to\"",
            "Eine Anfrage ohne zuständige Wirtschaftsförderung kann hier nur abgeschlossen oder abgelehnt werden.",
            ">Mein Text bleibt</textarea>", "Spree Fehler GmbH");
        for (String stage : new String[] {"WON", "NEW", "UNKNOWN", ""}) {
            HttpResponse<String> refused = admin.postForm("/admin/leads/" + id + "/status",
                Map.of("stage", stage, "version", version(id)));
            assertThat(refused.statusCode()).as(stage).isEqualTo(422);
            assertThat(refused.body()).as(stage).contains("kann hier nur abgeschlossen oder abgelehnt werden");
        }
        HttpResponse<String> english = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "QUALIFIED", "version", version(id)), "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("A lead without a responsible agency can only be closed or rejected here.",
            "Close the lead");
        HttpResponse<String> longNote = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CLOSED", "note", "x".repeat(2001), "version", version(id)));
        assertThat(longNote.statusCode()).isEqualTo(422);
        assertThat(longNote.body()).contains("Die Notiz darf höchstens 2000 Zeichen lang sein.", "href=\"#stage-note\"");
        HttpResponse<String> stale = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CLOSED", "note", "veraltet", "version", "99"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Jemand anderes hat diese Anfrage inzwischen geändert", ">veraltet</textarea>");
        assertThat(admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CLOSED", "version", "kaputt")).statusCode()).isEqualTo(400);
        HttpResponse<String> forged = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CLOSED", "version", version(id), "_csrf", "forged-token-0123456789"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Das Formular ist abgelaufen");
        for (String other : new String[] {"do-staff", "en-staff", "do-coach"}) {
            assertThat(users.get(other).postForm("/admin/leads/" + id + "/status",
                Map.of("stage", "CLOSED", "version", version(id))).statusCode()).as(other).isEqualTo(403);
        }
        assertThat(state(id)).as("nothing stored").isEqualTo(before);

        assertThat(admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "CLOSED", "version", version(id))).statusCode()).isEqualTo(303);
        HttpResponse<String> again = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "REJECTED", "version", version(id)));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Diese Anfrage ist bereits abgeschlossen.");
        assertThat(column("stage", id)).isEqualTo("CLOSED");
    }

    @Test
    void anAgencysLeadIsNotClosedByTheNetworkAdmin() {
        String id = lead("Dortmund Nicht Zu GmbH", "44135", "nichtzu@fallback-close.example.org");
        assertThat(column("agency_id", id)).isEqualTo("wf-dortmund");
        Http admin = users.get("admin");
        assertThat(admin.get("/admin/leads/" + id).body()).as("no close form on an agency's lead")
            .contains("Dortmund Nicht Zu GmbH").doesNotContain("/status\"", "Anfrage abschließen");
        String before = state(id);
        HttpResponse<String> refused = admin.postForm("/admin/leads/" + id + "/status",
            Map.of("stage", "REJECTED", "version", version(id)));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(admin.postForm("/admin/leads/unbekannt/status", Map.of("stage", "REJECTED", "version", "0"))
            .statusCode()).isEqualTo(404);
        assertThat(state(id)).isEqualTo(before);
    }
}
