package de.digitalcheck.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import de.digitalcheck.portal.support.OidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every browser test class shares: one Chromium for the class (started before the first test, closed after the
 * last), skipped where there is no Chromium ({@link RequiresChromium}), and the accessibility findings of axe-core,
 * collected per test and failed on at its end ({@link #assertClean()}).
 */
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

    protected Playwright playwright;
    protected Browser browser;
    protected final List<String> findings = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        afterBrowser();
    }

    /** What a class stops after its browser (e.g. the OpenID provider). */
    protected void afterBrowser() {
    }

    /**
     * A new page of this context, signed in as the provider's next user ({@code subject}, verified {@code email}):
     * the portal's sign-in page and its provider link, by keyboard. Where the page lands is the caller's to check.
     */
    protected static Page signIn(BrowserContext context, OidcProvider provider, String portalUrl, String subject,
                                 String email) {
        provider.nextUser(subject, Map.of("email", email, "email_verified", true));
        Page page = context.newPage();
        page.navigate(portalUrl + "/anmelden");
        new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
        return page;
    }

    /**
     * Runs axe-core on the page and looks for links and buttons whose names say nothing out of context (findings are
     * collected), and keeps a screenshot named {@code name}.
     */
    protected void audit(Page page, String name) {
        String violations = Axe.violations(page, name);
        if (violations != null) {
            findings.add(violations);
        }
        String ambiguous = Browsers.ambiguousNames(page);
        if (ambiguous != null) {
            findings.add(name + " (" + page.url() + "): links or buttons of the same name do different things: " + ambiguous);
        }
        Browsers.screenshot(page, name);
    }

    /**
     * Audits the page as it is at 1280 px and again at 390 px (a phone, reloaded there: a GET page, or the answer
     * re-rendered from the same form post would be lost, so {@code reload} is false for error states, which are
     * audited at the width they were produced at), with {@code name-1280} and {@code name-390}; the phone must show
     * the page without horizontal scrolling, and a table's caption as wide as its table.
     */
    protected void auditAtBothWidths(Page page, String name, boolean reload) {
        page.setViewportSize(1280, 900);
        audit(page, name + "-1280");
        page.setViewportSize(390, 844);
        if (reload) {
            page.reload();
        }
        String overflow = Browsers.horizontalOverflow(page, 390);
        if (overflow != null) {
            findings.add(name + " does not fit a phone: " + overflow);
        }
        String squeezed = Browsers.squeezedCaptions(page);
        if (squeezed != null) {
            findings.add(name + ": a table caption is narrower than its table on a phone: " + squeezed);
        }
        audit(page, name + "-390");
        page.setViewportSize(1280, 900);
    }

    /** Fails with every accessibility finding collected since the list was last cleared. */
    protected void assertClean() {
        if (!findings.isEmpty()) {
            String all = String.join("\n\n", findings);
            int count = findings.size();
            findings.clear();
            fail(count + " accessibility finding(s):\n\n" + all);
        }
    }
}
