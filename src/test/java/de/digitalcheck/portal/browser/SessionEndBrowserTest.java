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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Access that is taken away ends in the browser at the next page load (issue 11, item 5): a staff member works in one
 * browser, the network admin disables them in another, and the staff member's next page is the sign-in page saying
 * why. The API v1 has no signed-in routes; the same for every signed-in route and form is
 * {@code AccessRevocationIntegrationTest}.
 */
@MicronautTest(transactional = false)
class SessionEndBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

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
    void aDisabledStaffMembersNextPageIsTheSignInPageWithTheNotice() {
        try (BrowserContext staffBrowser = Browsers.newContext(browser);
             BrowserContext adminBrowser = Browsers.newContext(browser)) {
            Page staff = signIn(staffBrowser, "session-end-staff", "staff@en-agentur.example.org");
            assertThat(staff).hasURL(url("/agentur"));
            assertThat(staff.locator("h1")).containsText("Ennepe");

            Page admin = signIn(adminBrowser, "session-end-admin", "admin@digitalcheck.example.org");
            assertThat(admin).hasURL(url("/admin"));
            KeyboardUser keyboard = new KeyboardUser(admin);
            keyboard.activate(accountLink(admin, "Emil Ennepe"));
            assertThat(admin.locator("h1")).hasText("Emil Ennepe");
            keyboard.activate("form[action$='/sperren'] button");
            assertThat(admin.locator("body")).containsText("Das Konto ist gesperrt");

            // the staff member's next page load, in their own browser
            staff.reload();
            assertThat(staff).hasURL(url("/anmelden"));
            assertThat(staff.locator("[role=status]")).containsText("Ihre Sitzung wurde beendet, weil sich Ihr Zugang geändert hat");
            assertThat(staff.locator("h1")).hasText("Anmelden");
            audit(staff, "session-ended-desktop");
            staff.setViewportSize(390, 844); // the same page, not loaded again: the note is said once
            audit(staff, "session-ended-phone");
            staff.setViewportSize(1280, 900);
            // once (a Flash note): a reload, or the address that said it ("?beendet"), says nothing of it
            staff.reload();
            assertThat(staff.locator("h1")).hasText("Anmelden");
            assertThat(staff.getByText("Ihre Sitzung wurde beendet")).hasCount(0);
            staff.navigate(url("/anmelden?beendet"));
            assertThat(staff.locator("h1")).hasText("Anmelden");
            assertThat(staff.getByText("Ihre Sitzung wurde beendet")).hasCount(0);
            // the session cookie is gone: the workspace asks to sign in, and a disabled person cannot sign in again
            staff.navigate(url("/agentur"));
            assertThat(staff).hasURL(Pattern.compile(".*/anmelden.*"));
            assertThat(staff.locator("h1")).hasText("Anmelden");

            // enabled again, the person signs in as before
            keyboard.activate("form[action$='/freigeben'] button");
            assertThat(admin.locator("body")).containsText("Die Person kann sich anmelden");
            Page again = signIn(staffBrowser, "session-end-staff", "staff@en-agentur.example.org");
            assertThat(again).hasURL(url("/agentur"));

            // disabled once more, the session ends on a link followed from a web mail (a lead's mail): the note is
            // said there too, though the navigation began on another site
            keyboard.activate("form[action$='/sperren'] button");
            assertThat(admin.locator("body")).containsText("Das Konto ist gesperrt");
            Browsers.followFromAnotherSite(again, url("/agentur/leads"));
            assertThat(again).hasURL(url("/anmelden"));
            assertThat(again.locator("[role=status]"))
                .containsText("Ihre Sitzung wurde beendet, weil sich Ihr Zugang geändert hat");
            again.reload();
            assertThat(again.locator("h1")).hasText("Anmelden");
            assertThat(again.getByText("Ihre Sitzung wurde beendet")).hasCount(0);
            keyboard.activate("form[action$='/freigeben'] button");
            assertThat(admin.locator("body")).containsText("Die Person kann sich anmelden");
        }
        assertClean();
    }

    private Page signIn(BrowserContext context, String subject, String email) {
        Page page = signIn(context, provider, url(""), subject, email);
        page.waitForURL(Pattern.compile(".*/(agentur|admin|coach)$"));
        return page;
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    /** The selector of the account link (in the admin's table) whose text names the person: its address, read from the page. */
    private static String accountLink(com.microsoft.playwright.Page page, String name) {
        String href = page.locator("a[href^='/admin/konten/']")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name)).first().getAttribute("href");
        return "a[href='" + href + "']";
    }
}
