package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access that ends when it should: a disabled or moved person loses access at their next request (the session cookie
 * still says otherwise), cannot sign in while disabled, and signs in with the new role after a change; invitations
 * can be withdrawn and expire; roles of mapped provider groups are applied at every sign-in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRevocationIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(provider.portalProperties());
        properties.put("portal.sign-in.groups-claim", "groups");
        properties.put("portal.sign-in.group-roles.dc-en-coaches", "COACH:en-agentur");
        properties.put("portal.sign-in.group-roles.dc-do-staff", "AGENCY_STAFF:wf-dortmund");
        return properties;
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    Http admin() {
        Http admin = new Http(server, json);
        provider.signIn(admin, "revocation-admin", "admin@digitalcheck.example.org", true);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        return admin;
    }

    String invite(Http admin, String email, String role, String agency) {
        assertThat(admin.postForm("/admin/einladungen", Map.of("email", email, "name", "Person " + role, "role", role,
            "agencyId", agency)).statusCode()).isEqualTo(303);
        return accounts.findByEmail(email).orElseThrow().id();
    }

    static void assertSessionEnded(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/anmelden");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JWT=;")
            .containsIgnoringCase("Max-Age=0"));
        // why, as a note for the sign-in page (Flash; "?beendet" in the address said so on any link that carried it)
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("flash=")
            .contains("Path=/anmelden").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aDisabledPersonLosesAccessAtTheNextRequestAndCannotSignInUntilEnabled() {
        Http admin = admin();
        String id = invite(admin, "gesperrt@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "revocation-staff", "gesperrt@en-agentur.example.org", true);
        assertThat(staff.get("/agentur").statusCode()).isEqualTo(200);

        HttpResponse<String> page = admin.get("/admin/konten/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("gesperrt@en-agentur.example.org", "Konto sperren")
            .doesNotContain("Einladung zurückziehen", "aria-invalid=\"true\"");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/konten/" + id + "\"");
        HttpResponse<String> disabled = admin.postForm("/admin/konten/" + id + "/sperren", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);
        // "saved" once, after the post that saved (a Flash note): not on a reload, nor from "?gespeichert" typed in
        assertThat(disabled.headers().firstValue("Location")).hasValue("/admin/konten/" + id);
        assertThat(admin.get("/admin/konten/" + id).body()).contains("Konto freigeben", "gesperrt",
            "Die Änderungen sind gespeichert.");
        assertThat(admin.get("/admin/konten/" + id).body()).as("a reload").contains("Konto freigeben")
            .doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(admin.get("/admin/konten/" + id + "?gespeichert").body()).as("the address")
            .doesNotContain("Die Änderungen sind gespeichert.");

        // the session cookie still says "staff of EN-Agentur": the directory decides at the next request
        assertSessionEnded(staff.get("/agentur"));
        assertThat(staff.get("/anmelden").body()).contains("Ihre Sitzung wurde beendet");
        // said once: not on a reload, nor from "?beendet" typed in (nor to anyone else)
        for (Http reader : new Http[] {staff, new Http(server, json)}) {
            for (String again : new String[] {"/anmelden", "/anmelden?beendet"}) {
                HttpResponse<String> signIn = reader.get(again);
                assertThat(signIn.statusCode()).as(again).isEqualTo(200);
                assertThat(signIn.body()).as(again).contains("Anmelden").doesNotContain("Ihre Sitzung wurde beendet");
            }
        }
        Http again = new Http(server, json);
        HttpResponse<String> refused = provider.signIn(again, "revocation-staff", "gesperrt@en-agentur.example.org", true);
        assertThat(refused.headers().firstValue("Location")).hasValue("/anmelden/abgelehnt/gesperrt-netzwerk");
        assertThat(again.get("/agentur").statusCode()).isEqualTo(303);

        assertThat(admin.postForm("/admin/konten/" + id + "/freigeben", Map.of()).statusCode()).isEqualTo(303);
        Http back = new Http(server, json);
        provider.signIn(back, "revocation-staff", "gesperrt@en-agentur.example.org", true);
        assertThat(back.get("/agentur").statusCode()).isEqualTo(200);
    }

    /**
     * A network admin belongs to no agency. The invitation and role forms have the agency field for every role: the
     * agency sent along is not stored on the admin's account, and an unknown one (a forged form) must not reach the
     * foreign key (a 500).
     */
    @Test
    void aNetworkAdminIsInvitedOrMadeWithoutTheAgencyTheFormSentAlong() {
        Http admin = admin();
        String chosen = invite(admin, "admin-mit-agentur@digitalcheck.example.org", "NETWORK_ADMIN", "en-agentur");
        assertThat(accounts.findById(chosen).orElseThrow().agencyId()).isNull();
        String forged = invite(admin, "admin-erfunden@digitalcheck.example.org", "NETWORK_ADMIN", "gibt-es-nicht");
        assertThat(accounts.findById(forged).orElseThrow().agencyId()).isNull();
        String staff = invite(admin, "wird-admin@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        assertThat(admin.postForm("/admin/konten/" + staff + "/rolle", Map.of("role", "NETWORK_ADMIN", "agencyId",
            "gibt-es-nicht")).statusCode()).isEqualTo(303);
        assertThat(accounts.findById(staff).orElseThrow().agencyId()).isNull();
        assertThat(accounts.findById(staff).orElseThrow().role().name()).isEqualTo("NETWORK_ADMIN");
    }

    @Test
    void aPersonMovedToAnotherRoleOrAgencySignsInAgainWithIt() {
        Http admin = admin();
        String id = invite(admin, "umzug@en-agentur.example.org", "COACH", "en-agentur");
        Http coach = new Http(server, json);
        provider.signIn(coach, "revocation-coach", "umzug@en-agentur.example.org", true);
        assertThat(coach.get("/coach").statusCode()).isEqualTo(200);
        assertThat(new Database(dataSource).value("SELECT agency_id FROM coach WHERE account_id = ?", id)).isEqualTo("en-agentur");

        HttpResponse<String> invalid = admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "COACH", "agencyId", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("aria-invalid=\"true\"", "value=\"COACH\"",
            // the refused form's summary, linking to the field (once the messages stood beside the fields only, under
            // the self-check's title)
            "<title>Bitte prüfen Sie Ihre Angaben – ", "id=\"error-summary\"", "href=\"#account-agency\">Wirtschaftsförderung: ",
            "id=\"account-agency\"").doesNotContain("Bitte beantworten Sie alle Fragen");
        assertThat(admin.get("/admin/konten/" + id).body()).doesNotContain("id=\"error-summary\"", "Bitte prüfen Sie");
        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "KAISER", "agencyId", "")).statusCode())
            .isEqualTo(422);
        assertThat(coach.get("/coach").statusCode()).as("nothing changed by the refused forms").isEqualTo(200);

        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "COACH", "agencyId", "wf-dortmund"))
            .statusCode()).isEqualTo(303);
        assertSessionEnded(coach.get("/coach"));
        assertThat(new Database(dataSource).value("SELECT agency_id FROM coach WHERE account_id = ?", id))
            .as("the coach's profile moved along").isEqualTo("wf-dortmund");
        Http moved = new Http(server, json);
        provider.signIn(moved, "revocation-coach", "umzug@en-agentur.example.org", true);
        assertThat(moved.get("/coach").body()).contains("Wirtschaftsförderung Dortmund");

        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId", "wf-dortmund"))
            .statusCode()).isEqualTo(303);
        assertSessionEnded(moved.get("/coach"));
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM coach WHERE account_id = ?", id))
            .as("no coach row for staff").isEqualTo(0L);
        Http staff = new Http(server, json);
        provider.signIn(staff, "revocation-coach", "umzug@en-agentur.example.org", true);
        assertThat(staff.get("/agentur").statusCode()).isEqualTo(200);
        assertThat(staff.get("/coach").statusCode()).isEqualTo(403);
    }

    @Test
    void aWithdrawnInvitationSignsNobodyInAndOnlyUnusedInvitationsCanBeWithdrawn() {
        Http admin = admin();
        String id = invite(admin, "zurueck@example.org", "COACH", "en-agentur");
        HttpResponse<String> page = admin.get("/admin/konten/" + id);
        assertThat(page.body()).contains("Einladung zurückziehen");
        HttpResponse<String> withdrawn = admin.postForm("/admin/konten/" + id + "/zurueckziehen", Map.of());
        // said once, on the page the post leads to (a Flash note: "?zurueckgezogen" in the address said so for any link)
        assertThat(withdrawn.headers().firstValue("Location")).hasValue("/admin#withdrawn");
        assertThat(admin.get("/admin").body()).contains("Die Einladung ist zurückgezogen.");
        assertThat(admin.get("/admin").body()).as("a reload").doesNotContain("Die Einladung ist zurückgezogen.");
        assertThat(admin.get("/admin?zurueckgezogen").body()).as("the old address")
            .doesNotContain("Die Einladung ist zurückgezogen.");
        assertThat(accounts.findById(id)).isEmpty();
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM coach WHERE account_id = ?", id)).isEqualTo(0L);
        Http invitee = new Http(server, json);
        assertThat(provider.signIn(invitee, "withdrawn-invitee", "zurueck@example.org", true).headers()
            .firstValue("Location")).contains("/anmelden/abgelehnt");

        // the withdrawal of an invitation used since the page was read (the person signed in meanwhile): the account
        // exists — 409, the page saying so, nothing changed (it was a 404 "page not found")
        String used = invite(admin, "angenommen@example.org", "COACH", "en-agentur");
        assertThat(admin.get("/admin/konten/" + used).body()).contains("/admin/konten/" + used + "/zurueckziehen");
        provider.signIn(new Http(server, json), "used-invitee", "angenommen@example.org", true);
        HttpResponse<String> late = admin.postForm("/admin/konten/" + used + "/zurueckziehen", Map.of());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Person COACH hat die Einladung schon angenommen und sich angemeldet",
            "Es wurde nichts geändert", "/admin/konten/" + used + "/sperren")
            .doesNotContain("Seite nicht gefunden", "/admin/konten/" + used + "/zurueckziehen");
        assertThat(accounts.findById(used)).isPresent();
        String adminId = accounts.findByEmail("admin@digitalcheck.example.org").orElseThrow().id();
        assertThat(admin.postForm("/admin/konten/" + adminId + "/zurueckziehen", Map.of()).statusCode())
            .as("a used invitation is an account, not an invitation").isEqualTo(409);
        assertThat(accounts.findById(adminId)).isPresent();
        assertThat(admin.get("/admin/konten/" + adminId).body()).contains("Das ist Ihr eigenes Konto")
            .doesNotContain("Konto sperren");
        HttpResponse<String> self = admin.postForm("/admin/konten/" + adminId + "/sperren", Map.of());
        assertThat(self.statusCode()).as("an admin never locks themselves out").isEqualTo(409);
        assertThat(self.body()).contains("Ihr eigenes Konto können Sie nicht sperren");
        // the refusal takes the focus (app.js focuses [data-dc-ask]): it is what happened
        assertThat(self.body()).containsPattern("role=\"alert\" tabindex=\"-1\" data-dc-ask[^>]*>\\s*<div class=\"kern-alert__header\"><span class=\"kern-title\">Ihr eigenes Konto");
        assertThat(admin.postForm("/admin/konten/" + adminId + "/rolle", Map.of("role", "COACH", "agencyId", "en-agentur"))
            .statusCode()).isEqualTo(409);
        assertThat(admin.get("/admin").statusCode()).as("still signed in as admin").isEqualTo(200);
        assertThat(admin.get("/admin/konten/unknown-id").statusCode()).isEqualTo(404);
        assertThat(admin.postForm("/admin/konten/unknown-id/sperren", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvitationExpiresAfterFourteenDays() {
        Http admin = admin();
        String id = invite(admin, "spaet@example.org", "AGENCY_STAFF", "en-agentur");
        new Database(dataSource).execute("UPDATE account SET invited_at = ? WHERE id = ?",
            Timestamp.valueOf(LocalDateTime.now().minusDays(15)), id);
        Http late = new Http(server, json);
        assertThat(provider.signIn(late, "late-invitee", "spaet@example.org", true).headers().firstValue("Location"))
            .contains("/anmelden/abgelehnt");
        assertThat(accounts.findById(id).orElseThrow().bound()).isFalse();
        new Database(dataSource).execute("UPDATE account SET invited_at = ? WHERE id = ?",
            Timestamp.valueOf(LocalDateTime.now().minusDays(13)), id);
        Http inTime = new Http(server, json);
        provider.signIn(inTime, "late-invitee", "spaet@example.org", true);
        assertThat(inTime.get("/agentur").statusCode()).isEqualTo(200);
    }

    @Test
    void theRoleOfAMappedGroupIsAppliedAtEverySignIn() {
        Http first = new Http(server, json);
        provider.signIn(first, "group-mover", Map.of("email", "gruppe@example.org", "email_verified", true,
            "name", "Greta Gruppe", "groups", List.of("dc-en-coaches")));
        assertThat(first.get("/coach").statusCode()).isEqualTo(200);
        Http later = new Http(server, json);
        provider.signIn(later, "group-mover", Map.of("email", "gruppe@example.org", "email_verified", true,
            "name", "Greta Gruppe", "groups", List.of("dc-do-staff")));
        assertThat(later.get("/agentur").body()).contains("Wirtschaftsförderung Dortmund");
        AccountRow account = accounts.findByEmail("gruppe@example.org").orElseThrow();
        assertThat(account.role().name()).isEqualTo("AGENCY_STAFF");
        assertSessionEnded(first.get("/coach"));
    }

    @Test
    void accessTheNetworkTookAwayOnlyTheNetworkGivesBack() {
        Http admin = admin();
        for (String[] person : List.of(new String[] {"netz-staff@en-agentur.example.org", "Nora Netzstaff", "AGENCY_STAFF"},
            new String[] {"netz-coach@en-agentur.example.org", "Norbert Netzcoach", "COACH"})) {
            assertThat(admin.postForm("/admin/einladungen", Map.of("email", person[0], "name", person[1], "role", person[2],
                "agencyId", "en-agentur")).statusCode()).isEqualTo(303);
        }
        String coachId = accounts.findByEmail("netz-coach@en-agentur.example.org").orElseThrow().id();
        Http staff = new Http(server, json);
        provider.signIn(staff, "revocation-netz-staff", "netz-staff@en-agentur.example.org", true);
        Http coach = new Http(server, json);
        provider.signIn(coach, "revocation-netz-coach", "netz-coach@en-agentur.example.org", true);
        assertThat(coach.get("/coach").statusCode()).isEqualTo(200);
        String refusal = "Den Zugang von Norbert Netzcoach hat die Netzwerkverwaltung gesperrt; nur sie kann daran etwas ändern.";

        assertThat(admin.postForm("/admin/konten/" + coachId + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        assertSessionEnded(coach.get("/coach"));
        assertThat(accounts.findById(coachId).orElseThrow().disabledByNetwork()).isTrue();
        assertThat(admin.get("/admin/konten/" + coachId).body()).contains("gesperrt durch die Netzwerkverwaltung");
        HttpResponse<String> page = staff.get("/agentur");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("gesperrt durch die Netzwerkverwaltung",
                "Nur die Netzwerkverwaltung kann diesen Zugang freigeben.")
            .doesNotContain("Zugang von Norbert Netzcoach freigeben", "Zugang von Norbert Netzcoach sperren",
                "/agentur/team/" + coachId + "/", refusal);

        // the form posted anyway (an old page, a crafted request): refused, and the person stays locked out
        HttpResponse<String> refused = staff.postForm("/agentur/team/" + coachId + "/freigeben", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).containsPattern("role=\"alert\" tabindex=\"-1\" data-dc-ask[^>]*>\\s*"
            + "<div class=\"kern-alert__header\"><span class=\"kern-title\">" + refusal);
        AccountRow locked = accounts.findById(coachId).orElseThrow();
        assertThat(locked.isDisabled()).isTrue();
        assertThat(locked.disabledByNetwork()).isTrue();
        Http again = new Http(server, json);
        assertThat(provider.signIn(again, "revocation-netz-coach", "netz-coach@en-agentur.example.org", true)
            .headers().firstValue("Location")).hasValue("/anmelden/abgelehnt/gesperrt-netzwerk");
        // the agency disabling it as well changes nothing: it stays the network's
        assertThat(staff.postForm("/agentur/team/" + coachId + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.findById(coachId).orElseThrow()).isEqualTo(locked);
        assertThat(staff.postForm("/agentur/team/" + coachId + "/freigeben", Map.of()).statusCode()).isEqualTo(409);

        // the network gives it back; then it is the agency's to take and give again
        assertThat(admin.postForm("/admin/konten/" + coachId + "/freigeben", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.findById(coachId).orElseThrow().isDisabled()).isFalse();
        assertThat(accounts.findById(coachId).orElseThrow().disabledByNetwork()).isFalse();
        assertThat(staff.postForm("/agentur/team/" + coachId + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        AccountRow byAgency = accounts.findById(coachId).orElseThrow();
        assertThat(byAgency.isDisabled()).isTrue();
        assertThat(byAgency.disabledByNetwork()).isFalse();
        assertThat(admin.get("/admin/konten/" + coachId).body()).contains("gesperrt durch die Wirtschaftsförderung");
        assertThat(staff.get("/agentur").body()).contains("Zugang von Norbert Netzcoach freigeben")
            .doesNotContain("gesperrt durch die Netzwerkverwaltung", refusal);

        // the network disabling what the agency disabled makes it the network's (since the agency's moment)
        assertThat(admin.postForm("/admin/konten/" + coachId + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        AccountRow taken = accounts.findById(coachId).orElseThrow();
        assertThat(taken.disabledByNetwork()).isTrue();
        assertThat(taken.disabledAt()).isEqualTo(byAgency.disabledAt());
        assertThat(staff.postForm("/agentur/team/" + coachId + "/freigeben", Map.of()).statusCode()).isEqualTo(409);
        assertThat(admin.postForm("/admin/konten/" + coachId + "/freigeben", Map.of()).statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur").body()).contains("Zugang von Norbert Netzcoach sperren");
        Http back = new Http(server, json);
        provider.signIn(back, "revocation-netz-coach", "netz-coach@en-agentur.example.org", true);
        assertThat(back.get("/coach").statusCode()).isEqualTo(200);

        // an unused invitation the network disabled: the agency does not withdraw it (and invite the person afresh)
        assertThat(admin.postForm("/admin/einladungen", Map.of("email", "netz-neu@en-agentur.example.org", "name",
            "Nina Netzneu", "role", "COACH", "agencyId", "en-agentur")).statusCode()).isEqualTo(303);
        String invited = accounts.findByEmail("netz-neu@en-agentur.example.org").orElseThrow().id();
        assertThat(admin.postForm("/admin/konten/" + invited + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur").body()).doesNotContain("/agentur/team/" + invited + "/");
        HttpResponse<String> withdrawal = staff.postForm("/agentur/team/" + invited + "/zurueckziehen", Map.of());
        assertThat(withdrawal.statusCode()).isEqualTo(409);
        assertThat(withdrawal.body()).contains("Den Zugang von Nina Netzneu hat die Netzwerkverwaltung gesperrt");
        assertThat(accounts.findById(invited)).isPresent();
        assertThat(admin.postForm("/admin/konten/" + invited + "/zurueckziehen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.findById(invited)).isEmpty();
    }

    @Test
    void agencyStaffTakeAccessAwayFromTheirOwnTeamOnly() {
        Http staff = new Http(server, json);
        provider.signIn(staff, "revocation-en-staff", "staff@en-agentur.example.org", true);
        Http coach = new Http(server, json);
        provider.signIn(coach, "revocation-en-coach", "coach@en-agentur.example.org", true);
        assertThat(coach.get("/coach").statusCode()).isEqualTo(200);
        String coachId = accounts.findByEmail("coach@en-agentur.example.org").orElseThrow().id();
        String staffId = accounts.findByEmail("staff@en-agentur.example.org").orElseThrow().id();
        String dortmund = accounts.findByEmail("coach@dortmund.example.org").orElseThrow().id();

        HttpResponse<String> page = staff.get("/agentur");
        assertThat(page.body()).contains("Team und Zugänge", "Zugang von Carla Coach sperren", "Ihr eigener Zugang")
            .doesNotContain("Dominik Coach", "/agentur/team/" + staffId + "/sperren");
        assertThat(staff.postForm("/agentur/team/" + coachId + "/sperren", Map.of()).headers().firstValue("Location"))
            .hasValue("/agentur#team-changed");
        assertSessionEnded(coach.get("/coach"));
        // said once, on the page the post leads to (a Flash note: "?team" in the address said so for any link)
        assertThat(staff.get("/agentur").body()).contains("Zugang von Carla Coach freigeben", "gesperrt",
            "id=\"team-changed\"");
        assertThat(staff.get("/agentur").body()).as("a reload").doesNotContain("id=\"team-changed\"");
        assertThat(staff.get("/agentur?team").body()).as("the old address").doesNotContain("id=\"team-changed\"");

        assertThat(staff.postForm("/agentur/team/" + dortmund + "/sperren", Map.of()).statusCode())
            .as("another agency's person is not found").isEqualTo(404);
        assertThat(accounts.findById(dortmund).orElseThrow().isDisabled()).isFalse();
        HttpResponse<String> self = staff.postForm("/agentur/team/" + staffId + "/sperren", Map.of());
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("Ihren eigenen Zugang können Sie hier nicht sperren");
        assertThat(self.body()).containsPattern("role=\"alert\" tabindex=\"-1\" data-dc-ask[^>]*>\\s*<div class=\"kern-alert__header\"><span class=\"kern-title\">Ihren eigenen Zugang");
        assertThat(staff.get("/agentur").body()).doesNotContain("data-dc-ask", "id=\"error-summary\"");
        assertThat(staff.get("/agentur").statusCode()).isEqualTo(200);

        assertThat(staff.postForm("/agentur/team/" + coachId + "/freigeben", Map.of()).statusCode()).isEqualTo(303);
        Http back = new Http(server, json);
        provider.signIn(back, "revocation-en-coach", "coach@en-agentur.example.org", true);
        assertThat(back.get("/coach").statusCode()).isEqualTo(200);

        assertThat(staff.postForm("/agentur/coaches", Map.of("email", "neu-coach@example.org", "name", "Nina Neu"))
            .statusCode()).isEqualTo(303);
        String invited = accounts.findByEmail("neu-coach@example.org").orElseThrow().id();
        assertThat(staff.get("/agentur").body()).contains("Einladung von Nina Neu zurückziehen");
        assertThat(staff.postForm("/agentur/team/" + invited + "/zurueckziehen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.findById(invited)).isEmpty();
        // an invitation used since the page was read (the coach signed in meanwhile): 409, the team saying so, nothing
        // changed — it was a 404 "page not found" for a person who is right there in the team
        HttpResponse<String> used = staff.postForm("/agentur/team/" + coachId + "/zurueckziehen", Map.of());
        assertThat(used.statusCode()).as("a used invitation is not withdrawn").isEqualTo(409);
        assertThat(used.body()).contains("Carla Coach hat die Einladung schon angenommen und sich angemeldet",
            "Um den Zugang zu entziehen, sperren Sie ihn.").doesNotContain("Seite nicht gefunden");
        assertThat(accounts.findById(coachId)).isPresent();
        assertThat(staff.postForm("/agentur/team/" + dortmund + "/zurueckziehen", Map.of()).statusCode())
            .as("another agency's person is still not found").isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------------------
    // A session that ended because the directory changed stays ended: a copy of its cookie (kept from before, as an
    // attacker with a stolen cookie or a forgotten browser tab has it) does not work again once the account is enabled
    // again or moved back to its old role and agency, where the cookie's role and agency would match once more. A new
    // sign-in works.

    static String sessionCookie(Http browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JWT"))
            .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static HttpResponse<String> withCopy(Http other, String path, String cookie) {
        return other.get(path, "Cookie", "JWT=" + cookie);
    }

    @Test
    void aCopiedCookieFromBeforeADisablingDoesNotWorkAfterTheAccountIsEnabledAgain() {
        Http admin = admin();
        String id = invite(admin, "kopie-gesperrt@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-staff", "kopie-gesperrt@en-agentur.example.org", true);
        String copy = sessionCookie(staff);
        Http thief = new Http(server, json);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).as("the copy works while the account is active")
            .isEqualTo(200);

        assertThat(admin.postForm("/admin/konten/" + id + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(303);
        assertThat(admin.postForm("/admin/konten/" + id + "/freigeben", Map.of()).statusCode()).isEqualTo(303);

        HttpResponse<String> again = withCopy(thief, "/agentur", copy);
        assertThat(again.statusCode()).as("the old session stays ended").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));
        assertThat(staff.get("/agentur").statusCode()).as("the person's own old cookie too").isEqualTo(303);

        Http back = new Http(server, json);
        provider.signIn(back, "copy-staff", "kopie-gesperrt@en-agentur.example.org", true);
        assertThat(back.get("/agentur").statusCode()).as("a new sign-in works").isEqualTo(200);
    }

    @Test
    void aCopiedCookieFromBeforeAMoveDoesNotWorkAfterThePersonIsMovedBack() {
        Http admin = admin();
        String id = invite(admin, "kopie-umzug@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-mover", "kopie-umzug@en-agentur.example.org", true);
        String copy = sessionCookie(staff);
        Http thief = new Http(server, json);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(200);

        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "wf-dortmund")).statusCode()).isEqualTo(303);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(303);
        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "en-agentur")).statusCode()).isEqualTo(303);

        assertThat(withCopy(thief, "/agentur", copy).statusCode()).as("the old session stays ended").isEqualTo(303);
        Http back = new Http(server, json);
        provider.signIn(back, "copy-mover", "kopie-umzug@en-agentur.example.org", true);
        assertThat(back.get("/agentur").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnchangedRoleFormKeepsTheSession() {
        Http admin = admin();
        String id = invite(admin, "kopie-bleibt@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-stays", "kopie-bleibt@en-agentur.example.org", true);
        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "en-agentur")).statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur").statusCode()).as("nothing changed: the session goes on").isEqualTo(200);
    }
}
