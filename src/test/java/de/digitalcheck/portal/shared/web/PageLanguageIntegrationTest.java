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

    private static String lang(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = LANG.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }
}
