package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form page: its first load shows no error, and a post with a bad value answers 422 with the page again, the
 * message beside the field (which is aria-invalid and names the message) in the page's language, every typed value
 * kept, and nothing changed.
 */
@MicronautTest(transactional = false)
class FormPagesIntegrationTest extends SignedInTests {

    /** A form, who fills it in, and what a bad value of one field must show. */
    record BadValue(String who, String page, String action, Map<String, ?> form, String fieldId, List<String> kept,
                    String german, String english) {
    }

    Http anonymous;
    Http admin;
    Http staff;
    Http coach;
    String token;
    String programme;

    @BeforeAll
    void signIn() {
        anonymous = new Http(server, json);
        admin = as("forms-admin", "admin@digitalcheck.example.org");
        staff = as("forms-staff", "staff@en-agentur.example.org");
        coach = as("forms-coach", "coach@en-agentur.example.org");
        HttpResponse<String> started = anonymous.postForm("/check", profile("Formular GmbH", "44135"));
        token = started.headers().firstValue("Location").orElseThrow().split("/")[2];
        programme = admin.get("/admin/foerderprogramme?lang=de").body()
            .replaceAll("(?s).*?href=\"/admin/foerderprogramme/([a-z0-9-]+)\".*", "$1");
    }

    List<BadValue> badValues() {
        return List.of(
            new BadValue("anonymous", "/check", "/check", profile("Müller & Söhne", "4413x"), "postalCode",
                List.of("Müller &amp; Söhne", "4413x"), "Die Postleitzahl muss aus genau fünf Ziffern bestehen.",
                "The postal code must be exactly five digits."),
            new BadValue("anonymous", "/check/" + token + "/profile", "/check/" + token + "/profile",
                with(profile("Formular GmbH", "44135"), "contactEmail", "kaputt"), "contact-email",
                List.of("Formular GmbH", "kaputt"), "Bitte geben Sie eine gültige E-Mail-Adresse an",
                "Please give a valid email address"),
            new BadValue("anonymous", "/mein-unternehmen", "/mein-unternehmen", Map.of("email", "kaputt@"), "email",
                List.of("kaputt@"), "Bitte geben Sie eine gültige E-Mail-Adresse an", "Please give a valid email address"),
            new BadValue("admin", "/admin", "/admin/einladungen", Map.of("email", "neu@example.org", "name", "N".repeat(201),
                "role", "COACH", "agencyId", "en-agentur"), "invite-name", List.of("neu@example.org", "N".repeat(201)),
                "Bitte höchstens 200 Zeichen.", "Please use at most 200 characters."),
            new BadValue("admin", "/admin/gebiete", "/admin/gebiete", Map.of("agencyId", "wf-hagen", "prefix", "5x"),
                "territory-prefix", List.of("5x"), "Ein AGS-Präfix hat 2 Ziffern (Land), 3 (Regierungsbezirk)",
                "An AGS prefix has 2 digits (state), 3 (government district), 5 (district"),
            new BadValue("admin", "/admin/agenturen/neu", "/admin/agenturen", agency("Neue Agentur", "kaputt", "2"),
                "agency-email", List.of("Neue Agentur", "kaputt"), "Bitte geben Sie eine gültige E-Mail-Adresse an",
                "Please give a valid email address"),
            new BadValue("admin", "/admin/agenturen/wf-herne", "/admin/agenturen/wf-herne",
                agency("Wirtschaftsförderung Herne", "info@herne.example.org", "30"), "agency-firstContactDays",
                List.of("Wirtschaftsförderung Herne", "30"), "ganze Zahl von 1 bis 20", "whole number from 1 to 20"),
            new BadValue("admin", "/admin/foerderprogramme", "/admin/foerderprogramme",
                with(programme("Formularprogramm"), "url", "ftp://x"), "funding-url", List.of("Formularprogramm", "ftp://x"),
                "http:// oder https://", "http:// or https://"),
            new BadValue("admin", "/admin/foerderprogramme/" + programme, "/admin/foerderprogramme/" + programme,
                with(programme("Formularprogramm"), "maxLevel", "9"), "funding-maxLevel", List.of("Formularprogramm", "9"),
                "Bitte eine Stufe von 0 bis 5.", "Please give a level from 0 to 5."),
            new BadValue("admin", "/admin/foerderprogramme", "/admin/foerderprogramme/" + programme + "/gueltigkeit",
                Map.of("validUntil", "2000-01-01"), "until-" + programme, List.of("2000-01-01"),
                "Das Ende darf nicht vor dem Beginn liegen.", "The end cannot be before the start."),
            new BadValue("staff", "/agentur", "/agentur/profil", Map.of("email", "team@en-agentur.example.org",
                "phone", "abc", "website", "", "address", "Bahnhofstraße 56"), "agency-phone",
                List.of("team@en-agentur.example.org", "abc", "Bahnhofstraße 56"), "gültige Telefonnummer", "valid phone number"),
            new BadValue("staff", "/agentur", "/agentur/coaches", Map.of("email", "coach@", "name", "Nico Neu"),
                "coach-email", List.of("coach@", "Nico Neu"), "Bitte geben Sie eine gültige E-Mail-Adresse an",
                "Please give a valid email address"),
            new BadValue("coach", "/coach", "/coach", Map.of("name", "Carla Coach",
                "expertise", "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p", "modes", List.of("VIDEO", "PHONE")),
                "coach-expertise", List.of("Carla Coach", "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p"),
                "Bitte höchstens 15 Schwerpunkte", "Please give at most 15 areas of expertise"));
    }

