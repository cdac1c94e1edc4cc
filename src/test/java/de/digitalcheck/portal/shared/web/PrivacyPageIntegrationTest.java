package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy notice stays true to the code: every cookie the portal's code sets is named on it (found in the sources,
 * so that a new cookie fails here until the page names it), the data subject's rights are there, and the periods that
 * can be configured are the configured ones — in German and English.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyPageIntegrationTest implements TestPropertyProvider {

    /** The cookies of Micronaut's OpenID Connect sign-in (its defaults: the portal does not rename them). */
    static final List<String> SIGN_IN_COOKIES = List.of("OAUTH2_STATE", "OPENID_NONCE", "OAUTH2_PKCE");

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("portal.retention.drafts", "90d", "micronaut.security.token.generator.access-token.expiration",
            "7200", "portal.retention.lead-months", "18", "portal.rate-limits.public-posts.window", "90s",
            "portal.rate-limits.public-posts.enabled", "true");
    }

    /** The names of the cookie constants ({@code *COOKIE*}, a cookie class's {@code NAME}) in the classes that use cookies. */
    static Set<String> cookieNamesInCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("io.micronaut.http.cookie.")) {
                    continue;
                }
                Matcher m = CONSTANT.matcher(source);
                while (m.find()) {
                    if (m.group(1).contains("COOKIE") || m.group(1).equals("NAME")) {
                        names.add(m.group(2));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyCookieTheCodeSetsIsNamedWithTheRightsAndTheConfiguredPeriods() throws IOException {
        Set<String> names = cookieNamesInCode();
        assertThat(names).as("the scan finds the portal's cookies").contains("lang", "csrf", "__Host-csrf",
            "check_revision", "company", "JWT");
        Http http = new Http(server, json);

        String german = http.get("/datenschutz?lang=de").body();
        String english = http.get("/datenschutz?lang=en").body();
        for (String page : List.of(german, english)) {
            String csrf = page.contains("<code>__Host-csrf</code>") ? "__Host-csrf" : "csrf";
            for (String name : names) {
                if (!name.endsWith("csrf") || name.equals(csrf)) {
                    assertThat(page).as("cookie " + name).contains("<code>" + name + "</code>");
                }
            }
            SIGN_IN_COOKIES.forEach(name -> assertThat(page).contains("<code>" + name + "</code>"));
            assertThat(page).contains("Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21", "Art. 77",
                "href=\"/mein-unternehmen\"");
        }
        assertThat(german).contains("Ihre Rechte", "Cookies", "die 90 Tage lang niemand geändert hat", "2 Stunden",
            "anonymisieren wir 18 Monate, nachdem", "nach Ablauf ihres Zeitfensters von 2 Minuten.",
            "Auskunft", "Übertragbarkeit".substring(0, 4));
        assertThat(english).contains("Your rights", "nobody changed for 90 days", "2 hours", "Erasure of your data",
            "are anonymized 18 months after", "after their window of 2 minutes ends.");
    }

    /**
     * The consent names only the agency responsible for the company's location, and staff (or the network's team) may
     * forward the lead to another agency of the network with its history: the notice says so, plainly.
     */
    @Test
    void theNoticeSaysThatARequestMayBeForwardedToAnotherAgencyWithItsHistory() {
        Http anyone = new Http(server, json);
        assertThat(anyone.get("/datenschutz?lang=de").body()).contains("id=\"privacy-forwarding\"",
            "an eine andere Wirtschaftsförderung des Netzwerks weiterleiten", "mit dem bisherigen Verlauf");
        assertThat(anyone.get("/datenschutz?lang=en").body()).contains("id=\"privacy-forwarding\"",
            "forward your request to another agency of the network", "with its history so far");
    }
}
