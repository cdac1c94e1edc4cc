package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.booking.CoachProfile;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing in the workspaces: agency contact (staff), territories (admin), coach profile (coach). */
@MicronautTest(transactional = false)
class WorkspaceEditingIntegrationTest extends SignedInTests {

    @Inject
    Agencies agencies;
    @Inject
    Accounts accounts;
    @Inject
    Coaches coaches;

    @Test
    void staffEditTheirOwnAgencysContactOnly() {
        Http staff = as("edit-en-staff", "staff@en-agentur.example.org");
        HttpResponse<String> invalid = staff.postForm("/agentur/profil", Map.of("email", "kaputt", "phone", "abc",
            "website", "javascript:alert(1)", "address", "Bahnhofstraße 56"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("gültige E-Mail-Adresse", "gültige Telefonnummer", "http:// oder https://",
            "value=\"kaputt\"", "value=\"javascript:alert(1)\"");
        assertThat(agencies.find("en-agentur").orElseThrow().email()).isNotEqualTo("kaputt");

        HttpResponse<String> saved = staff.postForm("/agentur/profil", Map.of("email", "team@en-agentur.example.org",
            "phone", "+49 2302 000", "website", "https://en-agentur.example.org", "address", "Bahnhofstraße 56, Witten",
            "version", Http.hidden(staff.get("/agentur").body(), "version")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(agencies.find("en-agentur").orElseThrow().email()).isEqualTo("team@en-agentur.example.org");
        assertThat(agencies.find("wf-dortmund").orElseThrow().email()).isNotEqualTo("team@en-agentur.example.org");
        // "saved" once, after the post that saved (a Flash note): not on a reload, nor from "?gespeichert" typed in
        // or linked, which said so though nothing had been saved
        assertThat(saved.headers().firstValue("Location")).hasValue("/agentur");
        assertThat(staff.get("/agentur").body()).contains("Die Änderungen sind gespeichert.");
        assertThat(staff.get("/agentur").body()).as("a reload").doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(staff.get("/agentur?gespeichert").body()).as("the address")
            .doesNotContain("Die Änderungen sind gespeichert.");
    }

    @Test
    void adminsAssignValidatedTerritoriesThatRouteAtOnce() {
        Http admin = as("edit-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);
        assertThat(anyone.get("/api/v1/routing?postalCode=58636").body()).contains("nrw-invest");

        for (Map.Entry<String, String> bad : Map.of("5x", "2 Ziffern (Land), 3 (Regierungsbezirk)",
            "05999", "keine Gemeinde",
            "05954", "schon zugeordnet (Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“)").entrySet()) {
            HttpResponse<String> refused = admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", bad.getKey()));
            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(422);
            assertThat(refused.body()).contains(bad.getValue(), "value=\"" + bad.getKey() + "\"");
        }

        assertThat(admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "05962")).statusCode()).isEqualTo(303);
        assertThat(anyone.get("/api/v1/routing?postalCode=58636").body()).contains("wf-hagen");
        assertThat(admin.get("/admin").body()).contains("05962");

        assertThat(admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "05962")).statusCode()).isEqualTo(303);
        assertThat(anyone.get("/api/v1/routing?postalCode=58636").body()).contains("nrw-invest").doesNotContain("wf-hagen");
    }

    /**
     * Only the AGS's administrative levels are territories: 2 digits a state, 3 a government district, 5 a district,
     * 8 a municipality. A prefix of 4, 6 or 7 digits was taken and silently moved the municipalities it matched from
     * the agency of their district (the longest prefix wins) to another: refused at the field, in both languages, and
     * nothing routes otherwise. A government district (3 digits) is still taken.
     */
    @Test
    void aPrefixOfNoAdministrativeLevelIsRefusedAndRoutesNothingElsewhere() {
        Http admin = as("edit-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);
        for (String prefix : new String[] {"0595", "059540", "0595403", "059540361"}) {
            HttpResponse<String> refused = admin.postForm("/admin/gebiete?lang=de", Map.of("agencyId", "wf-hagen",
                "prefix", prefix));
            assertThat(refused.statusCode()).as(prefix).isEqualTo(422);
            assertThat(refused.body()).as(prefix).contains("id=\"territory-prefix-error\"",
                "Ein AGS-Präfix hat 2 Ziffern (Land), 3 (Regierungsbezirk), 5 (Kreis oder kreisfreie Stadt) oder 8 "
                    + "(Gemeinde).", "value=\"" + prefix + "\"");
            assertThat(admin.postForm("/admin/gebiete?lang=en", Map.of("agencyId", "wf-hagen", "prefix", prefix))
                .body()).as(prefix).contains("An AGS prefix has 2 digits (state), 3 (government district), "
                    + "5 (district or district-free city) or 8 (municipality).");
        }
        admin.get("/admin?lang=de");
        assertThat(anyone.get("/api/v1/routing?postalCode=58452").body()).as("Witten").contains("en-agentur")
            .doesNotContain("wf-hagen");
        assertThat(admin.get("/admin").body()).doesNotContain("0595403");

        // a government district is a level of its own
        try {
            assertThat(admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "053")).statusCode())
                .isEqualTo(303);
            assertThat(anyone.get("/api/v1/routing?postalCode=50667").body()).as("Köln").contains("wf-hagen");
        } finally {
            admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "053"));
        }
    }

    @Test
    void staffCannotTouchTerritories() {
        Http staff = as("edit-do-staff", "staff@dortmund.example.org");
        assertThat(staff.postForm("/admin/gebiete", Map.of("agencyId", "wf-dortmund", "prefix", "05962")).statusCode()).isEqualTo(403);
        assertThat(staff.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "en-agentur", "prefix", "05954")).statusCode())
            .isEqualTo(403);
        assertThat(new Http(server, json).get("/api/v1/routing?postalCode=58452").body()).contains("en-agentur");
    }

    @Test
    void coachesKeepTheirProfile() {
        Http coach = as("edit-en-coach", "coach@en-agentur.example.org");
        // the modes decide which appointment types companies can book with the coach: the form says so
        assertThat(coach.get("/coach").body()).contains("id=\"coach-modes-hint\"",
            "Unternehmen können Sie nur für Terminarten buchen, die auf eine dieser Arten stattfinden.");
        HttpResponse<String> invalid = coach.postForm("/coach", Map.of("name", "", "expertise", "x".repeat(50), "modes", "TELEPATHY"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        // every field's problem at once, in the summary and beside the field, the typed values kept (the name's once
        // came only after the expertise and the modes were fixed)
        // an unknown meeting mode is named as the form names modes ("So treffe ich Unternehmen"), not as an
        // appointment type ("Terminart", which it once said)
        assertThat(invalid.body()).contains("Bitte füllen Sie dieses Feld aus.",
            "So treffe ich Unternehmen: Diese Art des Treffens gibt es nicht: Bitte wählen Sie eine aus der Liste.",
            "Bitte höchstens 15 Schwerpunkte mit je höchstens 40 Zeichen.", "id=\"error-summary\"", "href=\"#coach-name\"",
            "id=\"coach-name-error\"", "id=\"coach-expertise-error\"", "id=\"coach-modes-error\"",
            "value=\"" + "x".repeat(50) + "\"");
        HttpResponse<String> saved = coach.postForm("/coach", Map.of("name", "Carla Coach", "expertise", "Fertigung, ERP, , ERP",
            "modes", List.of("VIDEO", "ON_SITE")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/coach");
        assertThat(coach.get("/coach").body()).contains("Die Änderungen sind gespeichert.");
        assertThat(coach.get("/coach").body()).as("a reload").doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(coach.get("/coach?gespeichert").body()).as("the address")
            .doesNotContain("Die Änderungen sind gespeichert.");
        Account account = accounts.byEmail("coach@en-agentur.example.org").orElseThrow();
        assertThat(account.name()).isEqualTo("Carla Coach");
        CoachProfile profile = coaches.profile(account.id()).orElseThrow();
        assertThat(profile.expertise()).containsExactly("Fertigung", "ERP");
        assertThat(profile.modes()).containsExactlyInAnyOrder(MeetingMode.VIDEO, MeetingMode.ON_SITE);
        Http staff = as("edit-en-staff", "staff@en-agentur.example.org");
        assertThat(staff.get("/agentur").body()).contains("Fertigung, ERP");
        HttpResponse<String> english = coach.postForm("/coach?lang=en", Map.of("name", "Carla Coach", "expertise", "",
            "modes", "TELEPATHY"));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("This kind of meeting does not exist: please choose one from the list.")
            .doesNotContain("Unknown meeting mode");
    }
}
