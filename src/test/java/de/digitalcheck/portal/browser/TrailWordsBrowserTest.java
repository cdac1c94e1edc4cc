package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The staff's lead page names a trail entry of a kind without words (an old row's, a newer version's) "Sonstige
 * Änderung", never {@code ??leads.audit.action.…??}, on a desktop and on a phone; axe-core on each.
 */
@MicronautTest(transactional = false)
class TrailWordsBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void anEntryOfAKindWithoutWordsIsAnOtherChange() {
        findings.clear();
        String lead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Spur in Worten GmbH")
            .at("44135").contact("Sina Spur", "sina@spur-in-worten.example.org").sharedWithAgency()
            .submit(new Http(server, json)).document().get("lead")).get("id");
        new Database(dataSource).execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, "
                + "from_value, to_value, note) VALUES (?, ?, ?, NULL, 'Stefanie Staff', 'SOMETHING_NEW', 'alt', 'neu', NULL)",
            UUID.randomUUID().toString(), lead, Timestamp.from(Instant.now()));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "browser-trail-words",
                "staff@dortmund.example.org");
            page.navigate(server.getURL() + "/agentur/leads/" + lead);
            assertThat(page.locator("#audit-title + table, #audit-title ~ table").first())
                .containsText("Sonstige Änderung");
            assertFalse(page.content().contains("??"), "no message key on the page");
            page.locator("#audit-title").scrollIntoViewIfNeeded();
            auditAtBothWidths(page, "trail-words-other-change", true);
        }
        assertClean();
    }
}
