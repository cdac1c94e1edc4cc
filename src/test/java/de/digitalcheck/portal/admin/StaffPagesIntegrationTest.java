package de.digitalcheck.portal.admin;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network admin's pages as staff read them: agencies by name in the accounts table, coach as the invitation's
 * default role, the territory explanation once, territories found by the name of a municipality, district or state.
 */
@MicronautTest(transactional = false)
class StaffPagesIntegrationTest extends SignedInTests {

    private static final String EN_AGENTUR = "Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“";

    @Test
    void theAccountsTableNamesAgenciesAndTheInvitationDefaultsToTheLeastPowerfulRole() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        String page = admin.get("/admin?lang=de").body();
        String accounts = page.substring(page.indexOf("id=\"accounts-title\""), page.indexOf("id=\"invite-title\""));
        assertThat(accounts).contains(">Wirtschaftsförderung Dortmund<", ">" + EN_AGENTUR + "<")
            .doesNotContain(">wf-dortmund<", ">en-agentur<");
        // the roles from least to most powerful, coach chosen
        String roles = page.substring(page.indexOf("id=\"invite-role\""), page.indexOf("</select>", page.indexOf("id=\"invite-role\"")));
        assertThat(roles).containsPattern("<option value=\"COACH\" selected=\"selected\">")
            .doesNotContain("value=\"NETWORK_ADMIN\" selected", "value=\"AGENCY_STAFF\" selected");
        assertThat(roles.indexOf("COACH")).isLessThan(roles.indexOf("AGENCY_STAFF"));
        assertThat(roles.indexOf("AGENCY_STAFF")).isLessThan(roles.indexOf("NETWORK_ADMIN"));
        // an invitation that fails keeps the role that was chosen
        HttpResponse<String> refused = admin.postForm("/admin/einladungen", Map.of("email", "kaputt", "name", "X",
            "role", "AGENCY_STAFF", "agencyId", "wf-dortmund"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("<option value=\"AGENCY_STAFF\" selected=\"selected\">");
    }

    @Test
    void theTerritoryExplanationAppearsOnceAndOverlapsNameTheAgency() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        String page = admin.get("/admin?lang=de").body();
        assertThat(page.split("Es gilt immer das längste passende Präfix", -1)).hasSize(2);
        assertThat(page).contains("05954 liegt in 05 (NRW.INVEST).").doesNotContain("(nrw-invest)", "also diese");
        assertThat(page).contains("href=\"/admin/gebiete\"");
        // territories with their place's name, for the admin and for the agency's staff
        assertThat(page).contains(">05954 Ennepe-Ruhr-Kreis<", ">05913000 Dortmund<", ">05 Nordrhein-Westfalen<");
        assertThat(as("staff-pages-en-staff", "staff@en-agentur.example.org").get("/agentur?lang=de").body())
            .contains("05954 Ennepe-Ruhr-Kreis");
    }

