package de.digitalcheck.portal;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An id in an address or a form, spelled otherwise than it is stored (upper case, a trailing space): MySQL/MariaDB's
 * usual collations compare them as equal where H2 does not. Such a spelling is nobody's id on either database — a 404,
 * or the form's field error — never a server error, a change, or a stored copy of the odd spelling (subclass
 * {@link IdSpellingMariaDbIntegrationTest}).
 */
@MicronautTest(transactional = false)
class IdSpellingIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("spelling-");
        db = new Database(dataSource);
    }

    private static List<String> spellings(String id) {
        return List.of(id.toUpperCase(Locale.ROOT), id + "%20");
    }

    private String accountOf(String email) {
        return (String) db.value("SELECT id FROM account WHERE email = ?", email);
    }

    @Test
    void anAccountsIdSpelledOtherwiseIsNobodysOnTheAdminsPages() {
        Http admin = users.get("admin");
        String id = accountOf("coach@dortmund.example.org");
        for (String spelled : spellings(id)) {
            assertThat(admin.get("/admin/konten/" + spelled).statusCode()).as(spelled).isEqualTo(404);
            for (String action : List.of("/sperren", "/freigeben")) {
                HttpResponse<String> answer = admin.postForm("/admin/konten/" + spelled + action, Map.of());
                assertThat(answer.statusCode()).as(action + " " + spelled).isEqualTo(404);
            }
            HttpResponse<String> role = admin.postForm("/admin/konten/" + spelled + "/rolle",
                Map.of("role", "COACH", "agencyId", "wf-hagen"));
            assertThat(role.statusCode()).as("role of " + spelled).isEqualTo(404);
        }
        assertThat(db.value("SELECT disabled_at FROM account WHERE id = ?", id)).isNull();
        assertThat(db.value("SELECT agency_id FROM account WHERE id = ?", id)).isEqualTo("wf-dortmund");
        // the id as stored still works
        assertThat(admin.get("/admin/konten/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgencysIdSpelledOtherwiseIsNoAgency() {
        Http admin = users.get("admin");
        for (String spelled : spellings("wf-herne")) {
            assertThat(admin.get("/admin/agenturen/" + spelled).statusCode()).as(spelled).isEqualTo(404);
            assertThat(admin.get("/admin/agenturen/" + spelled + "/leads").statusCode()).as(spelled).isEqualTo(404);
            HttpResponse<String> renamed = admin.postForm("/admin/agenturen/" + spelled, Map.of("name", "Umbenannt",
                "shortName", "UMB", "email", "info@herne.example.org", "phone", "", "website", "", "address", "",
                "firstContactDays", "2"));
            assertThat(renamed.statusCode()).as("rename " + spelled).isEqualTo(404);
        }
        assertThat(db.value("SELECT name FROM agency WHERE id = 'wf-herne'")).isEqualTo("Wirtschaftsförderung Herne");
    }

    @Test
    void anAgencyChosenInAFormIsOnlyOneSpelledAsStored() {
        Http admin = users.get("admin");
        String id = accountOf("staff@dortmund.example.org");
        for (String spelled : List.of("EN-AGENTUR", "En-Agentur")) {
            HttpResponse<String> role = admin.postForm("/admin/konten/" + id + "/rolle",
                Map.of("role", "AGENCY_STAFF", "agencyId", spelled));
            assertThat(role.statusCode()).as("role with " + spelled).isEqualTo(422);
            HttpResponse<String> invited = admin.postForm("/admin/einladungen", Map.of("email",
                "spelling@en-agentur.example.org", "name", "Sina Spelling", "role", "AGENCY_STAFF", "agencyId", spelled));
            assertThat(invited.statusCode()).as("invitation with " + spelled).isEqualTo(422);
            HttpResponse<String> territory = admin.postForm("/admin/gebiete", Map.of("agencyId", spelled,
                "prefix", "05954008"));
            assertThat(territory.statusCode()).as("territory for " + spelled).isEqualTo(422);
        }
        assertThat(db.value("SELECT COUNT(*) FROM territory WHERE ags_prefix = '05954008'")).isIn(0, 0L);
        assertThat(db.value("SELECT agency_id FROM account WHERE id = ?", id)).isEqualTo("wf-dortmund");
        assertThat(db.value("SELECT COUNT(*) FROM account WHERE email = 'spelling@en-agentur.example.org'"))
            .isIn(0, 0L);
    }

    @Test
    void aLeadsIdSpelledOtherwiseIsNoLeadOfTheAgency() {
        String lead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Schreibweise GmbH")
            .at("58452").contact("Kim Kontakt", "spelling@firma.example.org").sharedWithAgency()
            .submit(new Http(server, json)).document().get("lead")).get("id");
        Http staff = users.get("en-staff");
        String version = Http.hidden(staff.get("/agentur/leads/" + lead).body(), "version");
        for (String spelled : spellings(lead)) {
            assertThat(staff.get("/agentur/leads/" + spelled).statusCode()).as(spelled).isEqualTo(404);
            HttpResponse<String> changed = staff.postForm("/agentur/leads/" + spelled + "/status",
                Map.of("stage", "CONTACTED", "note", "x", "version", version));
            assertThat(changed.statusCode()).as("stage of " + spelled).isEqualTo(404);
        }
        assertThat(db.value("SELECT stage FROM agency_lead WHERE id = ?", lead)).isEqualTo("NEW");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id <> ? AND lead_id = ?", lead, lead))
            .isIn(0, 0L);
    }
}
