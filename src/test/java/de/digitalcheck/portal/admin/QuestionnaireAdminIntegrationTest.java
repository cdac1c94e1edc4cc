package de.digitalcheck.portal.admin;

import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.QuestionnaireVersions;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network admin's questionnaire versions: the list with counts, a version's questions per language, switching
 * the version for new checks (the API and the check pages follow, a started check keeps its version), refusals.
 */
@MicronautTest(transactional = false)
class QuestionnaireAdminIntegrationTest extends SignedInTests {

    static final String PAGE = "/admin/fragebogen";
    static final Map<String, Object> PROFILE = Map.of("name", "Versionswerk GmbH", "postalCode", "44135", "sector", "C",
        "employees", "5", "companyType", "OWN_PRODUCTS");

    @Inject
    Questionnaires questionnaires;
    @Inject
    QuestionnaireVersions versions;
    @Inject
    Assessments assessments;

    Map<String, Http> users;

    @BeforeAll
    void signIn() {
        users = everyDemoUser("qv-");
    }

    @AfterEach
    void backToTheDefault() {
        versions.choose(questionnaires.configuredDefault().version(), "00000000-0000-0000-0000-000000000000", "Test");
    }

    @Test
    void theListShowsEveryVersionWithItsChecksAndTheCurrentOne() {
        Http company = new Http(server, json);
        CompletedChecks.of(questionnaires.current()).named("Liste Zwei A").submit(company);
        CompletedChecks.of(questionnaires.current()).named("Liste Zwei B").submit(company);
        startCheck(company);
        long[] two = row(users.get("admin").get(PAGE).body(), "2");
        long[] one = row(users.get("admin").get(PAGE).body(), "1");

        HttpResponse<String> page = users.get("admin").get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Fragebogen-Versionen</h1>", "Version 1", "Version 2",
            "Veröffentlichte Versionen werden nie geändert", "docs/scoring.md", "Standard der Konfiguration",
            "href=\"/admin/fragebogen/1\"", "href=\"/admin/fragebogen/2\"");
        assertThat(two[0]).as("scoring version").isEqualTo(1);
        assertThat(two[1]).as("dimensions").isEqualTo(6);
        assertThat(two[2]).as("questions").isEqualTo(questionnaires.version("2").orElseThrow().questions().size());
        assertThat(two[3] - two[4]).as("started, not completed").isGreaterThanOrEqualTo(1);
        assertThat(rowHtml(page.body(), "2")).contains("aktuell");
        assertThat(rowHtml(page.body(), "1")).doesNotContain("aktuell");

