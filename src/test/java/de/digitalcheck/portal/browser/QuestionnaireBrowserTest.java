package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ForcedColors;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The questionnaire's pages around the questions, in a real browser: a first load shows no error and leaves focus
 * where the browser puts it; focus moves only to errors (and to a question the page asks after a submission); the
 * questions carry visible numbers that the errors use; the progress indicator stays in view without hiding focus; the
 * result's next steps come first on a phone and its chart shows the potential. axe-core on every page.
 */
@MicronautTest(transactional = false)
class QuestionnaireBrowserTest extends BrowserTestSupport {

    private static final String SUBMIT = "main form button[type=submit]";
    private static final String NEXT = "main form button[name=nav][value=next]";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    @Test
    void aFirstLoadShowsNoErrorSummaryAndDoesNotMoveFocus() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check"));
            assertUntouched(page, "profile-first-load");

            fillProfile(page, "Erstbesuch GmbH", "44135");
            page.click(SUBMIT);
            page.waitForURL(Pattern.compile("/step/strategy$"));
            assertUntouched(page, "step-first-load");
            assertThat(page.locator(".dc-question-number").first()).isVisible();
            assertThat(page.locator(".dc-question-number").first()).hasText(Pattern.compile("^Frage 1 von \\d+$"));

            // "Antworten ändern" from a result
            CompletedChecks.Completed done = CompletedChecks.of(questionnaires.current()).named("Ergebnis GmbH")
                .submit(new Http(server, json));
            page.navigate(url(done.resultPath()));
            assertThat(page.locator("h1")).hasText("Ihr Ergebnis");
            page.click("main a.kern-btn:has-text('Antworten ändern')");
            page.waitForURL(Pattern.compile("/check/" + Pattern.quote(done.token()) + "/profile$"));
            assertUntouched(page, "profile-change-answers");
            assertThat(page.locator("#name")).hasValue("Ergebnis GmbH");
            // a completed check's profile: back to the result (first), or on to the answers
            assertThat(page.locator("form button[type=submit]").first()).hasText("Speichern und zum Ergebnis");
            assertThat(page.locator("form button[type=submit]").nth(1)).hasText("Speichern und Antworten ändern");
            auditAtBothWidths(page, "profile-completed-check", false);
        }
        assertClean();
    }

    @Test
    void focusMovesToTheErrorsAfterABadSubmissionAndOnlyThen() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check"));

            // the profile sent empty: the summary gets focus, every message names its field, none is "…zu?: …"
            Response response = page.waitForNavigation(() -> page.click(SUBMIT));
            assertEquals(422, response.status());
            assertFocusOn(page, "error-summary");
            // KERN's focus ring around it: its 2 px outline was its border, the same focused or not
            assertKernFocusRing(page, "the error summary");
            Locator links = page.locator("#error-summary li a");
            assertEquals(5, links.count(), links.allTextContents().toString());
            for (String text : links.allTextContents()) {
                assertTrue(!text.contains("?:") && !text.contains("Bitte füllen Sie dieses Feld aus"), text);
            }
            assertThat(page.locator("#error-summary a[href='#type-OWN_PRODUCTS']"))
                .hasText("Bitte wählen Sie, was auf Ihr Unternehmen am ehesten zutrifft.");
            audit(page, "profile-errors");
            // the radio group's line takes the focus to its first option (the group's fieldset cannot take it: the
            // focus stayed on the page's body), with the group's legend in view above it
            KeyboardUser user = new KeyboardUser(page);
            user.tabTo("#error-summary a[href='#type-OWN_PRODUCTS']");
            user.press("Enter");
            user.assertFocus("#type-OWN_PRODUCTS");
            user.assertFocusInView();
            assertThat(page.locator("fieldset#companyType legend")).isInViewport();

            // the contact's name is marked as needed while an email address is typed
            assertThat(page.locator("#contact-name")).not().hasAttribute("aria-required", "true");
            page.locator("#contact-email").pressSequentially("kim@example.org");
            assertThat(page.locator("#contact-name")).hasAttribute("aria-required", "true");
            assertThat(page.locator(".kern-form-input:has(#contact-name)")).hasClass(Pattern.compile("dc-needed"));
            page.locator("#contact-email").fill("");
            page.locator("#contact-email").dispatchEvent("input");
            assertThat(page.locator("#contact-name")).not().hasAttribute("aria-required", "true");

            // a postal code with two municipalities: asked as a question, not as an error, and focus goes to it
            fillProfile(page, "Zwei Orte GmbH", "40472");
            response = page.waitForNavigation(() -> page.click(SUBMIT));
            assertEquals(422, response.status());
            assertThat(page).hasTitle(Pattern.compile("^Welche Gemeinde\\? – "));
            assertThat(page.locator("#error-summary")).hasCount(0);
            assertThat(page.locator("[role=alert]")).hasCount(0);
            assertThat(page.locator("fieldset#ags")).not().hasClass(Pattern.compile("kern-fieldset--error"));
            assertThat(page.locator("fieldset#ags legend")).hasText("Welche Gemeinde?");
            assertThat(page.getByText("gehört zu mehreren Gemeinden")).hasCount(1);
            assertFocusOn(page, "ags");
            audit(page, "profile-which-municipality");

            // the municipality chosen: on to the questions; "Weiter" with every question open
            page.check("#ags-05158028");
            page.click(SUBMIT);
            page.waitForURL(Pattern.compile("/step/strategy$"));
            assertUntouched(page, "step-before-errors");
            response = page.waitForNavigation(() -> page.click(NEXT));
            assertEquals(422, response.status());
            assertFocusOn(page, "error-summary");
            // each link names the question by the number shown on it
            Locator questionLinks = page.locator("#error-summary li a");
            assertTrue(questionLinks.count() > 1);
            for (int i = 0; i < questionLinks.count(); i++) {
                String href = questionLinks.nth(i).getAttribute("href");
                // to the question's first answer
                Locator question = page.locator("fieldset.dc-question:has(" + href + ")");
                assertThat(question.locator("input[type=radio]").first()).hasAttribute("id", href.substring(1));
                String number = question.locator(".dc-question-number").textContent();
                Matcher m = Pattern.compile("^Frage (\\d+) von \\d+$").matcher(number);
                assertTrue(m.find(), number);
                assertThat(questionLinks.nth(i)).containsText("Bitte wählen Sie eine Antwort auf Frage " + m.group(1) + ": „");
                assertThat(page.locator("#" + question.getAttribute("id") + "-error"))
                    .hasText("Bitte wählen Sie eine Antwort auf Frage " + m.group(1) + ".");
            }
            audit(page, "step-errors");
        }
        assertClean();
    }

    /**
     * The header's brand link shows KERN's focus ring (4 px, 2 px off), not the browser's thin one: it is no
     * .kern-link.
     */
    @Test
    void theBrandLinkShowsKernsFocusRing() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check"));
            KeyboardUser user = new KeyboardUser(page);
            user.tabTo("a.dc-brand");
            assertKernFocusRing(page, "the brand link");
        }
    }

    /**
     * A window too low for a sticky progress indicator (320 × 256, a phone held sideways or zoomed): it took a third
     * of the window and covered the focused question's legend. There it stays at the page's top; by Tab, every answer
     * is in view with its question's number above it.
     */
    @Test
    void aLowWindowKeepsTheProgressAtThePagesTop() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check"));
            fillProfile(page, "Niedrig GmbH", "44135");
            page.click(SUBMIT);
            page.waitForURL(Pattern.compile("/step/strategy$"));
            assertEquals("sticky", page.locator(".dc-progress").evaluate("e => getComputedStyle(e).position"));
            page.setViewportSize(320, 256);
            assertEquals("static", page.locator(".dc-progress").evaluate("e => getComputedStyle(e).position"),
                "not sticky in a window 256 px high");
            KeyboardUser user = new KeyboardUser(page);
            user.tabTo("fieldset.dc-question input[type=radio]");
            page.evaluate("() => new Promise(done => { let last = null, same = 0; const tick = () => {"
                + " same = window.scrollY === last ? same + 1 : 0; last = window.scrollY;"
                + " if (same >= 3) { done(); } else { setTimeout(tick, 50); } }; tick(); })");
            BoundingBox bar = page.locator(".dc-progress").boundingBox();
            BoundingBox focused = page.locator("fieldset.dc-question").first().locator("input[type=radio]").first()
                .boundingBox();
            assertTrue(bar.y + bar.height <= focused.y, "the progress indicator (to " + (bar.y + bar.height)
                + ") does not cover the focused answer (at " + focused.y + ")");
            audit(page, "step-low-window");
        }
        assertClean();
    }

    /**
     * The result's chart in forced colours (Windows contrast themes): the radar's labels and lines took the theme's
     * text colour (they stayed #131525 on its black) and the bars on a phone keep their level (their backgrounds went
     * blank). And the bars mark the peers' average, as their legend says ("Gestrichelt"), which they drew nowhere.
     */
    @Test
    void theResultsChartReadsInForcedColoursAndTheBarsMarkThePeers() {
        findings.clear();
        Questionnaire q = questionnaires.current();
        Http http = new Http(server, json);
        for (int i = 0; i < 5; i++) { // a benchmark needs five companies of a group
            CompletedChecks.of(q).named("Vergleich " + i + " GmbH").level(1 + i % 4).submit(http);
        }
        CompletedChecks.Completed done = CompletedChecks.of(q).named("Kontrast GmbH").level(3).submit(http);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(done.resultPath()));
            assertThat(page.locator("svg.dc-radar polygon.peer")).hasCount(1);
            // the phone's bars: one dashed mark per area at the peers' average, hidden from assistive technology
            // with the bars (the table carries the values)
            page.setViewportSize(390, 844);
            Locator marks = page.locator(".dc-bars .dc-bars__peer line.mark");
            assertEquals(page.locator(".dc-bars li").count(), marks.count(), "a peer mark in every bar");
            assertThat(page.locator(".dc-bars .dc-bars__peer").first()).isVisible(); // (a line's box has no width)
            assertNotEquals("none", marks.first().evaluate("e => getComputedStyle(e).strokeDasharray"), "dashed");
            assertThat(page.locator(".dc-legend--peers")).isVisible();
            audit(page, "result-peers-phone");
            chart(page, "questionnaire-result-chart-390");

            page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.ACTIVE));
            assertEquals(Boolean.TRUE, page.evaluate("() => matchMedia('(forced-colors: active)').matches"));
            String text = (String) page.evaluate("() => getComputedStyle(document.body).color");
            String canvas = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
            List<?> bar = (List<?>) page.evaluate("() => ['.dc-bars__level:not(.dc-w0)', '.dc-bars__track']"
                + ".map(s => getComputedStyle(document.querySelector(s)).backgroundColor)");
            assertNotEquals(bar.get(1), bar.get(0), "a level stands out from its track in forced colours");
            assertEquals(text, marks.first().evaluate("e => getComputedStyle(e).stroke"), "the peers' mark");
            Browsers.screenshot(page, "questionnaire-result-forced-colours-390");
            chart(page, "questionnaire-result-chart-forced-colours-390");
            page.setViewportSize(1280, 900);
            for (String part : List.of("text", ".peer")) {
                String paint = (String) page.locator("svg.dc-radar " + part).first()
                    .evaluate("e => getComputedStyle(e)." + (part.equals("text") ? "fill" : "stroke"));
                assertEquals(text, paint, "the radar's " + part + " in the theme's text colour");
            }
            assertNotEquals(canvas, page.locator("svg.dc-radar .axis").first()
                .evaluate("e => getComputedStyle(e).stroke"), "the axes apart from the background");
            assertNotEquals(text, page.locator("svg.dc-radar .shape").evaluate("e => getComputedStyle(e).stroke"),
                "the level in the theme's highlight, apart from the text");
            Browsers.screenshot(page, "questionnaire-result-forced-colours-1280");
            chart(page, "questionnaire-result-chart-forced-colours-1280");
            // a dark contrast theme, as the audit's (the labels were #131525 on black)
            page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.ACTIVE)
                .setColorScheme(ColorScheme.DARK));
            String light = (String) page.evaluate("() => getComputedStyle(document.body).color");
            assertEquals(light, page.locator("svg.dc-radar text").first().evaluate("e => getComputedStyle(e).fill"));
            chart(page, "questionnaire-result-chart-forced-colours-dark-1280");
            page.setViewportSize(390, 844);
            chart(page, "questionnaire-result-chart-forced-colours-dark-390");
        }
        assertClean();
    }

    @Test
    void theProgressStaysInViewAndNeverCoversTheFocusOnAPhone() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check"));
            fillProfile(page, "Lange Seite GmbH", "58452");
            page.click(SUBMIT);
            page.waitForURL(Pattern.compile("/step/strategy$"));
            page.setViewportSize(390, 844);
            audit(page, "step-phone");
            Locator progress = page.locator(".dc-progress");

            // down by Tab to "Weiter", then back up by Shift+Tab: the focus is never under the progress indicator
            KeyboardUser user = new KeyboardUser(page);
            int stops = 0;
            do {
                user.press("Tab");
                assertFocusBelow(page, progress);
                stops++;
            } while (!user.focusMatches(NEXT) && stops < KeyboardUser.MAX_TABS);
            assertTrue(user.focusMatches(NEXT), "reached Weiter by Tab");
            BoundingBox atBottom = progress.boundingBox();
            assertTrue(atBottom.y >= -1 && atBottom.y < 2, "the progress indicator sticks to the top: y=" + atBottom.y);
            assertThat(progress).isInViewport();
            for (int i = 0; i < stops - 1; i++) {
                user.press("Shift+Tab");
                assertFocusBelow(page, progress);
            }
            // following an error link keeps its question below the progress indicator too, its first answer focused
            page.click(NEXT);
            Locator lastLink = page.locator("#error-summary li a").last();
            String firstAnswer = lastLink.getAttribute("href");
            lastLink.click();
            user.assertFocus(firstAnswer);
            assertThat(page.locator("fieldset.dc-question:has(" + firstAnswer + ") legend")).isInViewport();
            assertFocusBelow(page, progress);
            BoundingBox question = page.locator("fieldset.dc-question").last().boundingBox();
            assertTrue(question.y >= progress.boundingBox().y + progress.boundingBox().height - 1,
                "question at " + question.y + " under the progress indicator");
        }
        assertClean();
    }

    @Test
    void theNextStepsComeFirstOnAPhoneAndTheChartShowsThePotential() {
        findings.clear();
        // every answer at level 3 but one at 0: that area is capped, so the potential differs from the result
        Questionnaire q = questionnaires.current();
        Map<String, String> answers = new java.util.HashMap<>(Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3));
        Questionnaire.Question capping = q.questionsOf("strategy", CompanyType.OWN_PRODUCTS).get(0);
        answers.put(capping.id(), capping.options().get(0).id());
        CompletedChecks.Completed done = CompletedChecks.of(q).named("Potenzial GmbH").answers(answers)
            .submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(done.resultPath()));
            Locator potential = page.locator("svg.dc-radar polygon.potential");
            assertThat(potential).hasCount(1);
            assertThat(potential).isVisible();
            assertNotEquals("none", potential.evaluate("e => getComputedStyle(e).strokeDasharray"), "a dotted outline");
            assertNotEquals(potential.getAttribute("points"), page.locator("svg.dc-radar polygon.shape").getAttribute("points"));
            audit(page, "result-desktop");

            page.setViewportSize(390, 844);
            page.reload();
            Locator next = page.locator("#next-steps");
            assertThat(next).isVisible();
            BoundingBox box = next.boundingBox();
            assertTrue(box.y < 844, "Ihre nächsten Schritte start on the first screen of a phone (y=" + box.y + ")");
            assertThat(page.locator("#next-title")).isInViewport();
            assertThat(page.locator("svg.dc-radar")).isHidden();
            assertThat(page.locator(".dc-bars")).isVisible();
            assertTrue(page.locator(".dc-bars .dc-bars__potential").count() > 0, "the potential in the bars");
            audit(page, "result-phone");
        }
        assertClean();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String url(String path) {
        String base = server.getURL().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static void fillProfile(Page page, String name, String postalCode) {
        page.fill("#name", name);
        page.fill("#postalCode", postalCode);
        page.selectOption("#sector", "C");
        page.fill("#employees", "12");
        page.check("#type-OWN_PRODUCTS");
    }

    /** No error summary, nothing announced as an alert, no field marked invalid, and focus not moved by the page. */
    private void assertUntouched(Page page, String name) {
        assertThat(page.locator("#error-summary")).hasCount(0);
        assertThat(page.locator("[role=alert]")).hasCount(0);
        assertThat(page.locator("[aria-invalid=true]")).hasCount(0);
        assertThat(page.locator("[data-dc-ask]")).hasCount(0);
        // app.js runs deferred: wait for it, then look where focus is
        page.waitForLoadState();
        assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), name + ": focus moved on a first load");
        audit(page, name);
    }

    /** A picture of the result's chart (radar or bars) with its legend alone, for a look after the run. */
    private static void chart(Page page, String name) {
        page.locator("figure.dc-figure").screenshot(new Locator.ScreenshotOptions()
            .setPath(Browsers.SCREENSHOTS.resolve(name + ".png")));
    }

    /** The focused element shows KERN's focus ring: a solid 4 px outline. */
    static void assertKernFocusRing(Page page, String what) {
        List<?> ring = (List<?>) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
            + " return [s.outlineStyle, s.outlineWidth]; }");
        assertEquals(List.of("solid", "4px"), ring, what + " shows KERN's focus ring");
    }

    private static void assertFocusOn(Page page, String id) {
        page.waitForLoadState();
        assertEquals(id, page.evaluate("() => document.activeElement.id"), "focused element");
    }

    private static void assertFocusBelow(Page page, Locator progress) {
        BoundingBox bar = progress.boundingBox();
        // KERN scrolls smoothly: wait until the page stands still
        page.evaluate("() => new Promise(done => { let last = null, same = 0; const tick = () => {"
            + " same = window.scrollY === last ? same + 1 : 0; last = window.scrollY;"
            + " if (same >= 3) { done(); } else { setTimeout(tick, 50); } }; tick(); })");
        // only what comes after the progress indicator can scroll under it (the header's links come before it)
        Object focused = page.evaluate("() => { const a = document.activeElement, p = document.querySelector('.dc-progress');"
            + " if (!(p.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)) return null;"
            + " const r = a.getBoundingClientRect(); return [r.top, r.bottom, a.outerHTML.slice(0, 80)]; }");
        if (focused == null) {
            return;
        }
        List<?> rect = (List<?>) focused;
        double top = ((Number) rect.get(0)).doubleValue();
        double bottom = ((Number) rect.get(1)).doubleValue();
        if (top < bar.y + bar.height - 1 || bottom > 844) {
            fail("focus hidden: " + rect.get(2) + " at " + top + "–" + bottom + ", progress indicator ends at "
                + (bar.y + bar.height));
        }
    }

    @Override
    protected void audit(Page page, String name) {
        super.audit(page, "questionnaire-" + name);
    }
}
