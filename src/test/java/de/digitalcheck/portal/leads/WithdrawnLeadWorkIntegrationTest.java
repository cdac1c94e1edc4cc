package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.readiness.AgencyLeads;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead whose company withdrew its consent is no longer worked on, neither on the lead's page nor through the agency
 * API: a stage change once moved it to "contacted" (a first contact with a company that had withdrawn) and cleared its
 * closed_at, so the retention job never anonymised the contact data the row still holds.
 */
@MicronautTest(transactional = false)
class WithdrawnLeadWorkIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    AgencyLeads agencyLeads;
    @Inject
    AccessTokens tokens;
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;
    @Inject
    javax.sql.DataSource dataSource;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("withdrawn-work-");
        db = new Database(dataSource);
    }

    private String withdrawnLead(String company, String email) {
        String id = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at("58452")
            .contact("Wanda Widerruf", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
        agencyLeads.withdraw(email, id);
        return id;
    }

    private Map<String, Object> row(String id) {
        return db.rows("SELECT stage, status, closed_at, first_contact_at, assignee_id, lock_version FROM agency_lead "
            + "WHERE id = ?", id).get(0);
    }

    private String version(String id) {
        return String.valueOf(row(id).get("lock_version"));
    }

    @Test
    void theLeadsPageOffersNoWorkAndRefusesAForgedPost() {
        String id = withdrawnLead("Widerruf Seite GmbH", "seite@widerruf.example.org");
        Http staff = users.get("en-staff");
        Map<String, Object> before = row(id);
        Object trail = db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id);

        HttpResponse<String> page = staff.get("/agentur/leads/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"lead-not-open\"", "kann nicht mehr bearbeitet werden")
            .doesNotContain("/agentur/leads/" + id + "/status", "/agentur/leads/" + id + "/zuweisen",
                "Dieser Bearbeitungsstand ist abschließend.", "Bearbeitungsstand ändern",
                "Erstkontakt bis"); // no deadline for a lead nobody may contact any more

        HttpResponse<String> staged = staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", "angerufen", "version", version(id)));
        assertThat(staged.statusCode()).isEqualTo(422);
        assertThat(staged.body()).contains("href=\"#lead-not-open\"", "kann nicht mehr bearbeitet werden");

        String me = (String) db.value("SELECT id FROM account WHERE email = 'staff@en-agentur.example.org'");
        HttpResponse<String> assigned = staff.postForm("/agentur/leads/" + id + "/zuweisen",
            Map.of("assignee", me, "note", "", "version", version(id)));
        assertThat(assigned.statusCode()).isEqualTo(422);
        assertThat(assigned.body()).contains("href=\"#lead-not-open\"", "kann nicht mehr bearbeitet werden");

        assertThat(row(id)).isEqualTo(before);
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(trail);
        // English too
        HttpResponse<String> english = staff.postForm("/agentur/leads/" + id + "/status?lang=en",
            Map.of("stage", "CLOSED", "note", "", "version", version(id)), "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("can no longer be worked on");
    }

    @Test
    void theAgencyApiRefusesChangesButAnswersAChangeOfNothing() {
        String id = withdrawnLead("Widerruf API GmbH", "api@widerruf.example.org");
        String me = (String) db.value("SELECT id FROM account WHERE email = 'staff@en-agentur.example.org'");
        String token = tokens.create("en-agentur", me, "Emil Ennepe", "CRM Widerruf",
            LocalDate.now().plusDays(30).toString()).token();
        Http crm = new Http(server, json);
        Map<String, Object> before = row(id);
        String path = "/api/v1/agency/leads/" + id;
        for (Map.Entry<String, String> change : Map.of("status", "{\"status\":\"CONTACTED\"}",
            "assigneeId", "{\"assigneeId\":\"" + me + "\"}", "note", "{\"note\":\"angerufen\"}").entrySet()) {
            HttpResponse<String> refused = crm.send("PATCH", path, change.getValue(), "Authorization", "Bearer " + token,
                "Content-Type", "application/json", "If-Match", "\"" + version(id) + "\"");
            assertThat(refused.statusCode()).as(change.getValue()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(crm.map(refused).get("errors")).as(change.getValue()).isEqualTo(List.of(Map.of(
                "field", change.getKey(), "message", "Diese Anfrage ist nicht mehr freigegeben (Einwilligung widerrufen "
                    + "oder Daten gelöscht) und kann nicht mehr bearbeitet werden: Bearbeitungsstand, Zuständigkeit "
                    + "und Notizen bleiben, wie sie sind.")));
        }
        assertThat(row(id)).isEqualTo(before);
        // the values it has already: nothing to refuse
        HttpResponse<String> same = crm.send("PATCH", path, "{\"assigneeId\":null}", "Authorization", "Bearer " + token,
            "Content-Type", "application/json", "If-Match", "\"" + version(id) + "\"");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void anOpenLeadIsStillWorkedOn() {
        String id = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Offen GmbH").at("58452")
            .contact("Otto Offen", "otto@offen.example.org").sharedWithAgency().submit(new Http(server, json))
            .document().get("lead")).get("id");
        Http staff = users.get("en-staff");
        assertThat(staff.get("/agentur/leads/" + id).body()).contains("/agentur/leads/" + id + "/status",
            "/agentur/leads/" + id + "/zuweisen", "Erstkontakt bis").doesNotContain("id=\"lead-not-open\"");
        assertThat(staff.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", "", "version", version(id))).statusCode()).isEqualTo(303);
        assertThat(row(id).get("stage")).isEqualTo("CONTACTED");
    }

    /**
     * An erased lead's page says what erasure did: its assignee and notes went with the company's details (the
     * withdrawn lead's sentence, "progress, assignee and notes stay as they are", was not true of it).
     */
    @Test
    void anErasedLeadsPageSaysItsAssigneeAndNotesAreGone() {
        String email = "geloescht@erasure.example.org";
        String id = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Gelöscht GmbH")
            .at("58452").contact("Greta Gelöscht", email).sharedWithAgency().submit(new Http(server, json)).document()
            .get("lead")).get("id");
        personalData.erase(email);
        Http staff = users.get("en-staff");
        String page = staff.get("/agentur/leads/" + id + "?lang=de").body();
        assertThat(page).contains("id=\"lead-not-open\"", "Zuständigkeit und Notizen sind mit den Angaben des "
            + "Unternehmens gelöscht").doesNotContain("bleiben, wie sie sind", "Gelöscht GmbH", "Greta");
        assertThat(staff.get("/agentur/leads/" + id + "?lang=en").body())
            .contains("its assignee and notes were erased with the company’s details");
        // a withdrawn lead keeps the sentence that is true of it
        String withdrawn = withdrawnLead("Widerruf Satz GmbH", "satz@widerruf.example.org");
        assertThat(staff.get("/agentur/leads/" + withdrawn + "?lang=de").body()).contains("bleiben, wie sie sind")
            .doesNotContain("sind mit den Angaben des Unternehmens gelöscht");
    }
}