        assertThat(postChoice("1").statusCode()).isEqualTo(303);
        startCheck(company);
        String after = users.get("admin").get(PAGE).body();
        assertThat(after).contains("Die Version für neue Checks ist geändert.", "Nora Netzwerk");
        // once, after the post (a Flash note; "?gewaehlt=1" in the address said so for any link)
        assertThat(users.get("admin").get(PAGE).body()).as("a reload")
            .doesNotContain("Die Version für neue Checks ist geändert.");
        assertThat(users.get("admin").get(PAGE + "?gewaehlt=1").body()).as("the old address")
            .doesNotContain("Die Version für neue Checks ist geändert.");
        assertThat(row(after, "1")[3]).as("a check started with 1 now").isEqualTo(one[3] + 1);
        assertThat(row(after, "2")[3]).isEqualTo(two[3]);
        assertThat(rowHtml(after, "1")).contains("aktuell");
        assertThat(rowHtml(after, "2")).doesNotContain("aktuell");
        // English page
        assertThat(english(PAGE)).contains("Questionnaire versions</h1>",
            "Published versions are never edited", "Changed by");
    }

    @Test
    void aVersionsPageShowsItsQuestionsInThePagesLanguageReadOnly() {
        HttpResponse<String> de = users.get("admin").get(PAGE + "/1");
        assertThat(de.statusCode()).isEqualTo(200);
        String firstQuestion = questionnaires.version("1").orElseThrow().questions().get(0).text().de();
        assertThat(de.body()).contains("Fragebogen Version 1</h1>", "Strategie &amp; Organisation", "Stufe 0:", "Stufe 5:",
            "Trifft nicht zu", "Nur zum Lesen", "docs/scoring.md", escape(firstQuestion))
            .doesNotContain("<input type=\"radio\"", "name=\"version\"");
        assertThat(english(PAGE + "/2")).contains("Questionnaire version 2</h1>", "Strategy &amp; organization", "Level 0:",
            "Read only", "New checks start with this version.",
            escape(questionnaires.version("2").orElseThrow().questions().get(0).text().en()));
        assertThat(users.get("admin").get(PAGE + "/9").statusCode()).isEqualTo(404);
    }

    /**
     * A "not applicable" option is labelled once: its text already begins with the words, and the page put the label
     * before them again ("Trifft nicht zu: Trifft nicht zu: Wir fertigen …"), in both languages. The levels keep their
     * labels, and the check's own pages keep the option's text as published.
     */
    @Test
    void aNotApplicableOptionIsLabelledOnce() {
        for (String version : new String[] {"1", "2"}) {
            String de = text(users.get("admin").get(PAGE + "/" + version).body());
            assertThat(de).as(version).doesNotContain("Trifft nicht zu: Trifft nicht zu", "Trifft nicht zu: trifft nicht zu")
                .contains("Trifft nicht zu: Wir fertigen ausschließlich nach Kundenzeichnung, ohne eigene Produktfunktionen.",
                    "Trifft nicht zu: Wir liefern keine eigenen Produkte, sondern fertigen nur nach Kundenvorgabe.",
                    "Stufe 0: ", "Stufe 5: ");
            assertThat(occurrences(de, "Trifft nicht zu")).as(version).isEqualTo(notApplicableOptions(version));
            String en = text(english(PAGE + "/" + version));
            assertThat(en).as(version).doesNotContain("Not applicable: Not applicable", "Not applicable: not applicable")
                .contains("Not applicable: we manufacture exclusively to customer drawings, without product functions of our own.",
                    "Not applicable: we do not supply products of our own; we only manufacture to customer specifications.",
                    "Level 0: ", "Level 5: ");
            assertThat(occurrences(en, "Not applicable")).as(version).isEqualTo(notApplicableOptions(version));
        }
        assertThat(questionnaires.version("2").orElseThrow().questions().stream().flatMap(x -> x.options().stream())
            .filter(o -> o.notApplicable()).map(o -> o.text().de()))
            .as("the published text is untouched").allMatch(t -> t.startsWith("Trifft nicht zu: "));
    }

    @Test
    void switchingChangesTheApiAndNewChecksWhileAStartedCheckKeepsItsVersion() {
        Http company = new Http(server, json);
        String started = startCheck(company);
        assertThat(apiVersion(company)).isEqualTo("2");

        assertThat(postChoice("1").statusCode()).isEqualTo(303);
        assertThat(apiVersion(company)).isEqualTo("1");
        assertThat(apiVersion(new Http(server, json))).isEqualTo("1");
        assertThat(CompletedChecks.of(questionnaires.version("1").orElseThrow()).named("API Eins").submit(company)
            .document().get("questionnaireVersion")).isEqualTo("1");
        String startedAfter = startCheck(company);
        assertThat(assessments.byToken(startedAfter).orElseThrow().questionnaireVersion()).isEqualTo("1");
        assertThat(assessments.byToken(started).orElseThrow().questionnaireVersion()).as("started before").isEqualTo("2");
        // the pages ask each check's own version: version 1 offers own-product makers "not applicable" on smart
        // products, version 2 does not
        String notApplicable = "Trifft nicht zu: Wir fertigen ausschließlich";
        assertThat(company.get(CheckPaths.step(startedAfter, "products")).body()).contains(notApplicable);
        assertThat(company.get(CheckPaths.step(started, "products")).body()).contains("Smart Products")
            .doesNotContain(notApplicable);

        assertThat(postChoice("2").statusCode()).isEqualTo(303);
        assertThat(apiVersion(company)).isEqualTo("2");
    }

    @Test
    void anUnknownVersionIsRefusedWithAFieldErrorAndNothingChanges() {
        int before = versions.history().size();
        for (String bad : new String[] {"9", "", "1 OR 1=1"}) {
            HttpResponse<String> refused = users.get("admin").postForm(PAGE + "/aktuell", Map.of("version", bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.body()).contains("Bitte wählen Sie eine der bekannten Versionen.", "aria-invalid=\"true\"",
                "id=\"questionnaire-version-error\"");
        }
        HttpResponse<String> forged = users.get("admin").postForm(PAGE + "/aktuell", Map.of("version", "1", "_csrf", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(versions.history()).hasSize(before);
        assertThat(questionnaires.current().version()).isEqualTo("2");
    }

    /**
     * A refused choice is titled as the other admin forms' errors ("Bitte prüfen Sie Ihre Angaben"), not with the
     * self-check's "Bitte beantworten Sie alle Fragen"; its language switch leads to the list the form is on, with or
     * without a {@code Referer}: it led to the post's address, which the version pages' route read as a version (404).
     */
    @Test
    void aRefusedChoiceIsTitledAsAFormErrorAndItsSwitchLeadsToTheList() {
        Http admin = users.get("admin");
        int before = versions.history().size();
        String origin = server.getURL().toString();
        java.util.List<Map<String, String>> refusals = java.util.List.of(Map.of("version", "99"), Map.of("version", ""),
            Map.of());
        for (Map<String, String> form : refusals) {
            for (String[] referer : new String[][] {{}, {"Referer", origin + PAGE + "?gewaehlt=1"}}) {
                HttpResponse<String> refused = admin.postForm(PAGE + "/aktuell", form, referer);
                String what = form + " " + java.util.Arrays.toString(referer);
                assertThat(refused.statusCode()).as(what).isEqualTo(422);
                assertThat(refused.body()).as(what)
                    .contains("<title>Bitte prüfen Sie Ihre Angaben – Fragebogen-Versionen – ",
                        "Bitte wählen Sie eine der bekannten Versionen.")
                    .doesNotContain("Bitte beantworten Sie alle Fragen");
                assertThat(switchLink(refused.body(), "en")).as(what).isEqualTo(PAGE + "?lang=en");
            }
        }
        assertThat(admin.get(PAGE + "/aktuell?lang=en").statusCode()).as("the post's address is no page").isEqualTo(404);
        assertThat(admin.get(PAGE + "?lang=en").statusCode()).isEqualTo(200);

        HttpResponse<String> english = admin.postForm(PAGE + "/aktuell?lang=en", Map.of("version", "99"));
        admin.get(PAGE + "?lang=de");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("<title>Please check your details – Questionnaire versions – ")
            .doesNotContain("Please answer every question");
        assertThat(switchLink(english.body(), "de")).isEqualTo(PAGE + "?lang=de");
        // the list itself keeps its title and its own switch
        HttpResponse<String> list = admin.get(PAGE);
        assertThat(list.body()).contains("<title>Fragebogen-Versionen – ").doesNotContain("Bitte prüfen Sie Ihre Angaben");
        assertThat(switchLink(list.body(), "en")).isEqualTo(PAGE + "?lang=en");
        assertThat(versions.history()).as("nothing stored").hasSize(before);
    }

    @Test
    void onlyNetworkAdminsSeeOrChangeTheVersions() {
        int before = versions.history().size();
        for (String user : new String[] {"en-staff", "do-staff", "en-coach", "do-coach"}) {
            assertThat(users.get(user).get(PAGE).statusCode()).as(user).isEqualTo(403);
            assertThat(users.get(user).get(PAGE + "/1").statusCode()).as(user).isEqualTo(403);
            assertThat(users.get(user).postForm(PAGE + "/aktuell", Map.of("version", "1")).statusCode()).as(user)
                .isEqualTo(403);
        }
        Http anonymous = new Http(server, json);
        assertThat(anonymous.get(PAGE).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));
        HttpResponse<String> post = anonymous.postForm(PAGE + "/aktuell", Map.of("version", "1"));
        assertThat(post.statusCode()).isIn(302, 303, 401, 403);
        assertThat(versions.history()).hasSize(before);
        assertThat(questionnaires.current().version()).isEqualTo("2");
    }

    /** A page in English; the admin's client goes back to German (the choice is kept in a cookie). */
    private String english(String path) {
        String body = users.get("admin").get(path + "?lang=en").body();
        users.get("admin").get(PAGE + "?lang=de");
        return body;
    }

    /** The page's visible text, markup left out and white space made one space. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replaceAll("\\s+", " ")
            .replace(" :", ":");
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private int notApplicableOptions(String version) {
        return (int) questionnaires.version(version).orElseThrow().questions().stream()
            .flatMap(x -> x.options().stream()).filter(o -> o.notApplicable()).count();
    }

    /** The address of the page's language switch to {@code language}. */
    private static String switchLink(String page, String language) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\" lang=\"" + language + "\" hreflang=\"" + language + "\"")
            .matcher(page);
        assertThat(m.find()).as("language switch").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> postChoice(String version) {
        return users.get("admin").postForm(PAGE + "/aktuell", Map.of("version", version));
    }

    private String startCheck(Http company) {
        HttpResponse<String> started = company.postForm("/check", PROFILE);
        assertThat(started.statusCode()).isEqualTo(303);
        return started.headers().firstValue("Location").orElseThrow().split("/")[2];
    }

    private String apiVersion(Http http) {
        return (String) http.map(http.get("/api/v1/questionnaire")).get("version");
    }

    private static String rowHtml(String page, String version) {
        Matcher m = Pattern.compile("<tr id=\"version-" + version + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("row of version " + version).isTrue();
        return m.group(1);
    }

    /** The numbers of a version's row: scoring version, dimensions, questions, started, completed. */
    private static long[] row(String page, String version) {
        Matcher cells = Pattern.compile("<td[^>]*>\\s*([0-9.]+)\\s*</td>").matcher(rowHtml(page, version));
        long[] numbers = new long[5];
        for (int i = 0; i < 5; i++) {
            assertThat(cells.find()).isTrue();
            numbers[i] = Long.parseLong(cells.group(1).replace(".", ""));
        }
        return numbers;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