    @Test
    void placesAreFoundByNameAndAssignedWithoutTypingAKey() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);

        HttpResponse<String> first = admin.get("/admin/gebiete?lang=de");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<h1 class=\"kern-heading-large\">Gebiete zuordnen</h1>", "name=\"suche\"",
            "name=\"prefix\"").doesNotContain("error-summary", "aria-invalid", "id=\"results-title\"");

        // a district: assigned already, so it says to whom and offers no button; its municipalities can be assigned
        String ennepe = admin.get("/admin/gebiete?agencyId=wf-hagen&suche=ennepe").body();
        assertThat(ennepe).contains("Ennepe-Ruhr-Kreis", "AGS-Präfix 05954", "zugeordnet: " + EN_AGENTUR,
            "Ennepetal", "AGS-Präfix 05954008", "Ennepetal (05954008) Wirtschaftsförderung Hagen zuordnen");
        assertThat(ennepe).doesNotContain("value=\"05954\"");
        // a municipality in that district says who serves it so far, through which territory
        String ennepetal = ennepe.substring(ennepe.indexOf("AGS-Präfix 05954008"));
        assertThat(ennepetal.substring(0, ennepetal.indexOf("</p>")))
            .isEqualTo("AGS-Präfix 05954008</span> · <span class=\"dc-text\">bisher im Gebiet von " + EN_AGENTUR
                + " (AGS-Präfix 05954)</span>");
        assertThat(admin.get("/admin/gebiete?lang=en&agencyId=wf-hagen&suche=ennepe").body())
            .contains("so far within the territory of " + EN_AGENTUR + " (AGS prefix 05954)");
        // the district itself is assigned exactly: "assigned", not also "so far within" the state's territory
        String district = ennepe.substring(ennepe.indexOf("AGS-Präfix 05954<"));
        assertThat(district.substring(0, district.indexOf("</p>"))).contains("zugeordnet: ").doesNotContain("bisher im Gebiet");

        // an agency that does not exist (a stale bookmark): said at the search's agency, and no results whose buttons
        // would assign to another agency
        HttpResponse<String> unknownAgency = admin.get("/admin/gebiete?lang=de&agencyId=gibt-es-nicht&suche=ennepe");
        assertThat(unknownAgency.statusCode()).isEqualTo(422);
        assertThat(unknownAgency.body()).contains("id=\"error-summary\"", "href=\"#search-agency\"",
                "Die Wirtschaftsförderung aus der Adresse gibt es nicht (mehr). Bitte wählen Sie eine aus der Liste.")
            .doesNotContain("id=\"results-title\"", "Ennepetal (05954008)");
        assertThat(admin.get("/admin/gebiete?lang=de&agencyId=&suche=ennepe").statusCode())
            .as("none chosen: the first one, as the select shows").isEqualTo(200);
        // the raw prefix's form carries the search, so that a refused prefix shows the results again
        String rawForm = ennepe.substring(ennepe.indexOf("id=\"territory-title\""));
        assertThat(rawForm).contains("<input type=\"hidden\" name=\"suche\" value=\"ennepe\">");
        assertThat(first.body().substring(first.body().indexOf("id=\"territory-title\"")))
            .as("no search, nothing carried").doesNotContain("name=\"suche\"");
        // without accents and umlaut dots, and states too
        assertThat(admin.get("/admin/gebiete?suche=dusseldorf").body()).contains("Düsseldorf", "AGS-Präfix 05111000");
        assertThat(admin.get("/admin/gebiete?suche=Nordrhein").body()).contains("Nordrhein-Westfalen", "AGS-Präfix 05<");
        HttpResponse<String> none = admin.get("/admin/gebiete?suche=" + URLEncoder.encode("Xyzzyhausen", StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Keine Gemeinde, kein Kreis und kein Land heißt wie „Xyzzyhausen“");

        // too short or too long: an error in the page's language, beside the field and in the summary
        for (String bad : new String[] {"x", " ", "a".repeat(101)}) {
            HttpResponse<String> refused = admin.get("/admin/gebiete?lang=de&suche=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.body()).as(bad).contains("id=\"error-summary\"", "href=\"#search-query\"", "aria-invalid=\"true\"")
                .doesNotContain("id=\"results-title\"");
        }
        assertThat(admin.get("/admin/gebiete?lang=en&suche=x").body()).contains("Please enter at least two letters of the name.");

        // assigning a found municipality routes it at once; it is removed again afterwards
        assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).contains("nrw-invest");
        String found = admin.get("/admin/gebiete?lang=de&agencyId=wf-hagen&suche=Schmallenberg").body();
        assertThat(found).as("served through the state's territory so far").contains("bisher im Gebiet von NRW.INVEST");
        Matcher prefix = Pattern.compile("name=\"prefix\" value=\"(\\d{8})\"").matcher(found);
        assertThat(prefix.find()).as(found).isTrue();
        assertThat(prefix.group(1)).isEqualTo("05958040");
        HttpResponse<String> assigned = admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "05958040",
            "suche", "Schmallenberg"));
        assertThat(assigned.statusCode()).isEqualTo(303);
        try {
            // the page the redirect leads to says it is saved, in a note beside the agencies' territories that takes
            // the focus (app.js, data-dc-ask): the redirect once named the section's heading, which cannot take it,
            // and nothing said that the territory was assigned
            // (once, after the post that saved: a Flash note; "?gespeichert" in the address said so for any link)
            assertThat(assigned.headers().firstValue("Location")).hasValue("/admin#saved");
            String saved = admin.get("/admin").body();
            assertThat(saved.substring(saved.indexOf("id=\"agencies-title\""), saved.indexOf("id=\"accounts-title\"")))
                .contains("id=\"saved\" tabindex=\"-1\" data-dc-ask=\"true\"", "Die Änderungen sind gespeichert.");
            assertThat(admin.get("/admin").body()).as("a reload says nothing is saved").doesNotContain("id=\"saved\"");
            assertThat(admin.get("/admin?gespeichert").body()).as("nor the address").doesNotContain("id=\"saved\"",
                "Die Änderungen sind gespeichert.");
            assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).contains("wf-hagen");
            assertThat(admin.get("/admin/gebiete?lang=de&agencyId=wf-hagen&suche=Schmallenberg").body())
                .contains("zugeordnet: Wirtschaftsförderung Hagen").doesNotContain("bisher im Gebiet");
            // the same again: refused with the agency's name, the search's results shown again
            HttpResponse<String> taken = admin.postForm("/admin/gebiete?lang=de", Map.of("agencyId", "wf-dortmund",
                "prefix", "05958040", "suche", "Schmallenberg"));
            assertThat(taken.statusCode()).isEqualTo(422);
            assertThat(taken.body()).contains("Dieses Gebiet ist schon zugeordnet (Wirtschaftsförderung Hagen).",
                "id=\"error-summary\"", "href=\"#territory-prefix\"", "id=\"results-title\"", "Schmallenberg");
        } finally {
            admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "05958040"));
        }
        assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).contains("nrw-invest").doesNotContain("wf-hagen");
    }

    /**
     * Removing a territory asks first and says who serves its places afterwards: the agency whose territory contains
     * it, or the network's team; asking changes nothing. It was one click on the overview, with no way back but to
     * find the place and assign it again.
     */
    @Test
    void removingATerritoryAsksFirstAndSaysWhoServesItAfterwards() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);
        String overview = admin.get("/admin?lang=de").body();
        assertThat(overview).contains("href=\"/admin/gebiete/entfernen?agencyId=en-agentur&amp;prefix=05954\"")
            .doesNotContain("action=\"/admin/gebiete/entfernen\"");
        assertThat(admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "05958040")).statusCode())
            .isEqualTo(303);
        assertThat(admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "09162000")).statusCode())
            .isEqualTo(303);
        try {
            HttpResponse<String> inside = admin.get("/admin/gebiete/entfernen?lang=de&agencyId=wf-hagen&prefix=05958040");
            assertThat(inside.statusCode()).isEqualTo(200);
            assertThat(inside.body()).contains("<h1 class=\"kern-heading-large\">Gebiet entfernen?</h1>",
                "05958040 Schmallenberg gehört danach nicht mehr zu Wirtschaftsförderung Hagen.",
                "Neue Anfragen aus diesem Gebiet gehen danach an NRW.INVEST",
                "Anfragen, die Wirtschaftsförderung Hagen schon erhalten hat, bleiben dort.",
                "action=\"/admin/gebiete/entfernen\"", "name=\"prefix\" value=\"05958040\"",
                "name=\"agencyId\" value=\"wf-hagen\"", "href=\"/admin#agencies-title\"")
                .doesNotContain("Team des Netzwerks");
            HttpResponse<String> outside = admin.get("/admin/gebiete/entfernen?lang=en&agencyId=wf-hagen&prefix=09162000");
            assertThat(outside.body()).contains("Remove this territory?", "09162000 München will then no longer belong to",
                "New leads from this area will then go to the network’s team").doesNotContain("whose territory contains it");
            // asking removed nothing
            assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).contains("wf-hagen");
            assertThat(anyone.get("/api/v1/routing?postalCode=80331").body()).contains("wf-hagen");
            // a territory the agency does not have (any more): back to the overview; an unknown agency: not found
            assertThat(admin.get("/admin/gebiete/entfernen?agencyId=wf-dortmund&prefix=05958040").headers()
                .firstValue("Location")).hasValue("/admin#agencies-title");
            assertThat(admin.get("/admin/gebiete/entfernen").statusCode()).isEqualTo(404);
            assertThat(admin.get("/admin/gebiete/entfernen?agencyId=gibt-es-nicht&prefix=05954").statusCode()).isEqualTo(404);
            // the page's form removes it
            HttpResponse<String> removed = admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen",
                "prefix", "09162000"));
            assertThat(removed.headers().firstValue("Location")).hasValue("/admin#saved");
            assertThat(admin.get("/admin").body()).contains("id=\"saved\""); // in English, as chosen above
            assertThat(anyone.get("/api/v1/routing?postalCode=80331").body()).doesNotContain("wf-hagen");
        } finally {
            admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "05958040"));
            admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "09162000"));
        }
        assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).doesNotContain("wf-hagen");
    }

    @Test
    void aTerritoryForAnAgencyThatDoesNotExistIsRefusedAtTheAgencyFieldAndNothingIsStored() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);
        // a free, valid prefix: only the agency is wrong
        HttpResponse<String> unknown = admin.postForm("/admin/gebiete?lang=de", Map.of("agencyId", "gibt-es-nicht",
            "prefix", "05958040", "suche", "Schmallenberg"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Diese Wirtschaftsförderung gibt es nicht.", "href=\"#territory-agency\"",
                "id=\"territory-agency-error\"", "value=\"05958040\"", "id=\"results-title\"")
            .doesNotContain("brauchen eine Wirtschaftsförderung", "id=\"territory-prefix-error\"");
        HttpResponse<String> english = admin.postForm("/admin/gebiete?lang=en", Map.of("agencyId", "gibt-es-nicht",
            "prefix", "05958040"));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("This agency does not exist.").doesNotContain("need an agency");
        HttpResponse<String> none = admin.postForm("/admin/gebiete?lang=de", Map.of("agencyId", "", "prefix", "05958040"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Bitte wählen Sie eine Wirtschaftsförderung aus.")
            .doesNotContain("brauchen eine Wirtschaftsförderung");
        assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).contains("nrw-invest")
            .doesNotContain("gibt-es-nicht");
        // taking a territory from an agency that does not exist: not found, not a silent redirect
        HttpResponse<String> remove = admin.postForm("/admin/gebiete/entfernen?lang=de", Map.of("agencyId", "gibt-es-nicht",
            "prefix", "05954"));
        assertThat(remove.statusCode()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/routing?postalCode=58452").body()).as("Witten stays with the EN-Agentur")
            .contains("en-agentur");
    }

    /**
     * Taking from an agency a territory it does not have (another agency's, nobody's, removed already), or with no
     * prefix or a malformed one, is refused (422) saying why, nothing changed: it was a 303 to "Die Änderungen sind
     * gespeichert." as if the place had been taken from the agency.
     */
    @Test
    void removingATerritoryTheAgencyDoesNotHaveIsRefusedSayingWhyAndNothingChanges() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        Http anyone = new Http(server, json);
        HttpResponse<String> nobodys = admin.postForm("/admin/gebiete/entfernen?lang=de", Map.of("agencyId", "wf-hagen",
            "prefix", "05999999"));
        assertThat(nobodys.statusCode()).isEqualTo(422);
        assertThat(nobodys.headers().firstValue("Location")).isEmpty();
        assertThat(nobodys.body()).contains("<h1 class=\"kern-heading-large\">Gebiet nicht entfernt</h1>",
                "Das Gebiet 05999999 gehört nicht zu Wirtschaftsförderung Hagen: Es wurde nichts entfernt.",
                "id=\"territory-remove-refused\"", "href=\"/admin#agencies-title\"")
            .doesNotContain("Die Änderungen sind gespeichert", "action=\"/admin/gebiete/entfernen\"");
        // another agency's territory: refused, and it stays with that agency
        HttpResponse<String> others = admin.postForm("/admin/gebiete/entfernen?lang=en", Map.of("agencyId", "wf-hagen",
            "prefix", "05954"));
        assertThat(others.statusCode()).isEqualTo(422);
        assertThat(others.body()).contains("Territory not removed",
            "The territory 05954 does not belong to Wirtschaftsförderung Hagen: nothing was removed.");
        assertThat(anyone.get("/api/v1/routing?postalCode=58452").body()).as("Witten stays with the EN-Agentur")
            .contains("en-agentur");
        HttpResponse<String> none = admin.postForm("/admin/gebiete/entfernen?lang=de", Map.of("agencyId", "en-agentur"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Es wurde kein Gebiet (AGS-Präfix) angegeben: Es wurde nichts entfernt.");
        HttpResponse<String> malformed = admin.postForm("/admin/gebiete/entfernen?lang=de", Map.of("agencyId",
            "en-agentur", "prefix", "x'\"<"));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("Ein AGS-Präfix hat 2 Ziffern").doesNotContain("x'\"<");
        assertThat(anyone.get("/api/v1/routing?postalCode=58452").body()).contains("en-agentur");
        // a removal sent twice: the second finds it gone and says so
        assertThat(admin.postForm("/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "05958040")).statusCode())
            .isEqualTo(303);
        assertThat(admin.postForm("/admin/gebiete/entfernen", Map.of("agencyId", "wf-hagen", "prefix", "05958040"))
            .statusCode()).isEqualTo(303);
        assertThat(anyone.get("/api/v1/routing?postalCode=57392").body()).doesNotContain("wf-hagen");
        HttpResponse<String> again = admin.postForm("/admin/gebiete/entfernen?lang=de", Map.of("agencyId", "wf-hagen",
            "prefix", "05958040"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Das Gebiet 05958040 gehört nicht zu Wirtschaftsförderung Hagen");
    }

    /**
     * An invitation (or a role change) naming an agency that does not exist says so: it said that staff and coaches
     * need an agency, though one was given.
     */
    @Test
    void anInvitationToAnAgencyThatDoesNotExistSaysItIsUnknown() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        HttpResponse<String> unknown = admin.postForm("/admin/einladungen?lang=de", Map.of("email",
            "unknown-agency@example.org", "name", "Una Known", "role", "COACH", "agencyId", "nope"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Diese Wirtschaftsförderung gibt es nicht (mehr). Bitte wählen Sie eine aus der Liste.")
            .doesNotContain("brauchen eine Wirtschaftsförderung");
        assertThat(admin.postForm("/admin/einladungen?lang=en", Map.of("email", "unknown-agency@example.org", "name",
            "Una Known", "role", "AGENCY_STAFF", "agencyId", "nope")).body())
            .contains("There is no such agency (any more). Please choose one from the list.").doesNotContain("need an agency");
        // none given: that they need one
        assertThat(admin.postForm("/admin/einladungen?lang=de", Map.of("email", "unknown-agency@example.org", "name",
            "Una Known", "role", "COACH", "agencyId", "")).body())
            .contains("Wirtschaftsförderung und Coaches brauchen eine Wirtschaftsförderung.").doesNotContain("gibt es nicht");
        assertThat(admin.get("/admin?lang=de").body()).doesNotContain("unknown-agency@example.org");
    }

    /**
     * WCAG 2.5.3 (axe-core "label-content-name-mismatch"): a link's accessible name contains its visible text, so that
     * speech input users can say what they see. The account links showed the email but were named "Konto von …
     * bearbeiten"; "Fragen ansehen" was named "Fragen der Version 1 ansehen".
     */
    @Test
    void everyAdminLinkIsNamedByItsVisibleText() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        int named = 0;
        for (String lang : new String[] {"de", "en"}) {
            for (String path : new String[] {"/admin", "/admin/fragebogen", "/admin/foerderprogramme", "/admin/gebiete?suche=Hagen"}) {
                String page = admin.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).body();
                Matcher link = Pattern.compile("<a\\b([^>]*)>(.*?)</a>", Pattern.DOTALL).matcher(page);
                while (link.find()) {
                    Matcher label = Pattern.compile("aria-label=\"([^\"]*)\"").matcher(link.group(1));
                    String visible = link.group(2).replaceAll("<span class=\"kern-sr-only\"[^>]*>.*?</span>", "")
                        .replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
                    if (label.find() && !visible.isEmpty()) {
                        named++;
                        assertThat(label.group(1).toLowerCase(java.util.Locale.ROOT)).as(path + " " + lang)
                            .contains(visible.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        assertThat(named).as("links with a name of their own were checked").isGreaterThan(4);
        String accounts = admin.get("/admin?lang=de").body();
        assertThat(accounts).contains("<span class=\"dc-address\">admin@digitalcheck.example.org</span><span class=\"kern-sr-only\"> (Konto von ")
            .doesNotContain("aria-label=\"Konto von");
        assertThat(admin.get("/admin/fragebogen?lang=de").body()).contains(">Fragen ansehen</a>", "aria-label=\"Fragen ansehen: Version 1\"");
    }

    /** A refused invitation has the error summary of every other form (linked to the fields; the page script focuses it). */
    @Test
    void aRefusedInvitationHasALinkedErrorSummary() {
        Http admin = as("staff-pages-admin", "admin@digitalcheck.example.org");
        assertThat(admin.get("/admin?lang=de").body()).doesNotContain("id=\"error-summary\"");
        HttpResponse<String> refused = admin.postForm("/admin/einladungen?lang=de", Map.of("email", "kaputt", "name", "",
            "role", "AGENCY_STAFF", "agencyId", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        String body = refused.body();
        assertThat(body).contains("<title>Bitte prüfen Sie Ihre Angaben – ", "id=\"error-summary\"", "tabindex=\"-1\"",
            "href=\"#invite-email\"", "href=\"#invite-name\"", "id=\"invite-email-error\"");
        assertThat(body.indexOf("href=\"#invite-email\"")).isLessThan(body.indexOf("href=\"#invite-name\""));
        assertThat(body).as("each summary line names its field").containsPattern("href=\"#invite-email\">E-Mail: ")
            .containsPattern("href=\"#invite-name\">Name: ");
        assertThat(admin.postForm("/admin/einladungen?lang=en", Map.of("email", "kaputt", "name", "X",
            "role", "COACH", "agencyId", "wf-dortmund")).body()).contains("id=\"error-summary\"", "Please check your details");
        admin.get("/admin?lang=de");
    }

    @Test
    void onlyTheNetworkAdminSearchesTerritories() {
        assertThat(as("staff-pages-staff", "staff@dortmund.example.org").get("/admin/gebiete?suche=Hagen").statusCode())
            .isEqualTo(403);
        assertThat(as("staff-pages-coach", "coach@en-agentur.example.org").get("/admin/gebiete").statusCode()).isEqualTo(403);
    }
}