    @Test
    void aFirstLoadShowsNoErrorAndNoInvalidField() {
        for (BadValue form : badValues()) {
            HttpResponse<String> page = client(form.who()).get(form.page() + "?lang=de");
            assertThat(page.statusCode()).as(form.page()).isEqualTo(200);
            assertThat(page.body()).as(form.page()).contains("<form")
                .doesNotContain("aria-invalid", "class=\"kern-error\"", "error-summary", "kern-form-input--error");
        }
        HttpResponse<String> step = anonymous.get("/check/" + token + "/step/strategy?lang=de");
        assertThat(step.body()).contains("<fieldset").doesNotContain("aria-invalid", "class=\"kern-error\"", "error-summary");
    }

    @Test
    void aBadValueIsShownBesideItsFieldInGermanWithEveryTypedValueKept() {
        for (BadValue form : badValues()) {
            HttpResponse<String> page = client(form.who()).postForm(form.action() + "?lang=de", form.form());
            assertThat(page.statusCode()).as(form.action()).isEqualTo(422);
            assertThat(page.body()).as(form.action()).contains(form.german()).doesNotContain(form.english());
            assertInvalid(page.body(), form);
            // the title starts with the summary's heading: a screen reader reads the title first (the coach's profile
            // kept its own title when refused)
            java.util.regex.Matcher heading = Pattern.compile("id=\"error-summary\"[^>]*>.*?"
                + "<h[234] class=\"kern-title\">([^<]+)</h[234]>", Pattern.DOTALL).matcher(page.body());
            assertThat(heading.find()).as(form.action()).isTrue();
            assertThat(page.body()).as(form.action()).contains("<title>" + heading.group(1) + " – ");
        }
    }

    @Test
    void aBadValueIsShownInEnglishOnAnEnglishPage() {
        for (BadValue form : badValues()) {
            HttpResponse<String> page = client(form.who()).postForm(form.action() + "?lang=en", form.form());
            assertThat(page.statusCode()).as(form.action()).isEqualTo(422);
            assertThat(page.body()).as(form.action()).contains(form.english()).doesNotContain(form.german());
            assertInvalid(page.body(), form);
        }
    }

