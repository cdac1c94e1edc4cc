package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The result page: the next steps first, the potential beside capped levels, and the ways back to the answers. */
@MicronautTest(transactional = false)
class ResultPageIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    Http http;
    Questionnaire q;

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
        q = questionnaires.current();
    }

    /** Mostly level 3, one answer of smart factory at 0: smart factory is capped at 0 with a potential of 3. */
    Map<String, String> oneWeakAnswer() {
        String weak = q.questionsOf("factory", CompanyType.OWN_PRODUCTS).get(0).id();
        return Answers.choose(q, CompanyType.OWN_PRODUCTS, x -> x.id().equals(weak) ? 0 : 3);
    }

    @Test
    void theNextStepsComeRightAfterTheOverallResultWithTheAgencyAndThreeActions() {
        CompletedChecks.Completed check = CompletedChecks.of(q).named("Hagener Stahl GmbH").at("58095")
            .answers(oneWeakAnswer()).submit(http);
        String page = http.get(check.resultPath()).body();
        int overall = page.indexOf("id=\"overall-title\"");
        int next = page.indexOf("id=\"next-title\"");
        int funding = page.indexOf("id=\"funding-title\"");
        int areas = page.indexOf("id=\"dimensions-title\"");
        int capping = page.indexOf("id=\"capping-title\"");
        int peers = page.indexOf("id=\"benchmark-title\"");
        int report = page.indexOf("id=\"report-title\"");
        assertThat(overall).isPositive();
        assertThat(next).isGreaterThan(overall).isLessThan(funding);
        assertThat(funding).isLessThan(areas);
        assertThat(areas).isLessThan(capping);
        assertThat(capping).isLessThan(peers);
        assertThat(peers).isLessThan(report);
        String steps = page.substring(next, funding);
        assertThat(steps).contains("Wirtschaftsförderung Hagen", "E-Mail schreiben",
            "mailto:kontakt@hagen.example.org?subject=Digitalcheck%204.0", "tel:+492331000000",
            "Ihre wichtigsten Ansatzpunkte", "Smart Factory – von Stufe 0 auf Stufe 1");
        Matcher items = Pattern.compile("<li class=\"kern-stack-xs\">").matcher(steps);
        int count = 0;
        while (items.find()) {
            count++;
        }
        assertThat(count).as("at most three actions").isEqualTo(3);
        assertThat(page).as("one title in the head; the chart's title stays in the chart")
            .containsOnlyOnce("<title>").contains("<title id=\"chart-title\">");
    }

    @Test
    void aLevelHasOneNameEverywhereAndGroupsAreNotShownAsNames() {
        CompletedChecks.Completed check = CompletedChecks.of(q).level(2).submit(http);
        String page = http.get(check.resultPath()).body();
        assertThat(page).contains("<p class=\"kern-body kern-body--large kern-body--bold\">Stufe 2 · Fortgeschrittener</p>",
                "data-label=\"Stufe\">Stufe 2 · Fortgeschrittener</td>")
            .doesNotContain("Stufe 2:", "Neulinge", "Einsteiger", "Vorreiter");
        String english = http.get(check.resultPath() + "?lang=en").body();
        assertThat(english).contains("Level 2 · Intermediate").doesNotContain("Learners", "Newcomers", "Leaders");
        assertThat(check.document()).extractingByKey("overall").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
            .containsEntry("level", 2).containsEntry("levelName", "Intermediate");
    }

    @Test
    void aCappedAreaShowsItsPotentialInTheSummaryTheChartAndTheTable() {
        String page = http.get(CompletedChecks.of(q).answers(oneWeakAnswer()).submit(http).resultPath()).body();
        assertThat(page).contains("Ihr Potenzial:", "class=\"potential\"", "Gepunktet: Ihr Potenzial",
            "<td class=\"kern-table__cell\" data-label=\"Potenzial\">Stufe 3</td>");

        String even = http.get(CompletedChecks.of(q).level(2).submit(http).resultPath()).body();
        assertThat(even).as("nothing caps a level above the rest: no potential")
            .doesNotContain("Ihr Potenzial:", "class=\"potential\"", "Gepunktet: Ihr Potenzial");
        assertThat(http.get(CompletedChecks.of(q).level(2).in("en").submit(http).resultPath() + "?lang=en").body())
            .contains("Your next steps", "Where to start");
    }

    @Test
    void everyAreaLinksToItsAnswersAndThePrivateLinkIsShown() {
        CompletedChecks.Completed check = CompletedChecks.of(q).level(1).submit(http);
        String page = http.get(check.resultPath()).body();
        for (Questionnaire.Dimension d : q.dimensionsFor(CompanyType.OWN_PRODUCTS)) {
            assertThat(page).contains("href=\"/check/" + check.token() + "/step/" + d.id() + "\"");
        }
        assertThat(page).contains("id=\"resume-link\"", "value=\"http://localhost/check/" + check.token() + "\"",
            "data-copy=\"resume-link\"");
        // kept and opened later, often in another browser: on an English page it opens the check in English
        assertThat(http.get(check.resultPath() + "?lang=en").body())
            .contains("value=\"http://localhost/check/" + check.token() + "?lang=en\"");
        assertThat(http.get("/check/" + check.token() + "/step/strategy?lang=en").body())
            .contains("value=\"http://localhost/check/" + check.token() + "?lang=en\"");
        http.get(check.resultPath() + "?lang=de"); // back to German for the other tests of this client
    }

    @Test
    void aCheckWithoutEmailOffersOneForTheReportAndKeepsWhatWasTyped() {
        CompletedChecks.Completed check = CompletedChecks.of(q).level(2).submit(http);
        String contact = "/check/" + check.token() + "/kontakt";
        String page = http.get(check.resultPath()).body();
        assertThat(page).contains("action=\"" + contact + "\"", "E-Mail-Adresse speichern")
            .doesNotContain("Bericht per E-Mail senden", "aria-invalid");

        HttpResponse<String> invalid = http.postForm(contact, Map.of("contactName", "Rita Rüdiger", "contactEmail", "kaputt"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("gültige E-Mail-Adresse", "value=\"kaputt\"", "value=\"Rita Rüdiger\"",
            "aria-invalid=\"true\"");
        // its own summary (focused by the page's script), in its form, linking to the field; not the consent's
        String form = invalid.body().substring(invalid.body().indexOf("action=\"" + contact + "\""));
        assertThat(form).contains("id=\"error-summary\"", "Die E-Mail-Adresse wurde noch nicht gespeichert:",
            "href=\"#contact-email\"");
        // headed one level below the section's h2 "Ihr Bericht als PDF" it is in (an h2 read as the section's sibling)
        assertThat(form).contains("<h3 class=\"kern-title\">Bitte prüfen Sie Ihre Angaben</h3>")
            .doesNotContain("<h2 class=\"kern-title\">Bitte prüfen");
        assertThat(invalid.body()).doesNotContain("Ihr Ergebnis wurde noch nicht weitergegeben");
        assertThat(page).as("no summary on a first load").doesNotContain("error-summary");
        // the title says so too (the first thing a screen reader reads of the page that came back), as the profile's
        assertThat(invalid.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – Ihr Ergebnis – Digitalcheck 4.0</title>");
        assertThat(page).contains("<title>Ihr Ergebnis – Digitalcheck 4.0</title>");
        HttpResponse<String> noTick = http.postForm("/check/" + check.token() + "/einwilligung?lang=en",
            Map.of("consentName", "Rita Rüdiger", "consentEmail", "rita@example.org"));
        assertThat(noTick.body()).contains("href=\"#consent-share\"",
            "<title>Please check your details – Your result – Digitalcheck 4.0</title>");
        http.get(check.resultPath() + "?lang=de"); // back to German for the rest

        HttpResponse<String> saved = http.postForm(contact, Map.of("contactName", "Rita Rüdiger",
            "contactEmail", "Rita@Giesserei.example.org"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).get().asString().endsWith("/result#report-title");
        assertThat(http.get(check.resultPath()).body()).contains("Bericht per E-Mail senden", "rita@giesserei.example.org")
            .doesNotContain("action=\"" + contact + "\"");
        assertThat(http.postRawForm(contact, Map.of("_csrf", "A".repeat(43), "contactName", "X",
            "contactEmail", "x@example.org")).statusCode()).isEqualTo(403);
    }

    /**
     * A consent posted with an empty name or email, an invalid email or without the tick on a check already shared
     * with its agency (a second tab, an old page): it answered 422 with "Bitte prüfen Sie Ihre Angaben" in the title
     * but no message, no field error and no form (the page offers none once shared), a failure nobody could see. Now
     * it is answered as the same consent again: back to the result's answer that it is shared, which says once that
     * nothing more was needed and the details sent were not taken over; nothing stored (German and English).
     */
    @Test
    void anIncompleteConsentOnACheckAlreadySharedSaysItIsSharedAndNothingChanged() {
        CompletedChecks.Completed check = CompletedChecks.of(q).named("Geteilt GmbH").at("44135")
            .contact("Anna Geteilt", "anna.geteilt@example.org").submit(http);
        String consent = "/check/" + check.token() + "/einwilligung";
        http.get(check.resultPath() + "?lang=de");
        HttpResponse<String> shared = http.postForm(consent, Map.of("consentName", "Anna Geteilt",
            "consentEmail", "anna.geteilt@example.org", "shareWithAgency", "on"));
        assertThat(shared.statusCode()).isEqualTo(303);
        String given = shared.headers().firstValue("Location").orElseThrow();

        // the normal result page of a shared check: no error box, no note, the usual title
        String normal = http.get(check.resultPath()).body();
        assertThat(normal).contains("<title>Ihr Ergebnis – Digitalcheck 4.0</title>", "id=\"consent-shared\"",
                "Ihr Ergebnis wurde weitergegeben")
            .doesNotContain("error-summary", "aria-invalid", "id=\"consent-unchanged\"", "Bitte prüfen Sie",
                "consentEmail");

        for (Map<String, String> refused : List.of(
            Map.of("consentName", "", "consentEmail", "", "shareWithAgency", "on"),
            Map.of("consentName", "Anna Geteilt", "consentEmail", "kaputt", "shareWithAgency", "on"),
            Map.of("consentName", "Anna Neu", "consentEmail", "anna.neu@example.org"))) {
            HttpResponse<String> post = http.postForm(consent, refused);
            assertThat(post.statusCode()).as(refused + ": " + post.body()).isEqualTo(303);
            assertThat(post.headers().firstValue("Location")).as("as a consent given again").contains(given);
            HttpResponse<String> page = http.get(given.substring(0, given.indexOf('#')));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Ihr Ergebnis – Digitalcheck 4.0</title>",
                    "id=\"consent-shared\"", "id=\"consent-unchanged\"",
                    "Ihr Ergebnis war schon weitergegeben, dafür war nichts mehr nötig.",
                    "wurden nicht übernommen. Es wurde nichts geändert.")
                .doesNotContain("error-summary", "aria-invalid", "Bitte prüfen Sie", "consentEmail");
            // said once: a reload shows the result as it is
            assertThat(http.get(check.resultPath()).body()).doesNotContain("id=\"consent-unchanged\"");
        }
        // the contact stays as it was given (the report's sentence names it, marked as an address)
        assertThat(http.get(check.resultPath()).body())
            .contains("<span class=\"dc-address\">anna.<wbr>geteilt@<wbr>example.<wbr>org</span>")
            .doesNotContain("anna.neu@example.org", "neu@<wbr>example", "kaputt");

        // in English
        http.get(check.resultPath() + "?lang=en");
        HttpResponse<String> english = http.postForm(consent, Map.of("consentName", "", "consentEmail", "kaputt"));
        assertThat(english.statusCode()).isEqualTo(303);
        String page = http.get(given.substring(0, given.indexOf('#'))).body();
        assertThat(page).contains("<title>Your result – Digitalcheck 4.0</title>",
                "Your result had already been shared; nothing more was needed.",
                "were not taken over. Nothing was changed.")
            .doesNotContain("error-summary", "Please check your details");
        http.get(check.resultPath() + "?lang=de"); // back to German for the other tests of this client
    }

    /**
     * A location no territory covers goes to the network's fallback queue, which the network's team works: the result
     * page, its consent and the PDF say that team answers, never an agency that is not there (German and English).
     */
    @Test
    void whereNoTerritoryCoversTheLocationThePageTheConsentAndTheReportNameTheNetworksTeam() {
        CompletedChecks.Completed check = CompletedChecks.of(q).named("Spree Werk GmbH").at("10115").submit(http);
        String page = http.get(check.resultPath()).body();
        String steps = page.substring(page.indexOf("id=\"next-title\""), page.indexOf("id=\"dimensions-title\""));
        assertThat(steps).contains("Sprechen Sie mit dem Team von InDieRegionRuhr4.0",
                "Ihre Anfrage beantwortet das Team von InDieRegionRuhr4.0",
                "Ergebnis an das Team von InDieRegionRuhr4.0 weitergeben",
                "Mit Ihrer Einwilligung erhält das Team von InDieRegionRuhr4.0 Ihr Unternehmensprofil",
                "Ich willige ein, dass das Team von InDieRegionRuhr4.0 mein Unternehmensprofil")
            .doesNotContain("Sprechen Sie mit Ihrer Wirtschaftsförderung", "erhält die Wirtschaftsförderung",
                "Ihre Wirtschaftsförderung berät", "Netzwerkkoordination", "dass InDieRegionRuhr4.0");
        String english = http.get(check.resultPath() + "?lang=en").body();
        assertThat(english.substring(english.indexOf("id=\"next-title\""), english.indexOf("id=\"dimensions-title\"")))
            .contains("Talk to the team of InDieRegionRuhr4.0", "The team of InDieRegionRuhr4.0 answers your request",
                "With your consent the team of InDieRegionRuhr4.0 receives",
                "I agree that the team of InDieRegionRuhr4.0 receives")
            .doesNotContain("your economic development agency", "the agency receives", "network coordination");
        String report = de.digitalcheck.portal.support.PdfText.of(
            http.getBytes("/check/" + check.token() + "/report.pdf?lang=de").body()).replaceAll("\\s+", " ");
        assertThat(report).contains("Ihr Kontakt im Netzwerk", "das Team von InDieRegionRuhr4.0",
                "Das Team von InDieRegionRuhr4.0 vermittelt Ihnen gern eine Ansprechperson")
            .doesNotContain("Ihre Wirtschaftsförderung", "Netzwerkkoordination");

        // where an agency is responsible, it is named as before
        String dortmund = http.get(CompletedChecks.of(q).at("44135").submit(http).resultPath()).body();
        assertThat(dortmund).contains("Sprechen Sie mit Ihrer Wirtschaftsförderung",
            "Mit Ihrer Einwilligung erhält die Wirtschaftsförderung").doesNotContain("das Team von InDieRegionRuhr4.0");
    }

    /**
     * Every answer at the highest level: the page and the report said "where your level is still held back" and
     * "these questions limit your level", then "highest level reached" under every area. They now say that nothing
     * limits it; a result below the top keeps the usual texts.
     */
    @Test
    void theHighestLevelEverywhereIsNotToldThatSomethingLimitsIt() {
        CompletedChecks.Completed top = CompletedChecks.of(q).named("Spitze GmbH").at("44135").level(5).submit(http);
        String page = http.get(top.resultPath()).body();
        assertThat(page).contains("Sie haben in allen Bereichen die höchste Stufe des Modells erreicht",
                "In allen Bereichen haben Sie die höchste Stufe erreicht: Keine Ihrer Antworten begrenzt Ihre Stufe.")
            .doesNotContain("wo Ihre Stufe noch begrenzt ist", "Diese Fragen begrenzen Ihre Stufe");
        assertThat(http.get(top.resultPath() + "?lang=en").body())
            .contains("You reached the highest level in every area: none of your answers limits your level.")
            .doesNotContain("still held back", "These questions limit your level");
        String report = de.digitalcheck.portal.support.PdfText.of(
            http.getBytes("/check/" + top.token() + "/report.pdf?lang=de").body()).replaceAll("\\s+", " ");
        assertThat(report).contains("Keine Ihrer Antworten begrenzt Ihre Stufe")
            .doesNotContain("Diese Fragen begrenzen Ihre Stufe");

        CompletedChecks.Completed middle = CompletedChecks.of(q).named("Mitte GmbH").at("44135").level(3).submit(http);
        assertThat(http.get(middle.resultPath() + "?lang=de").body()).contains("Diese Fragen begrenzen Ihre Stufe")
            .doesNotContain("Keine Ihrer Antworten begrenzt Ihre Stufe", "höchste Stufe des Modells erreicht");
    }
}
