package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's language: {@code ?lang=}, else the {@code lang} cookie (the person's choice), else the browser's
 * {@code Accept-Language}, else German — the order the error pages of unreadable requests follow too. A first visit
 * from an English browser used to be German.
 */
@MicronautTest(transactional = false)
class PageLanguageIntegrationTest {

    private static final Pattern LANG = Pattern.compile("<html[^>]*\\blang=\"([a-z]+)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aFirstVisitIsInTheBrowsersLanguageAndAChoiceOutweighsIt() {
        Http http = new Http(server, json);
        assertThat(lang(http.get("/check"))).as("no header: German").isEqualTo("de");
        assertThat(lang(http.get("/check", "Accept-Language", "en-GB,en;q=0.9,de;q=0.5"))).isEqualTo("en");
        assertThat(http.get("/check", "Accept-Language", "en-US").body()).contains("Company name")
            .doesNotContain("Name des Unternehmens");
        assertThat(lang(http.get("/check", "Accept-Language", "de-DE,de;q=0.9,en;q=0.8"))).isEqualTo("de");
        assertThat(lang(http.get("/check", "Accept-Language", "fr-FR,en;q=0.5"))).as("the first known").isEqualTo("en");
        assertThat(lang(http.get("/check", "Accept-Language", "fr-FR,it;q=0.5"))).as("none known").isEqualTo("de");
        assertThat(lang(http.get("/check", "Accept-Language", "en;q=0"))).as("refused").isEqualTo("de");
        assertThat(lang(http.get("/check", "Accept-Language", "x;q=abc, *;q=NaN"))).as("unreadable").isEqualTo("de");
        assertThat(lang(http.get("/impressum?lang=de", "Accept-Language", "en"))).as("the link's choice").isEqualTo("de");
        // the switch's choice is kept in the cookie and outweighs the browser from then on
        assertThat(lang(http.get("/impressum", "Accept-Language", "en"))).isEqualTo("de");
        Http english = new Http(server, json);
        assertThat(lang(english.get("/impressum?lang=en"))).isEqualTo("en");
        assertThat(lang(english.get("/check", "Accept-Language", "de"))).isEqualTo("en");
    }

    /**
     * A header that cannot be read counts as none, on every kind of route: {@code -} broke the JDK's parser and
     * {@code ;} or {@code ,} Micronaut's reading of the request's locale (a 500 with Micronaut's JSON on every page).
     */
    @Test
    void anUnreadableHeaderCountsAsNoneOnPagesAndTheApi() {
        Http http = new Http(server, json);
        for (String header : new String[] {"-", ";", ",", ",;", ";;", " ; ", ",en", "en;q=2", "de-"}) {
            for (String page : new String[] {"/", "/check", "/anmelden", "/impressum", "/termin/en-agentur"}) {
                assertThat(lang(http.get(page, "Accept-Language", header))).as(header + " " + page).isEqualTo("de");
            }
            HttpResponse<String> questionnaire = http.get("/api/v1/questionnaire", "Accept-Language", header);
            assertThat(questionnaire.statusCode()).as(header).isEqualTo(200);
            assertThat(questionnaire.body()).contains("\"language\":\"de\"");
            HttpResponse<String> routing = http.get("/api/v1/routing?postalCode=1", "Accept-Language", header);
            assertThat(routing.statusCode()).as(header).isEqualTo(422);
            assertThat(routing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(routing.body()).as(header).contains("Die Postleitzahl muss aus genau fünf Ziffern bestehen.");
            HttpResponse<String> refused = http.postJson("/api/v1/assessments", "{}", "Accept-Language", header);
            assertThat(refused.statusCode()).as(header).isEqualTo(422);
            assertThat(refused.body()).as(header).contains("Eingaben verletzen Regeln");
            HttpResponse<String> unknown = http.get("/api/v1/nope", "Accept-Language", header);
            assertThat(unknown.statusCode()).as(header).isEqualTo(404);
        }
        // a readable header beside an unreadable one is dropped with it: the request is German, not an error
        assertThat(lang(http.get("/check", "Accept-Language", "en", "Accept-Language", ";"))).isEqualTo("de");
    }

    /**
     * Every HTML page names its language in {@code Content-Language} too, the same as its {@code <html lang>}, in German
     * and English, whichever way the language was chosen, error pages included; it had none. The API's JSON answers
     * (and problem+json) get none and stay JSON.
     */
    @Test
    void htmlPagesNameTheirLanguageInContentLanguageAndTheApiDoesNot() {
        Http http = new Http(server, json);
        for (String page : new String[] {"/", "/check", "/anmelden", "/impressum", "/termin/en-agentur",
            "/mein-unternehmen", "/anmelden/abgelehnt"}) {
            for (String language : new String[] {"de", "en"}) {
                HttpResponse<String> answer = http.get(page + "?lang=" + language);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(answer.headers().allValues("Content-Language")).as(page + " " + language)
                    .containsExactly(language);
                assertThat(lang(answer)).isEqualTo(language);
            }
        }
        Http browser = new Http(server, json);
        HttpResponse<String> english = browser.get("/check", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.headers().firstValue("Content-Language")).as("the browser's").hasValue("en");
        assertThat(lang(english)).isEqualTo("en");
        HttpResponse<String> missing = browser.get("/gibt-es-nicht", "Accept", "text/html", "Accept-Language", "en");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(missing.headers().firstValue("Content-Language")).as("an error page").hasValue("en");
        assertThat(missing.body()).containsPattern("<html[^>]*\\blang=\"en\"");

        HttpResponse<String> api = http.get("/api/v1/questionnaire?lang=en");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.headers().firstValue("Content-Language")).isEmpty();
        assertThat(http.map(api)).containsEntry("language", "en");
        HttpResponse<String> problem = http.get("/api/v1/routing?postalCode=1&lang=en");
        assertThat(problem.statusCode()).isEqualTo(422);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.headers().firstValue("Content-Language")).isEmpty();
        assertThat(http.map(problem)).containsKey("title");
    }

    private static String lang(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = LANG.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }
}
