package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.digitalcheck.portal.readiness.Questionnaire.Dimension;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.type.Argument;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-check pages without JavaScript; run against H2 and against MySQL/MariaDB by the subclasses. */
abstract class CheckPagesContract {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    PersonalDataRequests personalData;
    @Inject
    de.digitalcheck.portal.readiness.internal.SelfCheck selfCheck;

    Http http;
    Database db;
    Questionnaire q;

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
        db = new Database(dataSource);
        q = questionnaires.current();
    }

    static Map<String, String> profile(String name, String postalCode, String type) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("postalCode", postalCode);
        form.put("sector", "C");
        form.put("employees", "42");
        form.put("companyType", type);
        return form;
    }

    /** Starts a check and returns the path of its first step. */
    String start(Map<String, String> form, String... headers) {
        HttpResponse<String> response = http.postForm("/check", form, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    static Map<String, String> stepForm(Map<String, String> answers, List<Questionnaire.Question> questions, String nav) {
        Map<String, String> form = new LinkedHashMap<>();
        questions.forEach(x -> {
            if (answers.containsKey(x.id())) {
                form.put("q." + x.id(), answers.get(x.id()));
            }
        });
        form.put("nav", nav);
        return form;
    }

    /** Answers every step with the given answers and returns the result page's path. */
    String complete(String firstStep, CompanyType type, Map<String, String> answers) {
        String location = firstStep;
        while (location.contains("/step/")) {
            String dimension = location.substring(location.lastIndexOf('/') + 1);
            HttpResponse<String> saved = http.postForm(location, stepForm(answers, q.questionsOf(dimension, type), "next"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            location = saved.headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).endsWith("/result");
        return location;
    }

    @Test
    void homeAndLegalPagesRenderInGermanByDefaultAndInEnglishOnRequest() {
        assertThat(http.get("/").body()).contains("lang=\"de\"", "Selbstcheck starten", "/assets/kern.min.css",
            "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">");
        HttpResponse<String> icon = http.get("/assets/favicon.svg");
        assertThat(icon.statusCode()).as("the page's icon is served by the portal").isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg").doesNotContain("<script", "href=");
        HttpResponse<String> english = http.get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Start the self-check");
        assertThat(english.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lang=en"));
        assertThat(http.get("/", "Cookie", "lang=en").body()).contains("Start the self-check");
        assertThat(http.get("/lizenzen").body()).contains("OpenStreetMap", "ODbL");
        assertThat(http.get("/impressum").statusCode()).isEqualTo(200);
        assertThat(http.get("/datenschutz").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageCarriesStrictSecurityHeaders() {
        HttpResponse<String> page = http.get("/check");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
            .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void profileErrorsAreShownBesideTheFieldsAndEveryTypedValueIsKept() {
        long before = db.count("assessment");
        Map<String, String> form = profile("Müller & Söhne", "4413x", "TRADE");
        form.put("employees", "-3");
        form.put("sector", "");
        HttpResponse<String> page = http.postForm("/check", form);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Die Postleitzahl muss aus genau fünf Ziffern bestehen.",
            "Die Zahl der Beschäftigten muss mindestens 1 sein", "Bitte wählen Sie die Branche Ihres Unternehmens.",
            "value=\"4413x\"", "value=\"-3\"", "value=\"Müller &amp; Söhne\"", "id=\"error-summary\"",
            "aria-invalid=\"true\"");
        assertThat(page.body()).containsPattern("value=\"TRADE\"\\s+checked");
        assertThat(db.count("assessment")).isEqualTo(before);
    }

    /**
     * A postal code typed with spaces ("58 452", around it, no-break spaces copied from a letterhead) was refused as
     * not five digits; it is the same code, stored and routed as without them. Other characters are still refused.
     */
    @Test
    void aPostalCodeTypedWithSpacesIsTheSameCodeAndRoutedTheSame() {
        String plain = start(profile("Leerzeichen Plain GmbH", "58452", "TRADE")).split("/")[2];
        Map<String, Object> expected = db.rows("SELECT postal_code, ags, municipality, agency_id FROM assessment"
            + " WHERE token_hash = ?", Tokens.hash(plain)).get(0);
        assertThat(expected.get("agency_id")).as("Witten has its agency").isNotNull();
        for (String typed : List.of("58 452", " 58452 ", "\u00a058\u00a0452\u00a0", "5 8 4 5 2", "\t58452\u202f")) {
            String token = start(profile("Leerzeichen GmbH", typed, "TRADE")).split("/")[2];
            assertThat(db.rows("SELECT postal_code, ags, municipality, agency_id FROM assessment WHERE token_hash = ?",
                Tokens.hash(token)).get(0)).as("typed as '%s'", typed).isEqualTo(expected);
            assertThat(http.get("/check/" + token + "/profile").body()).contains("value=\"58452\"");
            // and when the profile is changed later
            HttpResponse<String> changed = http.postForm("/check/" + token + "/profile",
                profile("Leerzeichen GmbH", "44 135", "TRADE"));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
            assertThat(db.value("SELECT postal_code FROM assessment WHERE token_hash = ?", Tokens.hash(token)))
                .isEqualTo("44135");
        }
        // a code with several municipalities still asks which one, naming the code as five digits
        assertThat(http.postForm("/check", profile("Leerzeichen GmbH", "40 472", "TRADE")).body())
            .contains("Düsseldorf (Nordrhein-Westfalen)", "Ratingen (Kreis Mettmann)", "value=\"40472\"");

        long before = db.count("assessment");
        for (String wrong : List.of("4413", "44a35", "44 a35", "44-135", "441355")) {
            HttpResponse<String> page = http.postForm("/check", profile("Leerzeichen GmbH", wrong, "TRADE"));
            assertThat(page.statusCode()).as(wrong).isEqualTo(422);
            assertThat(page.body()).as(wrong).contains("id=\"error-summary\"", "href=\"#postalCode\"",
                "Die Postleitzahl muss aus genau fünf Ziffern bestehen.");
        }
        assertThat(http.postForm("/check?lang=en", profile("Leerzeichen GmbH", "44a35", "TRADE")).body())
            .contains("The postal code must be exactly five digits.");
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
    }

    @Test
    void noEmployeesIsRefusedBecauseTheOwnersCount() {
        long before = db.count("assessment");
        Map<String, String> form = profile("Solo GmbH", "44135", "TRADE");
        form.put("employees", "0");
        HttpResponse<String> page = http.postForm("/check", form);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"error-summary\"", "href=\"#employees\"", "value=\"0\"",
            "Die Zahl der Beschäftigten muss mindestens 1 sein (Köpfe, einschließlich Inhaber:innen).");
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
        form.put("employees", "1");
        HttpResponse<String> one = http.postForm("/check", form);
        assertThat(one.statusCode()).as("one head, the owner, is a company").isEqualTo(303);
    }

    @Test
    void errorMessagesFollowThePageLanguage() {
        HttpResponse<String> page = http.postForm("/check?lang=en", profile("", "44135", "SERVICES"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Please enter the name of your company.").doesNotContain("Bitte geben");
    }

    @Test
    void anAmbiguousPostalCodeAsksForTheMunicipality() {
        long before = db.count("assessment");
        HttpResponse<String> page = http.postForm("/check", profile("Rheinmetall Testbetrieb", "40472", "OWN_PRODUCTS"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Düsseldorf (Nordrhein-Westfalen)", "Ratingen (Kreis Mettmann)", "name=\"ags\"", "value=\"Rheinmetall Testbetrieb\"");
        // in English the state in English
        assertThat(http.postForm("/check?lang=en", profile("Rheinmetall Testbetrieb", "40472", "OWN_PRODUCTS")).body())
            .contains("Düsseldorf (North Rhine-Westphalia)", "Ratingen (Kreis Mettmann)").doesNotContain("Nordrhein-Westfalen");
        http.get("/?lang=de");
        // a neutral question, not an error: no summary, no red group, its text once
        assertThat(page.body()).contains("<title>Welche Gemeinde? – Ihr Unternehmen", "<span>Welche Gemeinde?</span>",
                "class=\"kern-fieldset dc-ask\" id=\"ags\"", "data-dc-ask=\"true\"")
            .doesNotContain("error-summary", "kern-fieldset--error", "ags-error", "aria-invalid", "Bitte prüfen");
        assertThat(page.body().split("gehört zu mehreren Gemeinden", -1)).hasSize(2);
        assertThat(db.count("assessment")).isEqualTo(before);
        // with another error the summary lists that one only, and the question stays a question
        Map<String, String> alsoBroken = profile("Rheinmetall Testbetrieb", "40472", "OWN_PRODUCTS");
        alsoBroken.put("employees", "");
        HttpResponse<String> both = http.postForm("/check", alsoBroken);
        assertThat(both.body()).contains("id=\"error-summary\"", "href=\"#employees\"", "dc-ask")
            .doesNotContain("href=\"#ags\"", "kern-fieldset--error\" id=\"ags\"");
        Map<String, String> chosen = profile("Rheinmetall Testbetrieb", "40472", "OWN_PRODUCTS");
        chosen.put("ags", "05158028");
        assertThat(start(chosen)).contains("/step/strategy");
    }

    @Test
    void everyProfileErrorSaysWhatIsWrongWithItsField() {
        HttpResponse<String> page = http.postForm("/check", Map.of("name", "", "postalCode", "", "sector", "",
            "employees", "", "companyType", ""));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Bitte geben Sie den Namen Ihres Unternehmens an.",
                "Bitte geben Sie die Postleitzahl Ihres Standorts an.", "Bitte wählen Sie die Branche Ihres Unternehmens.",
                "Bitte geben Sie die Zahl der Beschäftigten an.",
                "Bitte wählen Sie, was auf Ihr Unternehmen am ehesten zutrifft.")
            // no label glued to a general message ("… am ehesten zu?: Bitte füllen …")
            .doesNotContain("?:", "Bitte füllen Sie dieses Feld aus.");
        // the company type's line leads to its first option, which takes the focus (the group's fieldset cannot)
        assertThat(page.body()).contains("href=\"#type-OWN_PRODUCTS\">Bitte wählen Sie, was auf Ihr Unternehmen",
            "id=\"type-OWN_PRODUCTS\"").doesNotContain("href=\"#companyType\"");
        HttpResponse<String> english = http.postForm("/check?lang=en", Map.of("name", "", "postalCode", "44135",
            "sector", "C", "employees", "3", "companyType", ""));
        assertThat(english.body()).contains("Please choose what describes your company best.").doesNotContain("?:");
    }

    @Test
    void theContactNameIsNeededOnceAnEmailAddressIsGiven() {
        HttpResponse<String> first = http.get("/check");
        assertThat(first.body()).contains("id=\"contact-name-hint\"", "Nötig, sobald Sie eine E-Mail-Adresse angeben.",
            "data-required-with=\"contact-email\"").doesNotContainPattern("id=\"contact-name\"[^>]*aria-required");
        // the group's hint (what the contact is for) is read with the group, as the booking's visit address's is
        assertThat(first.body()).contains(
            "<fieldset class=\"kern-fieldset\" id=\"contact\" aria-describedby=\"contact-hint\">",
            "<div class=\"kern-hint\" id=\"contact-hint\">");
        long before = db.count("assessment");
        Map<String, String> form = profile("Kontakt GmbH", "44135", "SERVICES");
        form.put("contactEmail", "info@kontakt.example.org");
        HttpResponse<String> page = http.postForm("/check", form);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Bitte geben Sie Ihren Namen an: Zu einer E-Mail-Adresse brauchen wir einen Namen.",
            "href=\"#contact-name\"", "value=\"info@kontakt.example.org\"");
        assertThat(page.body()).containsPattern("id=\"contact-name\"[^>]*aria-invalid=\"true\" aria-required=\"true\"");
        assertThat(db.count("assessment")).isEqualTo(before);
        form.put("contactName", "Kim Kontakt");
        assertThat(start(form)).contains("/step/");
    }

    @Test
    void questionsShowTheirNumberAndErrorsNameTheQuestion() {
        String first = start(profile("Nummern GmbH", "44135", "OWN_PRODUCTS"));
        List<Questionnaire.Question> strategy = q.questionsOf("strategy", CompanyType.OWN_PRODUCTS);
        int count = strategy.size();
        String page = http.get(first).body();
        for (int i = 1; i <= count; i++) {
            assertThat(page).contains("<span class=\"dc-question-number\">Frage " + i + " von " + count + "</span>");
        }
        assertThat(page).contains("class=\"kern-stack-xs dc-progress\"").doesNotContain("error-summary");
        // the second and the last question left open: the summary names them by number and text
        Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2);
        Map<String, String> some = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (i != 1 && i != count - 1) {
                some.put(strategy.get(i).id(), answers.get(strategy.get(i).id()));
            }
        }
        HttpResponse<String> invalid = http.postForm(first, stepForm(some, strategy, "next"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        String text = strategy.get(1).text().de();
        // the line leads to the question's first answer, which takes the focus (its fieldset cannot)
        String firstAnswer = "o-" + strategy.get(1).optionsFor(CompanyType.OWN_PRODUCTS).get(0).id();
        assertThat(invalid.body()).contains("id=\"" + firstAnswer + "\"")
            .doesNotContain("href=\"#q-" + strategy.get(1).id() + "\"");
        assertThat(invalid.body()).contains("href=\"#" + firstAnswer + "\">Bitte wählen Sie eine Antwort auf Frage 2: „"
                + text + "“</a>", "Bitte wählen Sie eine Antwort auf Frage 2.", "Bitte wählen Sie eine Antwort auf Frage " + count + ".")
            .doesNotContain("Bitte beantworten Sie diese Frage.", "Antwort auf Frage 1.");
        HttpResponse<String> english = http.postForm(first + "?lang=en", stepForm(some, strategy, "next"));
        assertThat(english.body()).contains("Question 2 of " + count, "Please choose an answer to question 2: “"
            + strategy.get(1).text().en() + "”");
    }

    @Test
    void hostileTextIsShownAsText() {
        String hostile = "<script>alert(1)</script> أكمي GmbH <img src=x onerror=alert(2)> " + "x".repeat(100);
        String step = start(profile(hostile, "58452", "OWN_PRODUCTS"));
        String token = step.split("/")[2];
        String result = complete(step, CompanyType.OWN_PRODUCTS, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2));
        String body = http.get(result).body();
        assertThat(body).doesNotContain("<script>alert(1)", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(http.get("/check/" + token + "/profile").body()).contains("&lt;img src=x onerror=alert(2)&gt;");
        // a right-to-left override makes a name read backwards to staff ("Rechnung exe.pdf"): refused at the field
        HttpResponse<String> spoofed = http.postForm("/check", profile("Rechnung \u202Efdp.exe GmbH", "58452",
            "OWN_PRODUCTS"));
        assertThat(spoofed.statusCode()).isEqualTo(422);
        assertThat(spoofed.body()).contains("Bitte nur druckbare Zeichen in einer Zeile");
    }

    @Test
    void theWholeCheckEndsInACompleteResult() {
        String step = start(profile("Stahlbau Witten GmbH", "58452", "OWN_PRODUCTS"));
        Map<String, String> answers = Answers.choose(q, CompanyType.OWN_PRODUCTS, x -> x.dimension().equals("factory") ? 1 : 3);
        String result = complete(step, CompanyType.OWN_PRODUCTS, answers);
        HttpResponse<String> page = http.get(result);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Ihr Ergebnis", "Stahlbau Witten GmbH", "<svg class=\"dc-radar\" role=\"img\"",
            "<table class=\"kern-table dc-table-stack\"", "Stufe 1 · Anfänger", "Stufe 3 · Erfahrener",
            "Wirtschaftsförderungsagentur Ennepe-Ruhr", "Was Ihre Stufe begrenzt", "Für Stufe 2:",
            "Passende Förderprogramme", "Vergleich mit anderen Unternehmen");
        for (Questionnaire.Dimension d : q.dimensions()) {
            assertThat(body).contains(d.title().de().replace("&", "&amp;"));
        }
        // the recommendation for factory level 1 and the capping question texts are shown
        assertThat(body).contains(q.recommendation("factory", 1).de().substring(0, 40));
        // closed programmes are never offered; open ones matching a weak dimension are: an open-ended one, and
        // MID-Digitalisierung while it is open (the seed's end, 31.12.2029: from 2030 it is closed, and not offered; the
        // page is of today, and this test runs on any day)
        assertThat(body).doesNotContain("Digital Jetzt", "go-digital", "MID-Innovation")
            .contains("ERP-Förderkredit Digitalisierung (KfW 511/512)");
        Object ends = db.value("SELECT valid_until FROM funding_programme WHERE id = 'mid-digitalisierung'");
        java.time.LocalDate midEnds = ends instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) ends;
        if (java.time.LocalDate.now(PortalTime.ZONE).isAfter(midEnds)) {
            assertThat(body).doesNotContain("MID-Digitalisierung");
        } else {
            assertThat(body).contains("MID-Digitalisierung");
        }
        // the score 3*(25+10+19+14+18) + 1*14 = 272 over 100 -> 2,7
        assertThat(body).contains("dc-score\">2,7<");
    }

    @Test
    void backAndForwardKeepAnswersAndTheLinkResumesWhereTheCompanyLeft() {
        String first = start(profile("Bäckerei Ünal", "44135", "SERVICES"));
        String token = first.split("/")[2];
        Map<String, String> answers = Answers.atLevel(q, CompanyType.SERVICES, 4);
        List<Questionnaire.Question> strategy = q.questionsOf("strategy", CompanyType.SERVICES);
        HttpResponse<String> next = http.postForm(first, stepForm(answers, strategy, "next"));
        String second = next.headers().firstValue("Location").orElseThrow();
        assertThat(second).endsWith("/step/operations");
        // going back with partial answers saves them without complaint
        List<Questionnaire.Question> operations = q.questionsOf("operations", CompanyType.SERVICES);
        HttpResponse<String> back = http.postForm(second, stepForm(Map.of(operations.get(0).id(),
            answers.get(operations.get(0).id())), operations, "back"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains(first);
        assertThat(http.get(first).body()).containsPattern("value=\"" + answers.get(strategy.get(0).id()) + "\"\\s+checked");
        assertThat(http.get(second).body()).containsPattern("value=\"" + answers.get(operations.get(0).id()) + "\"\\s+checked");
        // the private link resumes at the first step with an open question
        HttpResponse<String> resume = http.get("/check/" + token);
        assertThat(resume.statusCode()).isEqualTo(303);
        assertThat(resume.headers().firstValue("Location")).contains(second);
        // the result is not shown before the check is complete
        assertThat(http.get("/check/" + token + "/result").headers().firstValue("Location")).contains("/check/" + token);
    }

    @Test
    void goingForwardWithOpenQuestionsShowsErrorsAndKeepsTheGivenAnswers() {
        String first = start(profile("Lohnfertigung Hagen", "58095", "CONTRACT_MANUFACTURING"));
        List<Questionnaire.Question> strategy = q.questionsOf("strategy", CompanyType.CONTRACT_MANUFACTURING);
        Map<String, String> some = Map.of(strategy.get(0).id(), strategy.get(0).options().get(2).id());
        HttpResponse<String> page = http.postForm(first, stepForm(some, strategy, "next"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"error-summary\"", "Bitte wählen Sie eine Antwort auf Frage 2.")
            .containsPattern("value=\"" + strategy.get(0).options().get(2).id() + "\"\\s+checked");
        // and stored, as going back stores them: leaving now and coming back later (the private link) loses nothing
        assertThat(http.get(first).body()).as("the step read again")
            .containsPattern("value=\"" + strategy.get(0).options().get(2).id() + "\"\\s+checked")
            .doesNotContain("error-summary");
    }

    /**
     * A step page loaded before its questions were answered (a second tab, the browser's back button) and sent empty
     * afterwards takes no answer away: "Zurück" keeps the finished check finished, "Weiter" goes on with the stored
     * answers, and one answer sent over a stored one changes only that one. Before, both erased the dimension's
     * answers and turned the finished (even shared) check back into a draft.
     */
    @Test
    void aStalePageSentEmptyTakesNoAnswerAway() {
        String first = start(profile("Zwei Tabs GmbH", "58452", "OWN_PRODUCTS"));
        String token = first.split("/")[2];
        Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3);
        String result = complete(first, CompanyType.OWN_PRODUCTS, answers);
        String score = scoreOf(http.get(result).body());

        HttpResponse<String> back = http.postForm(first, Map.of("nav", "back"));
        assertThat(back.statusCode()).isEqualTo(303);
        HttpResponse<String> stillResult = http.get(result);
        assertThat(stillResult.statusCode()).as("the result is still there").isEqualTo(200);
        assertThat(scoreOf(stillResult.body())).isEqualTo(score);

        HttpResponse<String> forward = http.postForm(first, Map.of("nav", "next"));
        assertThat(forward.statusCode()).as(forward.body()).isEqualTo(303);
        assertThat(forward.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/step/"));
        assertThat(http.get(result).statusCode()).isEqualTo(200);

        // one answer over the stored ones: only that one changes, and the score with it
        Questionnaire.Question question = q.questionsOf("strategy", CompanyType.OWN_PRODUCTS).get(0);
        String other = question.options().stream().map(Questionnaire.Option::id)
            .filter(id -> !id.equals(answers.get(question.id()))).findFirst().orElseThrow();
        assertThat(http.postForm(first, Map.of("q." + question.id(), other, "nav", "back")).statusCode()).isEqualTo(303);
        Map<String, String> stored = selfCheck.answers(selfCheck.byToken(token).orElseThrow());
        Map<String, String> expected = new LinkedHashMap<>(answers);
        expected.put(question.id(), other);
        assertThat(stored).isEqualTo(selfCheck.questionnaireOf(selfCheck.byToken(token).orElseThrow())
            .usableAnswers(CompanyType.OWN_PRODUCTS, expected));
        assertThat(http.get(result).statusCode()).isEqualTo(200);

        // a wrong answer still stores nothing, and the refused page shows the stored answers over which it was sent
        HttpResponse<String> wrong = http.postForm(first, Map.of("q." + question.id(), "nope", "nav", "next"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        Questionnaire.Question second = q.questionsOf("strategy", CompanyType.OWN_PRODUCTS).get(1);
        assertThat(wrong.body()).containsPattern("value=\"" + answers.get(second.id()) + "\"\\s+checked");
        assertThat(selfCheck.answers(selfCheck.byToken(token).orElseThrow())).containsEntry(question.id(), other);
    }

    private static String scoreOf(String resultPage) {
        Matcher m = Pattern.compile("dc-score\">([^<]+)<").matcher(resultPage);
        assertThat(m.find()).as("the score on the result page").isTrue();
        return m.group(1);
    }

    @Test
    void notApplicableIsOfferedOnlyToTheCompanyTypesThatMayChooseIt() {
        String own = start(profile("Eigene Produkte GmbH", "58452", "OWN_PRODUCTS"));
        String ownProducts = own.replaceFirst("/step/[a-z]+$", "/step/products");
        String ownPage = http.get(ownProducts).body();
        assertThat(ownPage).contains("value=\"products-ict-1-5\"", "value=\"products-analytics-2-0\"")
            .doesNotContain("-na\"", "Trifft nicht zu");
        String contract = start(profile("Lohnfertigung Witten GmbH", "58452", "CONTRACT_MANUFACTURING"));
        String contractPage = http.get(contract.replaceFirst("/step/[a-z]+$", "/step/products")).body();
        assertThat(contractPage).contains("value=\"products-ict-1-na\"", "value=\"products-ict-2-na\"",
            "value=\"products-analytics-1-na\"", "value=\"products-analytics-2-na\"", "Trifft nicht zu");
        // a forged (or stale) form for the company with its own products: an error beside the question, nothing saved
        String token = own.split("/")[2];
        String answersBefore = selfCheck.byToken(token).orElseThrow().answers();
        List<Questionnaire.Question> products = q.questionsOf("products", CompanyType.OWN_PRODUCTS);
        Map<String, String> forged = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2);
        forged.put("products-ict-1", "products-ict-1-na");
        HttpResponse<String> refused = http.postForm(ownProducts, stepForm(forged, products, "next"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("„Trifft nicht zu“ gibt es bei dieser Frage nur für andere Unternehmensarten.")
            .doesNotContain("value=\"products-ict-1-na\"");
        assertThat(selfCheck.byToken(token).orElseThrow().answers()).isEqualTo(answersBefore);
    }

    /**
     * A check's profile page counts its steps as its question pages do: the dimensions its company type is asked (a
     * company of services has fewer than one making products), not every dimension of the questionnaire.
     */
    @Test
    void theProfileOfACheckCountsTheStepsItsQuestionPagesCount() {
        assertThat(java.util.Arrays.stream(CompanyType.values()).anyMatch(t -> q.dimensionsFor(t).size() < q.dimensions().size()))
            .as("some company type is asked fewer dimensions").isTrue();
        for (CompanyType type : CompanyType.values()) {
            String firstStep = start(profile("Schritte " + type + " GmbH", "58452", type.name()));
            String token = firstStep.split("/")[2];
            String total = String.valueOf(q.dimensionsFor(type).size() + 1);
            assertThat(http.get(firstStep).body()).as(type + ": its first question page").contains("Schritt 2 von " + total);
            assertThat(http.get("/check/" + token + "/profile").body()).as(type + ": its profile")
                .contains("Schritt 1 von " + total);
            // a profile sent back with an error counts the same
            Map<String, String> bad = profile("Schritte " + type + " GmbH", "5845", type.name());
            HttpResponse<String> refused = http.postForm("/check/" + token + "/profile", bad);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Schritt 1 von " + total);
        }
    }

    @Test
    void aNotApplicableAnswerThatNoLongerFitsTheCompanyTypeCountsAsUnanswered() {
        String first = start(profile("Wechsel GmbH", "58452", "CONTRACT_MANUFACTURING"));
        String token = first.split("/")[2];
        Map<String, String> answers = Answers.atLevel(q, CompanyType.CONTRACT_MANUFACTURING, 3);
        q.questionsOf("products", CompanyType.CONTRACT_MANUFACTURING).forEach(x -> answers.put(x.id(), x.id() + "-na"));
        String result = complete(first, CompanyType.CONTRACT_MANUFACTURING, answers);
        assertThat(http.get(result).body()).contains("dc-score\">3,0<");
        // the company now says it makes products of its own: the "not applicable" answers no longer count
        Map<String, String> form = profile("Wechsel GmbH", "58452", "OWN_PRODUCTS");
        HttpResponse<String> changed = http.postForm("/check/" + token + "/profile", form);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(selfCheck.byToken(token).orElseThrow().completed()).isFalse();
        HttpResponse<String> resume = http.get("/check/" + token);
        assertThat(resume.statusCode()).isEqualTo(303);
        assertThat(resume.headers().firstValue("Location")).get().asString().endsWith("/step/products");
        HttpResponse<String> page = http.get("/check/" + token + "/step/products");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("-na\"").doesNotContainPattern("value=\"products-[a-z0-9-]+\"\\s+checked");
        assertThat(http.get(result).statusCode()).isEqualTo(303);
        // answered at level 0 now, the check is complete again: 81 × 3 / 100 = 2.4
        HttpResponse<String> saved = http.postForm("/check/" + token + "/step/products", stepForm(
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 0), q.questionsOf("products", CompanyType.OWN_PRODUCTS), "next"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(http.get(result).body()).contains("dc-score\">2,4<");
    }

    @Test
    void unknownOrForgedLinksFindNothing() {
        assertThat(http.get("/check/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(http.get("/check/abc/result").body()).contains("Dieser Link ist nicht (mehr) gültig");
        String first = start(profile("Test GmbH", "44135", "TRADE"));
        String token = first.split("/")[2];
        assertThat(http.get("/check/" + token + "/step/products").statusCode()).isEqualTo(404);
        assertThat(http.get("/no/such/page").body()).contains("Diese Seite gibt es nicht.");
    }

    @Test
    void peersAreComparedOnlyInGroupsOfAtLeastFive() {
        // sector R is used by no other test: the first companies see no comparison or a broader group
        Map<String, String> answers = Answers.atLevel(q, CompanyType.SERVICES, 2);
        String lastResult = null;
        for (int i = 0; i < 6; i++) {
            Map<String, String> form = profile("Theater " + i, "44135", "SERVICES");
            form.put("sector", "R");
            form.put("employees", "120");
            lastResult = complete(start(form), CompanyType.SERVICES, answers);
        }
        assertThat(http.get(lastResult).body()).contains("Verglichen mit 5 Unternehmen (gleiche Branche und Größenklasse)");
    }

    @Test
    void aRepeatedCheckShowsTheProgressAgainstThePreviousResult() {
        String first = start(profile("Werkzeugbau Unna", "59425", "OWN_PRODUCTS"));
        String token = first.split("/")[2];
        complete(first, CompanyType.OWN_PRODUCTS, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        HttpResponse<String> again = http.postForm("/check/" + token + "/again", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        String second = again.headers().firstValue("Location").orElseThrow();
        assertThat(second).doesNotContain(token).contains("/step/strategy");
        String result = complete(second, CompanyType.OWN_PRODUCTS, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3));
        assertThat(http.get(result).body()).contains("Ihr Fortschritt", "lag Ihr Punktwert bei 1,0; heute bei 3,0.");
        assertThat(http.get("/check/" + token + "/result").body()).doesNotContain("Ihr Fortschritt");
    }

    @Test
    void aCheckWithoutContactIsErasedThroughItsOwnLinkAndNothingElseIs() {
        Map<String, String> answers = Answers.atLevel(q, CompanyType.TRADE, 2);
        String first = start(profile("Löschbar ohne Kontakt GmbH", "58452", "TRADE"));
        String token = first.split("/")[2];
        String result = complete(first, CompanyType.TRADE, answers);
        String other = start(profile("Bleibt Bestehen GmbH", "58452", "TRADE"));
        assertThat(http.get(result).body()).contains("/check/" + token + "/loeschen");
        assertThat(http.get("/check/" + token + "/profile").body()).contains("/check/" + token + "/loeschen");

        HttpResponse<String> ask = http.get("/check/" + token + "/loeschen");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Daten dieses Selbstchecks löschen", "Jetzt löschen", "action=\"/check/" + token + "/loeschen\"")
            .doesNotContain("kern-alert--danger", "Weitere Selbstchecks mit der E-Mail-Adresse");
        assertThat(db.value("SELECT company_name FROM assessment WHERE token_hash = ?", Tokens.hash(token)))
            .as("asking erases nothing").isEqualTo("Löschbar ohne Kontakt GmbH");

        HttpResponse<String> forged = http.postRawForm("/check/" + token + "/loeschen", Map.of("_csrf", "A".repeat(43)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(http.get(result).statusCode()).as("a forged post erases nothing").isEqualTo(200);

        Object id = db.value("SELECT id FROM assessment WHERE token_hash = ?", Tokens.hash(token));
        HttpResponse<String> erased = http.postForm("/check/" + token + "/loeschen", Map.of());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Die Daten sind gelöscht");
        Map<String, Object> anonymous = db.rows("SELECT * FROM assessment WHERE id = ?", id).get(0);
        assertThat(anonymous.get("employees")).as("the size class's smallest head count, not 42")
            .isEqualTo(10);
        assertThat(anonymous.get("size_class")).isEqualTo("SMALL");
        for (String time : List.of("created_at", "updated_at", "completed_at")) {
            Object value = anonymous.get(time);
            java.time.LocalDateTime utc = value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (java.time.LocalDateTime) value;
            java.time.LocalDateTime at = PortalTime.local(utc.toInstant(java.time.ZoneOffset.UTC)).toLocalDateTime();
            assertThat(at).as(time + ": the month only (in Berlin)")
                .isEqualTo(at.toLocalDate().withDayOfMonth(1).atStartOfDay());
        }
        assertThat(http.get(result).statusCode()).isEqualTo(404);
        assertThat(http.get("/check/" + token + "/report.pdf").statusCode()).isEqualTo(404);
        assertThat(http.get("/check/" + token + "/loeschen").statusCode()).isEqualTo(404);
        assertThat(http.postForm("/check/" + token + "/loeschen", Map.of()).statusCode()).as("twice").isEqualTo(404);
        assertThat(db.rows("SELECT * FROM assessment WHERE company_name = ?", "Löschbar ohne Kontakt GmbH")).isEmpty();
        assertThat(db.rows("SELECT * FROM assessment WHERE company_name = '' AND ags = '05954000' AND status = 'COMPLETED'"))
            .as("the anonymous scores stay").isNotEmpty();
        assertThat(http.get(other).statusCode()).as("another check is untouched").isEqualTo(200);
    }

    @Test
    void erasingOneCheckOfAContactKeepsTheContactsOtherChecks() {
        Map<String, String> form = profile("Zwei Checks GmbH", "44135", "TRADE");
        form.put("contactName", "Erika Muster");
        form.put("contactEmail", "zwei-checks@example.org");
        String first = start(form);
        String second = start(form);
        String token = first.split("/")[2];
        assertThat(http.get("/check/" + token + "/loeschen").body()).contains(
            "<span class=\"dc-address\">zwei-checks@<wbr>example.<wbr>org</span>", "Mein Unternehmen");
        assertThat(http.postForm("/check/" + token + "/loeschen", Map.of()).statusCode()).isEqualTo(200);
        assertThat(http.get(first).statusCode()).isEqualTo(404);
        assertThat(http.get(second).statusCode()).isEqualTo(200);
        assertThat(db.rows("SELECT id FROM assessment WHERE contact_email = ?", "zwei-checks@example.org")).hasSize(1);
    }

    @Test
    void anUnknownLinkCannotBeErased() {
        HttpResponse<String> unknown = http.postForm("/check/" + Tokens.newToken() + "/loeschen", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Dieser Link ist nicht (mehr) gültig");
        assertThat(http.postForm("/check/kurz/loeschen", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void savesOfEveryDimensionAtTheSameMomentAreAllKept() throws Exception {
        String first = start(profile("Parallel GmbH", "44135", "OWN_PRODUCTS"));
        String token = first.split("/")[2];
        List<String> dimensions = q.dimensionsFor(CompanyType.OWN_PRODUCTS).stream().map(Dimension::id).toList();
        ExecutorService tabs = Executors.newFixedThreadPool(dimensions.size());
        try {
            for (int level = 1; level <= 3; level++) {
                // one browser tab per dimension, all saving (partially: "back") at the same moment
                Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, level);
                CyclicBarrier together = new CyclicBarrier(dimensions.size());
                List<Future<Integer>> saves = dimensions.stream().map(d -> tabs.submit(() -> {
                    Map<String, String> form = stepForm(answers, q.questionsOf(d, CompanyType.OWN_PRODUCTS), "back");
                    together.await();
                    return http.postForm("/check/" + token + "/step/" + d, form).statusCode();
                })).toList();
                for (Future<Integer> save : saves) {
                    assertThat(save.get()).isEqualTo(303);
                }
                String stored = (String) db.value("SELECT answers FROM assessment WHERE token_hash = ?", Tokens.hash(token));
                assertThat(json.readValue(stored, Argument.mapOf(String.class, String.class)))
                    .as("level %d: no tab's answers lost", level).isEqualTo(answers);
                // and every page shows them, whichever revision the browser saw last
                String page = http.get("/check/" + token + "/step/" + dimensions.get(dimensions.size() - 1)).body();
                String lastQuestion = q.questionsOf(dimensions.get(dimensions.size() - 1), CompanyType.OWN_PRODUCTS).get(0).id();
                assertThat(page).containsPattern("value=\"" + answers.get(lastQuestion) + "\"\\s+checked");
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void erasingPersonalDataWhileTheCheckIsBeingSavedSucceedsAndLosesNothingHalfway() throws Exception {
        List<Questionnaire.Question> strategy = q.questionsOf("strategy", CompanyType.OWN_PRODUCTS);
        ExecutorService tabs = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 5; round++) {
                String email = "race-" + round + "@example.org";
                Map<String, String> form = profile("Löschfirma " + round + " GmbH", "44135", "OWN_PRODUCTS");
                form.put("contactName", "Erika Muster");
                form.put("contactEmail", email);
                String first = start(form);
                String token = first.split("/")[2];
                // three tabs keep saving while the company erases its data
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<List<Integer>>> saves = new java.util.ArrayList<>();
                for (int tab = 0; tab < 3; tab++) {
                    int offset = tab;
                    saves.add(tabs.submit(() -> {
                        together.await();
                        List<Integer> statuses = new java.util.ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            statuses.add(http.postForm(first, stepForm(Answers.atLevel(q, CompanyType.OWN_PRODUCTS,
                                1 + (i + offset) % 4), strategy, "back")).statusCode());
                        }
                        return statuses;
                    }));
                }
                together.await();
                Thread.sleep(10L * (round + 1));
                assertThat(personalData.erase(email)).as("round %d", round).containsEntry("checks", 1);
                // every save happened before the erasure or found the link no longer working: never an error
                for (Future<List<Integer>> tab : saves) {
                    assertThat(tab.get()).as("round %d", round).allMatch(status -> status == 303 || status == 404);
                }
                assertThat(http.get(first).statusCode()).isEqualTo(404);
                assertThat(db.rows("SELECT id FROM assessment WHERE token_hash = ?", Tokens.hash(token))).isEmpty();
                assertThat(db.rows("SELECT id FROM assessment WHERE contact_email = ?", email)).isEmpty();
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void draftsUnchangedForTheRetentionTimeAreDeletedAndNothingElseIs() {
        Map<String, String> form = profile("Vergessener Entwurf GmbH", "44135", "TRADE");
        form.put("contactName", "Erika Alt");
        form.put("contactEmail", "alter-entwurf@example.org");
        String stale = start(form);
        String fresh = start(profile("Frischer Entwurf GmbH", "44135", "TRADE"));
        String completedStale = complete(start(profile("Alter Abschluss GmbH", "44135", "TRADE")), CompanyType.TRADE,
            Answers.atLevel(q, CompanyType.TRADE, 2));
        java.sql.Timestamp longAgo = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusDays(200));
        db.execute("UPDATE assessment SET updated_at = ?, created_at = ? WHERE company_name IN (?, ?)", longAgo, longAgo,
            "Vergessener Entwurf GmbH", "Alter Abschluss GmbH");

        assertThat(selfCheck.deleteDraftsUnchangedFor(java.time.Duration.ofDays(180), 500)).isGreaterThanOrEqualTo(1);

        assertThat(db.rows("SELECT * FROM assessment WHERE company_name = ?", "Vergessener Entwurf GmbH"))
            .as("the stale draft and its contact data are gone").isEmpty();
        assertThat(db.rows("SELECT * FROM assessment WHERE contact_email = ?", "alter-entwurf@example.org")).isEmpty();
        assertThat(http.get(stale).statusCode()).as("its link opens nothing").isEqualTo(404);
        assertThat(http.get(fresh).statusCode()).as("a recent draft stays").isEqualTo(200);
        assertThat(http.get(completedStale).statusCode()).as("a result is not a draft").isEqualTo(200);
    }
}
