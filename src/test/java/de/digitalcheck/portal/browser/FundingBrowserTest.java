package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matched funding programmes in a real browser: a level-0 and a level-3 company in Hagen and one in Ratingen see
 * different programmes, each with its reason visible, the others behind a disclosure that opens by keyboard; the
 * admin edits a programme's region as a list of AGS prefixes and its provider in English, which English result pages
 * show (the German one where there is none). axe-core finds nothing on any of these pages, on a
 * desktop and on a phone.
 */
@MicronautTest(transactional = false)
class FundingBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    String resultOf(String name, String postalCode, int level) {
        return CompletedChecks.of(questionnaires.current()).named(name).at(postalCode).sized("C", 20).level(level)
            .submit(new Http(server, json)).resultPath();
    }

    @Test
    void theEnglishResultPageNamesTheProvidersInEnglish() {
        String path = resultOf("Hagen Wire Works", "58095", 0);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(path + "?lang=en"));
            Locator funding = page.locator("#funding");
            Locator first = funding.locator("ol.dc-programmes").first().locator(":scope > li").first();
            assertThat(first.locator("p.kern-body--bold")).hasText("InnoScheck.Ruhr innovation voucher");
            assertThat(first).containsText(
                "Provided by In|Die RegionRuhr – the business development agencies of Bochum, Dortmund and Hagen");
            assertThat(funding).not().containsText("Wirtschaftsförderungen");
            assertThat(funding).not().containsText("Bundesministerium");
            funding.locator("details summary").click();
            assertThat(funding).containsText("Provided by Federal Ministry for Economic Affairs and Energy (BMWE)");
            Axe.assertNoViolations(page, "result-funding-en");
            funding.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.SCREENSHOTS.resolve("funding-en-providers-1280.png")));
            page.setViewportSize(390, 844);
            assertThat(Browsers.horizontalOverflow(page, 390)).isNull();
            Axe.assertNoViolations(page, "result-funding-en-phone");
            funding.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.SCREENSHOTS.resolve("funding-en-providers-390.png")));

            page.navigate(url(path + "?lang=de"));
            assertThat(page.locator("#funding")).containsText(
                "Träger: In|Die RegionRuhr – Wirtschaftsförderungen Bochum, Dortmund und Hagen");
            assertThat(page.locator("#funding")).not().containsText("Provided by");
        }
    }

    /** The programme names on a result page, in their order (those behind the disclosure included). */
    static List<String> programmes(Page page) {
        return page.locator("#funding li > p.kern-body--bold").allInnerTexts();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void hagenAtLevelZeroHagenAtLevelThreeAndRatingenSeeDifferentProgrammesWithTheirReasons() {
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        checks.put("hagen-0", resultOf("Hagener Drahtwerk", "58095", 0));
        checks.put("hagen-3", resultOf("Hagener Präzision", "58095", 3));
        checks.put("ratingen-0", resultOf("Ratinger Metall", "40878", 0));
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            checks.forEach((name, path) -> {
                page.navigate(url(path));
                Locator funding = page.locator("#funding");
                assertThat(funding.locator("h3")).hasText("Passende Förderprogramme");
                Locator first = funding.locator("ol.dc-programmes").first().locator(":scope > li");
                assertThat(first).hasCount(3);
                for (int i = 0; i < 3; i++) {
                    assertThat(first.nth(i).locator(".dc-reason")).isVisible();
                    assertThat(first.nth(i).locator(".dc-reason")).containsText("Passt zu Ihre");
                }
                // the others: behind "Weitere passende Programme (n)", opened by keyboard
                Locator more = funding.locator("details");
                Locator hidden = more.locator("li .dc-reason").first();
                assertThat(hidden).isHidden();
                assertThat(more.locator("summary")).containsText("Weitere passende Programme ("
                    + more.locator("li").count() + ")");
                Axe.assertNoViolations(page, "result-funding-" + name);
                more.locator("summary").focus();
                page.keyboard().press("Enter");
                assertThat(more).hasAttribute("open", "");
                assertThat(hidden).isVisible();
                Axe.assertNoViolations(page, "result-funding-open-" + name);
                lists.put(name, programmes(page));
                funding.screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve("funding-" + name + "-1280.png")));
                page.setViewportSize(390, 844);
                assertThat(Browsers.horizontalOverflow(page, 390)).isNull();
                Axe.assertNoViolations(page, "result-funding-phone-" + name);
                funding.screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve("funding-" + name + "-390.png")));
                funding.scrollIntoViewIfNeeded();
                page.evaluate("() => document.getElementById('funding').scrollIntoView()");
                page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SCREENSHOTS.resolve("funding-" + name + "-390-view.png")));
                page.setViewportSize(1280, 900);
            });
        }
        assertThat(lists.get("hagen-0")).startsWith("InnoScheck.Ruhr").isNotEqualTo(lists.get("hagen-3"))
            .isNotEqualTo(lists.get("ratingen-0"));
        assertThat(lists.get("hagen-3")).isNotEqualTo(lists.get("ratingen-0")).doesNotContain("InnoScheck.Ruhr");
        assertThat(lists.get("ratingen-0")).doesNotContain("InnoScheck.Ruhr");
    }

    /**
     * A programme's "open until" refused (a day past): the list with the error summary focused and the message at the
     * date, on a desktop and a phone; its address loaded again from the address bar (a GET to the post's address,
     * which was 405) is the list at that programme's date.
     */
    @Test
    void aRefusedOpenUntilIsShownAndItsAddressLoadsTheList() {
        findings.clear();
        provider.nextUser("browser-funding-admin", Map.of("email", "admin@digitalcheck.example.org", "email_verified", true));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(url("/admin/foerderprogramme"));
            page.fill("#until-zim", "2000-01-01");
            new KeyboardUser(page).activate("form[action='/admin/foerderprogramme/zim/gueltigkeit'] button[type=submit]");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary a[href='#until-zim']")).isVisible();
            assertThat(page.locator("#until-zim")).hasAttribute("aria-invalid", "true");
            // the message in the programme's own row, the field marked (it stood above the table, the field unmarked)
            assertThat(page.locator("tr:has(#until-zim) #validity-error")).hasText("Das Ende darf nicht vor dem Beginn liegen.");
            assertThat(page.locator("#validity-error")).hasCount(1);
            assertThat(page.locator("#until-zim")).hasClass(java.util.regex.Pattern.compile("kern-form-input__input--error"));
            assertThat(page.locator("#until-zim")).hasAttribute("aria-describedby", "validity-error");
            org.junit.jupiter.api.Assertions.assertEquals(url("/admin/foerderprogramme/zim/gueltigkeit"), page.url());
            auditAtBothWidths(page, "funding-admin-validity-error", false);
            // the address bar's reload: a GET to the post's address
            org.junit.jupiter.api.Assertions.assertEquals(200, page.navigate(url("/admin/foerderprogramme/zim/gueltigkeit")).status());
            org.junit.jupiter.api.Assertions.assertEquals(url("/admin/foerderprogramme#until-zim"), page.url());
            assertThat(page.locator("h1")).hasText("Förderprogramme");
            assertThat(page.locator("#error-summary")).hasCount(0);
        }
        assertClean();
    }

    @Test
    void theAdminEditsTheRegionAsAListOfPrefixesWithClearErrors() {
        provider.nextUser("browser-funding-admin", Map.of("email", "admin@digitalcheck.example.org", "email_verified", true));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(url("/admin/foerderprogramme"));
            assertThat(page.locator("main table")).containsText("Hagen (05914)");
            assertThat(page.locator("main table")).containsText("Nordrhein-Westfalen (05)");
            Axe.assertNoViolations(page, "admin-funding");
            Browsers.screenshot(page, "funding-admin-list-1280");
            // a programme's "Offen bis" saved by keyboard: the note that it is saved takes the focus, right under the
            // page's heading, which stays in view (a fragment in the redirect would scroll it away); before, the list
            // came back with nothing to say that the save worked
            KeyboardUser user = new KeyboardUser(page);
            user.activate("form[action='/admin/foerderprogramme/zim/gueltigkeit'] button[type=submit]");
            assertThat(page.locator("#saved")).isFocused();
            assertThat(page.locator("#saved")).hasText("Die Änderungen sind gespeichert.");
            user.assertFocusInView();
            assertThat(page.locator("h1")).isInViewport();
            Axe.assertNoViolations(page, "admin-funding-saved");

            page.navigate(url("/admin/foerderprogramme/innoscheck-ruhr"));
            assertThat(page.locator("#funding-provider")).hasValue(
                "In|Die RegionRuhr – Wirtschaftsförderungen Bochum, Dortmund und Hagen");
            assertThat(page.locator("#funding-providerEn")).hasValue(
                "In|Die RegionRuhr – the business development agencies of Bochum, Dortmund and Hagen");
            assertThat(page.locator("label[for=funding-providerEn]")).hasText("Träger (englisch)");
            assertThat(page.locator("#funding-providerEn")).hasAttribute("aria-describedby", "funding-providerEn-hint");
            assertThat(page.locator("#funding-providerEn-hint")).containsText("Englische Seiten zeigen dann den deutschen Text");
            Axe.assertNoViolations(page, "admin-funding-edit");
            page.locator("#funding-provider").scrollIntoViewIfNeeded();
            Browsers.screenshot(page, "funding-admin-edit-provider-1280");
            page.setViewportSize(390, 844);
            page.locator("#funding-providerEn").scrollIntoViewIfNeeded();
            Axe.assertNoViolations(page, "admin-funding-edit-phone");
            Browsers.screenshot(page, "funding-admin-edit-provider-390");
            page.setViewportSize(1280, 900);
            Locator region = page.locator("#funding-regionAgs");
            assertThat(region).hasValue("05112, 05113, 05117, 05119, 05170, 05512, 05513, 05562, 05911, 05913, 05914, "
                + "05915, 05916, 05954, 05978");
            assertThat(page.locator("#funding-regionAgs-hint")).containsText("05914 = Hagen");
            region.fill("05112, 05999, 5x");
            new KeyboardUser(page).activate("main form button[type=submit]");
            assertThat(page.locator("#funding-regionAgs-error")).hasText(
                "Ein AGS-Präfix hat 2 Ziffern (Land), 3 (Regierungsbezirk), 5 (Kreis oder kreisfreie Stadt) oder 8 "
                    + "(Gemeinde) – bitte prüfen: 5x");
            assertThat(region).hasAttribute("aria-invalid", "true");
            assertThat(region).hasValue("05112, 05999, 5x");
            Axe.assertNoViolations(page, "admin-funding-edit-error");
            Browsers.screenshot(page, "funding-admin-edit-error-1280");
            page.setViewportSize(390, 844);
            Axe.assertNoViolations(page, "admin-funding-edit-error-phone");
            Browsers.screenshot(page, "funding-admin-edit-error-390");
            page.setViewportSize(1280, 900);

            region.fill("05112, 05999");
            new KeyboardUser(page).activate("main form button[type=submit]");
            assertThat(page.locator("#funding-regionAgs-error")).hasText("Zu diesen Präfixen gibt es keine Gemeinde: 05999");
        }
    }
}
