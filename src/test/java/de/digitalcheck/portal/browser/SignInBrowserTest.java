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
 * Sign-in in a real browser, by keyboard, through the real OpenID provider, into each workspace;
 * axe-core finds no violation on any workspace page. Screenshots of each workspace go to target/screenshots.
 */
@MicronautTest(transactional = false)
class SignInBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    de.digitalcheck.portal.accounts.Accounts accounts;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    /** Signs in by keyboard: footer link, sign-in button, provider, callback — and lands in the workspace. */
    Page signIn(BrowserContext context, String subject, String email) {
        provider.nextUser(subject, Map.of("email", email, "email_verified", true));
        Page page = context.newPage();
        KeyboardUser user = new KeyboardUser(page);
        page.navigate(url("/"));
        user.activate("a[href='/anmelden']");
        assertThat(page.locator("h1")).hasText("Anmelden");
        Axe.assertNoViolations(page, "sign-in");
        user.activate("a[href='/oauth/login/oidc']");
        return page;
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void eachRoleSignsInByKeyboardAndFindsAnAccessibleWorkspace() {
        Map<String, String[]> roles = Map.of(
            "admin@digitalcheck.example.org", new String[] {"/admin", "Netzwerkverwaltung", "workspace-admin"},
            "staff@en-agentur.example.org", new String[] {"/agentur", "EN-Agentur", "workspace-agency"},
            "coach@en-agentur.example.org", new String[] {"/coach", "Mein Profil als Innovationscoach", "workspace-coach"});
        roles.forEach((email, expected) -> {
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = signIn(context, "browser-" + expected[2], email);
                assertThat(page).hasURL(url(expected[0]));
                assertThat(page.locator("h1")).containsText(expected[1]);
                assertThat(page.locator(".dc-user")).containsText("Angemeldet als");
                Axe.assertNoViolations(page, expected[2]);
                Browsers.screenshot(page, expected[2]);
                if (expected[0].equals("/admin")) {
                    // the agency pages: editing (with the logo form) and creating
                    new KeyboardUser(page).activate("a[href='/admin/agenturen/en-agentur']");
                    assertThat(page.locator("h1")).containsText("EN-Agentur");
                    assertThat(page.locator("#agency-firstContactDays")).hasValue("2");
                    Axe.assertNoViolations(page, "admin-agency-edit");
                    Browsers.screenshot(page, "workspace-admin-agency");
                    page.navigate(url("/admin/agenturen/neu"));
                    Axe.assertNoViolations(page, "admin-agency-new");
                }
                // signing out by keyboard ends the session here and at the provider (its end-session endpoint,
                // which the page's Content-Security-Policy must let the form's redirect reach), then comes back
                KeyboardUser user = new KeyboardUser(page);
                user.tabTo("form[action='/abmelden'] button");
                com.microsoft.playwright.Request endSession = page.waitForRequest(
                    request -> request.url().startsWith(provider.issuer() + "/endsession"), () -> user.press("Enter"));
                org.assertj.core.api.Assertions.assertThat(endSession.url()).contains("client_id=" + OidcProvider.CLIENT_ID,
                    "post_logout_redirect_uri=" + java.net.URLEncoder.encode(url("/"), java.nio.charset.StandardCharsets.UTF_8));
                page.waitForURL(url("/"));
                assertThat(page.locator("h1")).isVisible();
                page.navigate(url(expected[0]));
                assertThat(page.locator("h1")).hasText("Anmelden");
            }
        });
    }

    /**
     * Signing in cancelled at the provider: its answer, a navigation from its site, leads to the sign-in page, which
     * says so once (a Flash note that survives that chain of redirects); a reload, or the address that said it before
     * ({@code ?abgebrochen}), typed or sent, says nothing of it.
     */
    @Test
    void aSignInCancelledAtTheProviderIsSaidOnceOnTheSignInPage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            Browsers.followFromAnotherSite(page, url("/oauth/callback/oidc?error=access_denied&state=y"));
            assertThat(page).hasURL(url("/anmelden"));
            assertThat(page.locator("[role=alert]")).containsText("Die Anmeldung wurde nicht abgeschlossen");
            assertThat(page.locator("h1")).hasText("Anmelden");
            audit(page, "sign-in-not-completed-1280");
            page.setViewportSize(390, 844); // the same page, not loaded again: the note is said once
            audit(page, "sign-in-not-completed-390");
            page.setViewportSize(1280, 900);
            page.reload();
            assertThat(page.locator("h1")).hasText("Anmelden");
            assertThat(page.getByText("nicht abgeschlossen")).hasCount(0);
            page.navigate(url("/anmelden?abgebrochen"));
            assertThat(page.locator("h1")).hasText("Anmelden");
            assertThat(page.getByText("nicht abgeschlossen")).hasCount(0);
        }
        assertClean();
    }

    @Test
    void aStrangerSeesTheNotInvitedPage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, "browser-stranger", "stranger@example.org");
            assertThat(page).hasURL(url("/anmelden/abgelehnt"));
            assertThat(page.locator("h1")).hasText("Sie sind (noch) nicht freigeschaltet");
            Axe.assertNoViolations(page, "not-invited");
        }
    }

    /**
     * A disabled coach who signs in reads that the access is disabled and whom to ask, in German and in English (the
     * language chosen before), at both widths; by the agency: the agency or the network, by the network: the network.
     */
    @Test
    void aDisabledCoachIsToldWhomToAsk() {
        String email = "browser-gesperrt@en-agentur.example.org";
        accounts.addUnlessPresent(java.util.List.of(new de.digitalcheck.portal.accounts.Accounts.NewAccount(email,
            "Gesa Gesperrt", de.digitalcheck.portal.shared.security.Role.COACH, "en-agentur")));
        try (BrowserContext context = Browsers.newContext(browser)) {
            assertThat(signIn(context, provider, url(""), "browser-disabled", email)).hasURL(url("/coach"));
        }
        String id = accounts.byEmail(email).orElseThrow().id();
        accounts.setDisabled(id, true, "en-agentur");
        String[][] languages = {
            {"de", "Ihr Zugang ist gesperrt", "Mitarbeitenden Ihrer Wirtschaftsförderung", "Nur sie kann ihn wieder freigeben."},
            {"en", "Your access is disabled", "The staff of your economic development agency", "Only they can enable it again."}};
        for (String[] language : languages) {
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page chosen = context.newPage();
                chosen.navigate(url("/anmelden?lang=" + language[0]));
                Page page = signIn(context, provider, url(""), "browser-disabled", email);
                assertThat(page).hasURL(url("/anmelden/abgelehnt/gesperrt"));
                assertThat(page.locator("html")).hasAttribute("lang", language[0]);
                assertThat(page.locator("h1")).hasText(language[1]);
                assertThat(page.locator("#content")).containsText(language[2]);
                auditAtBothWidths(page, "sign-in-disabled-agency-" + language[0], false);
            }
        }
        accounts.setDisabled(id, true, null);
        for (String[] language : languages) {
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page chosen = context.newPage();
                chosen.navigate(url("/anmelden?lang=" + language[0]));
                Page page = signIn(context, provider, url(""), "browser-disabled", email);
                assertThat(page).hasURL(url("/anmelden/abgelehnt/gesperrt-netzwerk"));
                assertThat(page.locator("h1")).hasText(language[1]);
                assertThat(page.locator("#content")).containsText(language[3]);
                auditAtBothWidths(page, "sign-in-disabled-network-" + language[0], false);
            }
        }
        assertClean();
    }
}