    @Test
    void anUnansweredQuestionIsShownInTheSummaryAndBesideTheQuestion() {
        for (String lang : List.of("de", "en")) {
            HttpResponse<String> page = anonymous.postForm("/check/" + token + "/step/strategy?lang=" + lang,
                Map.of("nav", "next"));
            assertThat(page.statusCode()).isEqualTo(422);
            assertThat(page.body()).contains("id=\"error-summary\"",
                lang.equals("de") ? "Bitte wählen Sie eine Antwort auf Frage 1." : "Please choose an answer to question 1.");
            assertThat(page.body()).containsPattern("<fieldset class=\"[^\"]*kern-fieldset--error\" id=\"q-[^\"]+\"\\s+"
                + "aria-describedby=\"[^\"]*q-[^\"]+-error\"");
        }
    }

    @Test
    void aFormShowsItsOwnProblemsAndThoseOfTheDomainAtOnce() {
        HttpResponse<String> profile = anonymous.postForm("/check?lang=de", with(profile("", "99999"), "employees", "-3"));
        assertThat(profile.statusCode()).isEqualTo(422);
        assertThat(profile.body()).contains("Bitte geben Sie den Namen Ihres Unternehmens an.", "Diese Postleitzahl kennen wir nicht.",
            "Die Zahl der Beschäftigten muss mindestens 1 sein");
        HttpResponse<String> invitation = admin.postForm("/admin/einladungen?lang=de", Map.of("email",
            "admin@digitalcheck.example.org", "name", "", "role", "COACH", "agencyId", ""));
        assertThat(invitation.statusCode()).isEqualTo(422);
        assertThat(invitation.body()).contains("Bitte füllen Sie dieses Feld aus.",
            "Für diese E-Mail-Adresse gibt es bereits ein Konto.", "brauchen eine Wirtschaftsförderung");
        HttpResponse<String> territory = admin.postForm("/admin/gebiete?lang=de", Map.of("agencyId", "gibt-es-nicht",
            "prefix", "5x"));
        assertThat(territory.statusCode()).isEqualTo(422);
        assertThat(territory.body()).contains("Ein AGS-Präfix hat 2 Ziffern (Land), 3 (Regierungsbezirk)",
            "Diese Wirtschaftsförderung gibt es nicht.").doesNotContain("brauchen eine Wirtschaftsförderung");
    }

    /** The field is aria-invalid and names its error message, and every typed value is in the page again. */
    private static void assertInvalid(String body, BadValue form) {
        assertThat(body).as(form.action()).containsPattern("<(input|select)[^>]* id=\"" + Pattern.quote(form.fieldId())
            + "\"[^>]*aria-describedby=\"[^\"]*-error\"[^>]*aria-invalid=\"true\"");
        for (String value : form.kept()) {
            assertThat(body).as(form.action()).contains("value=\"" + value + "\"");
        }
    }

    private Http client(String who) {
        return switch (who) {
            case "admin" -> admin;
            case "staff" -> staff;
            case "coach" -> coach;
            default -> anonymous;
        };
    }

    static Map<String, Object> profile(String name, String postalCode) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("postalCode", postalCode);
        form.put("sector", "C");
        form.put("employees", "12");
        form.put("companyType", "TRADE");
        return form;
    }

    static Map<String, Object> agency(String name, String email, String days) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("shortName", "Herne");
        form.put("email", email);
        form.put("phone", "");
        form.put("website", "");
        form.put("address", "");
        form.put("firstContactDays", days);
        return form;
    }

    static Map<String, Object> programme(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("nameDe", name);
        form.put("nameEn", "Form programme");
        form.put("provider", "Land NRW");
        form.put("summaryDe", "Beschreibung.");
        form.put("summaryEn", "Summary.");
        form.put("url", "https://example.org/programm");
        form.put("regionAgs", "05");
        form.put("maxLevel", "3");
        form.put("validFrom", "2025-01-01");
        form.put("dimensions", List.of("strategy", "employees"));
        return form;
    }

    static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(form);
        copy.put(field, value);
        return copy;
    }
}
