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

    private static String lang(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = LANG.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }
}
