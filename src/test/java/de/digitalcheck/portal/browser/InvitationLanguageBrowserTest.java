package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The inviting forms ask for the invitee's language, German preset: the network admin's and the agency staff's, in a
 * real browser, by keyboard; a refused invitation keeps the chosen language. axe-core on each state, on a desktop and
 * on a phone, without horizontal scrolling.
 */
@MicronautTest(transactional = false)
class InvitationLanguageBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void theAdminChoosesTheInviteesLanguage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "browser-invite-language-admin",
                "admin@digitalcheck.example.org");
            assertThat(page).hasURL(server.getURL() + "/admin");
            assertThat(page.locator("#invite-language legend")).hasText("Sprache der Einladung");
            assertThat(page.locator("#invite-language-de")).isChecked();
            assertThat(page.locator("#invite-language-en")).not().isChecked();
            page.locator("#invite-language").scrollIntoViewIfNeeded();
            auditAtBothWidths(page, "invite-language-admin", true);

            // refused (no name): the language chosen stays chosen
            page.fill("#invite-email", "eve@en-agentur.example.org");
            page.locator("#invite-language-en").check();
            page.locator("form[action='/admin/einladungen'] button[type=submit]").click();
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#invite-language-en")).isChecked();
            auditAtBothWidths(page, "invite-language-admin-error", false);

            page.fill("#invite-name", "Eve English");
            page.selectOption("#invite-agency", "en-agentur");
            page.locator("#invite-language-en").press("Space");
            page.locator("form[action='/admin/einladungen'] button[type=submit]").press("Enter");
            assertThat(page.locator("body")).containsText("Die Einladung ist angelegt");
            // once, after the post (a Flash note, not "?eingeladen=1" in the address): a reload says nothing
            assertThat(page).hasURL(server.getURL() + "/admin");
            page.reload();
            assertThat(page.locator("#invited")).hasCount(0);

            page.navigate(server.getURL() + "/admin?lang=en");
            assertThat(page.locator("#invite-language legend")).hasText("Language of the invitation");
            assertThat(page.locator("label[for=invite-language-de]")).hasText("German");
            auditAtBothWidths(page, "invite-language-admin-en", true);
        }
        assertClean();
    }

    @Test
    void agencyStaffChooseTheirCoachesLanguage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "browser-invite-language-staff",
                "staff@en-agentur.example.org");
            page.navigate(server.getURL() + "/agentur");
            assertThat(page.locator("#coach-language-de")).isChecked();
            page.locator("#coach-language").scrollIntoViewIfNeeded();
            auditAtBothWidths(page, "invite-language-agency", true);

            page.locator("#coach-language-en").check();
            page.locator("form[action='/agentur/coaches'] button[type=submit]").click();
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#coach-language-en")).isChecked();
            auditAtBothWidths(page, "invite-language-agency-error", false);
        }
        assertClean();
    }
}
