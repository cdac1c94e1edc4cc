package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Switching the language keeps what was typed on the page: a company that had filled in half of the check's first
 * page, or ticked answers of a step, and then chose English got the English page empty. With JavaScript the typed
 * values come back in the other language (hidden fields excepted); the kept values are gone after that one load, and
 * another page never gets them.
 */
@MicronautTest(transactional = false)
class LanguageSwitchKeepsInputBrowserTest extends BrowserTestSupport {

    @Inject
    EmbeddedServer server;

    @Test
    void whatWasTypedComesBackInTheOtherLanguage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/check?lang=de");
            page.locator("#name").fill("Sprachwechsel GmbH");
            page.locator("#postalCode").fill("44135");
            page.locator("#employees").fill("8");
            page.locator("#type-SERVICES").check();
            page.locator("a[hreflang=en]").click();
            page.waitForLoadState();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#name")).hasValue("Sprachwechsel GmbH");
            assertThat(page.locator("#postalCode")).hasValue("44135");
            assertThat(page.locator("#employees")).hasValue("8");
            assertThat(page.locator("#type-SERVICES")).isChecked();
            assertThat(page.locator("#error-summary")).hasCount(0);
            assertThat((Object) page.evaluate("() => sessionStorage.length")).as("nothing left behind").isEqualTo(0);
            auditAtBothWidths(page, "language-switch-kept", false);

            // back to German: kept again; then a reload serves the page as the server has it (empty)
            page.locator("a[hreflang=de]").click();
            page.waitForLoadState();
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.locator("#name")).hasValue("Sprachwechsel GmbH");
            page.reload();
            assertThat(page.locator("#name")).hasValue("");
            assertThat(page.locator("#type-SERVICES")).not().isChecked();
            // the privacy page says what the browser keeps for that moment
            page.navigate(server.getURL() + "/datenschutz");
            assertThat(page.locator("#privacy-language-switch")).containsText("Sitzungsspeicher");
        }
        assertClean();
    }
}
