package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The self-check in a real browser (Debian's Chromium through Playwright), by keyboard alone, in German and
 * in English, with axe-core (WCAG 2.1 A/AA) on every page visited. The application runs in-process with the
 * test environment (H2 in memory, demo data, random port).
 *
 * <p>The flow itself only uses the keyboard (Tab, arrow keys, Space, Enter, typing); locators and
 * {@code page.evaluate} are used to check focus and state, and {@code page.navigate} only for the entry
 * points a user would type or paste into the address bar (the start page, the private link, legal pages).
 */
@MicronautTest(transactional = false)
class SelfCheckBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    /** The whole German result page, for a look after the run (the README shows a curated crop). */
    static final Path README_SCREENSHOT = Browsers.SCREENSHOTS.resolve("result-de-full.png");

    private static final Pattern STEP = Pattern.compile("/check/([^/?#]+)/step/([a-z-]+)$");
    private static final String NEXT = "main form button[name=nav][value=next]";
    private static final String BACK = "main form button[name=nav][value=back]";
    private static final String SUBMIT = "main form button[type=submit]";
    private static final String START = "main a[href='/check']";
    private static final List<String> DIMENSIONS =
        List.of("strategy", "factory", "operations", "products", "services", "employees");

    @Inject
    EmbeddedServer server;

    /** An installation with its provider's details entered: the imprint and the privacy notice show them. */
    @Override
    public Map<String, String> getProperties() {
        return Map.ofEntries(
            Map.entry("portal.operator.name", "Wirtschaftsförderungsgesellschaft für den Kreis Unna mbH (Beispiel)"),
            Map.entry("portal.operator.address", "Friedrich-Ebert-Straße 19; 59425 Unna"),
            Map.entry("portal.operator.email", "digitalcheck@wfg-kreis-unna.example.org"),
            Map.entry("portal.operator.phone", "+49 2303 0000-0"),
            Map.entry("portal.operator.representative", "die Geschäftsführung"),
            Map.entry("portal.operator.privacy-officer", "datenschutz@wfg-kreis-unna.example.org"),
            Map.entry("portal.operator.supervisory-authority",
                "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"),
            Map.entry("portal.operator.processors",
                "Rechenzentrum Beispiel GmbH (Betrieb des Portals), Mailversand Beispiel AG"),
            Map.entry("portal.accessibility.status", "partial"),
            Map.entry("portal.accessibility.assessed", "2026-11-20"),
            Map.entry("portal.accessibility.method", "Selbstbewertung"),
            Map.entry("portal.accessibility.method-en", "Self-assessment"),
            Map.entry("portal.accessibility.limitations",
                "Beispiel: eine Grafik ohne Textalternative, ihre Angaben stehen im Text darunter"),
            Map.entry("portal.accessibility.enforcement",
                "Schlichtungsstelle (Beispiel), Beispielweg 2, 59425 Unna"),
            Map.entry("portal.accessibility.enforcement-url", "https://schlichtung.example.org"));
    }

    @Test
    void wholeCheckByKeyboardInGerman() {
        Audit audit = new Audit();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            KeyboardUser user = new KeyboardUser(page);

            page.navigate(url("/"));
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            audit.check(page, "de-home");

            // Start: Tab to "Selbstcheck starten", Enter.
            user.tabTo(START);
            assertThat(page.locator(START)).hasText("Selbstcheck starten");
            user.pressForPage("Enter");
            assertEquals(url("/check"), page.url());
            assertThat(page.locator("h1")).hasText("Ihr Unternehmen");
            assertThat(page.locator("#progress-label")).hasText("Schritt 1 von 7");
            audit.check(page, "de-profile");

            // The profile, first without the number of employees and without the municipality.
            user.tabTo("#name");
            user.type("Muster Maschinenbau GmbH");
            user.tabTo("#postalCode");
            user.type("40472");
            user.tabTo("#sector");
            user.type("C");
            assertThat(page.locator("#sector")).hasValue("C");
            user.chooseRadio("companyType", 0);
            assertThat(page.locator("#type-OWN_PRODUCTS")).isChecked();
            Response response = user.activate(SUBMIT);

            // Errors: a summary linking to each field (the municipality is a question, not an error), and nothing
            // typed is lost.
            assertEquals(422, response.status());
            assertThat(page).hasTitle(Pattern.compile("^Bitte prüfen Sie Ihre Angaben – "));
            Locator summary = page.locator("#error-summary");
            assertThat(summary).isVisible();
            user.assertFocus("#error-summary");
            assertThat(summary.locator("a[href='#ags']")).hasCount(0);
            assertThat(summary.locator("a[href='#employees']")).hasCount(1);
            assertThat(page.locator("fieldset#ags")).hasClass(Pattern.compile("dc-ask"));
            assertThat(page.locator("#employees")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#name")).hasValue("Muster Maschinenbau GmbH");
            assertThat(page.locator("#postalCode")).hasValue("40472");
            assertThat(page.locator("#sector")).hasValue("C");
            assertThat(page.locator("#type-OWN_PRODUCTS")).isChecked();
            List<String> municipalities = page.locator("#ags label").allTextContents();
            assertEquals(2, municipalities.size(), "municipalities of 40472: " + municipalities);
            assertTrue(municipalities.stream().anyMatch(m -> m.contains("Düsseldorf")), municipalities::toString);
            int ratingen = indexOfContaining(municipalities, "Ratingen");
            audit.check(page, "de-profile-errors");

            // Choose Ratingen with the arrow keys, give the number of employees, continue.
            user.chooseRadio("ags", ratingen);
            user.tabTo("#employees");
            user.type("42");
            user.activate(SUBMIT);
            String token = assertStep(page, "strategy");
            assertThat(page.locator("#progress-label")).hasText("Schritt 2 von 7");
            String resumePath = URI.create(page.locator("#resume-link").inputValue()).getPath();
            assertEquals("/check/" + token, resumePath);
            assertThat(page.locator("button[data-copy='resume-link']")).isVisible(); // the script shows it

            Map<String, Integer> given = new LinkedHashMap<>();
            // strategy 3, factory 2, operations 4: every question answered, then "Weiter".
            audit.check(page, "de-step-strategy");
            answerAll(user, given, around(3));
            assertThat(page.locator(NEXT)).hasText("Weiter");
            user.activate(NEXT);
            assertStep(page, "factory");
            audit.check(page, "de-step-factory");
            answerAll(user, given, around(2));
            user.activate(NEXT);
            assertStep(page, "operations");
            audit.check(page, "de-step-operations");
            answerAll(user, given, around(4));
            user.activate(NEXT);

            // products: the last question left open, then "Weiter" – the page comes back with an error summary.
            assertStep(page, "products");
            audit.check(page, "de-step-products");
            List<String> products = user.questionNames();
            String open = products.get(products.size() - 1);
            for (int i = 0; i < products.size() - 1; i++) {
                choose(user, given, products.get(i), around(1).applyAsInt(i, user.optionCount(products.get(i))));
            }
            response = user.activate(NEXT);
            assertEquals(422, response.status());
            assertStep(page, "products");
            assertThat(page).hasTitle(Pattern.compile("^Bitte beantworten Sie alle Fragen – "));
            assertThat(summary).isVisible();
            String openId = open.substring("q.".length());
            // the line leads to the open question's first answer (its fieldset cannot take the focus)
            String firstAnswer = page.locator("fieldset#q-" + openId + " input[type=radio]").first().getAttribute("id");
            assertThat(summary.locator("a[href='#" + firstAnswer + "']")).hasCount(1);
            assertThat(page.locator("fieldset#q-" + openId)).hasClass(Pattern.compile("kern-fieldset--error"));
            assertThat(page.locator("#q-" + openId + "-error")).isVisible();
            assertChecked(user, given, products.subList(0, products.size() - 1));
            assertEquals(-1, user.checkedIndexIn(open), "the open question stays unanswered");
            audit.check(page, "de-step-products-errors");

            // Follow the summary's link by keyboard: the open question's first answer has the focus, its question in
            // view.
            user.tabTo("#error-summary a[href='#" + firstAnswer + "']");
            user.press("Enter");
            user.assertFocus("input[name=\"" + open + "\"]");
            user.assertFocusInView();
            assertThat(page.locator("fieldset#q-" + openId + " legend")).isInViewport();
            user.press("Space");
            given.put(open, 0);
            assertEquals(0, user.checkedIndexIn(open));
            user.activate(NEXT);

            // services: answer the first question only, then "Zurück" – products keeps all its answers.
            assertStep(page, "services");
            assertThat(page.locator("#progress-label")).hasText("Schritt 6 von 7");
            audit.check(page, "de-step-services");
            List<String> services = user.questionNames();
            choose(user, given, services.get(0), 2);
            assertThat(page.locator(BACK)).hasText("Zurück");
            user.activate(BACK);
            assertStep(page, "products");
            assertChecked(user, given, products);

            // The private link, opened in a fresh browser context: the first unanswered page, answers kept.
            try (BrowserContext other = Browsers.newContext(browser)) {
                Page resumed = other.newPage();
                resumed.navigate(url(resumePath));
                assertStep(resumed, "services");
                KeyboardUser elsewhere = new KeyboardUser(resumed);
                assertEquals(2, elsewhere.checkedIndexIn(services.get(0)), "answer saved by 'Zurück'");
                for (String name : services.subList(1, services.size())) {
                    assertEquals(-1, elsewhere.checkedIndexIn(name), name + " was never answered");
                }
                audit.check(resumed, "de-resumed-services");
                resumed.navigate(url("/check/" + token + "/step/strategy"));
                assertStep(resumed, "strategy");
                assertChecked(elsewhere, given, elsewhere.questionNames());
            }

            // On: products again ("Weiter"), the rest of services, employees, "Auswerten".
            user.activate(NEXT);
            assertStep(page, "services");
            assertEquals(2, user.checkedIndexIn(services.get(0)));
            for (int i = 1; i < services.size(); i++) {
                choose(user, given, services.get(i), around(2).applyAsInt(i, user.optionCount(services.get(i))));
            }
            user.activate(NEXT);
            assertStep(page, "employees");
            audit.check(page, "de-step-employees");
            answerAll(user, given, around(3));
            assertThat(page.locator(NEXT)).hasText("Auswerten");
            user.activate(NEXT);

            // The result.
            assertEquals(url("/check/" + token + "/result"), page.url());
            assertResult(page, "Ihr Ergebnis", Pattern.compile("^\\d,\\d$"), "Stufe ",
                "Sprechen Sie mit Ihrer Wirtschaftsförderung");
            // products capped at 0 (the answer given from the error summary), so the overall level is low – and the
            // potential (without that answer) shows beside it, in the chart as a second outline
            assertThat(page.locator(".kern-table tbody tr").nth(3)).containsText("Stufe 0");
            assertThat(page.locator(".dc-potential")).isVisible();
            assertThat(page.locator("svg.dc-radar polygon.potential")).hasCount(1);
            assertThat(page.locator("#agency-intro")).containsText("40472 Ratingen");
            audit.check(page, "de-result");
            Browsers.screenshot(page, README_SCREENSHOT);

            // On a phone: the next steps start on the first screen, the chart becomes bars, the table stacks.
            page.setViewportSize(390, 844);
            page.reload();
            assertTrue(page.locator("#next-title").boundingBox().y < 844, "next steps above the fold on a phone");
            assertThat(page.locator("svg.dc-radar")).isHidden();
            assertThat(page.locator(".dc-bars")).isVisible();
            assertThat(page.locator(".dc-table-stack thead")).not().isInViewport();
            assertNull(Browsers.squeezedCaptions(page), "the table's caption spans the stacked table");
            audit.check(page, "de-result-phone");
            page.setViewportSize(1280, 900);

            // The private link after completion leads to the result, in a fresh context too.
            try (BrowserContext other = Browsers.newContext(browser)) {
                Page resumed = other.newPage();
                resumed.navigate(url(resumePath));
                assertEquals(url("/check/" + token + "/result"), resumed.url());
                assertThat(resumed.locator("h1")).hasText("Ihr Ergebnis");
                assertThat(resumed.locator(".dc-score")).hasText(page.locator(".dc-score").textContent());
            }
        }
        audit.assertClean();
    }

    @Test
    void wholeCheckByKeyboardInEnglish() {
        Audit audit = new Audit();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            KeyboardUser user = new KeyboardUser(page);

            // Switch the language with the header link "English", by keyboard.
            page.navigate(url("/"));
            user.tabTo("header a[hreflang=en]");
            assertThat(page.locator("header a[hreflang=en]")).hasText("English");
            user.pressForPage("Enter");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("How digital is your company?");
            audit.check(page, "en-home");

            user.tabTo(START);
            assertThat(page.locator(START)).hasText("Start the self-check");
            user.pressForPage("Enter");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Your company");
            audit.check(page, "en-profile");

            user.tabTo("#name");
            user.type("Example Contract Works Ltd");
            user.tabTo("#postalCode");
            user.type("44135");
            // The sector with the arrow keys on the closed select: "Please choose" → A → B → C.
            user.tabTo("#sector");
            for (int i = 0; i < 3; i++) {
                user.press("ArrowDown");
            }
            assertThat(page.locator("#sector")).hasValue("C");
            user.tabTo("#employees");
            user.type("8");
            user.chooseRadio("companyType", 1);
            assertThat(page.locator("#type-CONTRACT_MANUFACTURING")).isChecked();
            assertThat(page.locator(SUBMIT)).hasText("Continue to the questions");
            user.activate(SUBMIT);

            String token = assertStep(page, "strategy");
            assertThat(page.locator("#progress-label")).hasText("Step 2 of 7");
            Map<String, Integer> given = new LinkedHashMap<>();
            int[] levels = {1, 2, 1, -1, 0, 2};
            for (int d = 0; d < DIMENSIONS.size(); d++) {
                String dimension = DIMENSIONS.get(d);
                assertStep(page, dimension);
                audit.check(page, "en-step-" + dimension);
                // Contract manufacturing may answer "not applicable" (the last option) for smart products.
                answerAll(user, given, levels[d] < 0 ? (i, count) -> count - 1 : around(levels[d]));
                boolean last = d == DIMENSIONS.size() - 1;
                assertThat(page.locator(NEXT)).hasText(last ? "See my result" : "Next");
                assertThat(page.locator(BACK)).hasText("Back");
                user.activate(NEXT);
            }

            assertEquals(url("/check/" + token + "/result"), page.url());
            assertResult(page, "Your result", Pattern.compile("^\\d\\.\\d$"), "Level ", "Talk to your economic development agency");
            assertThat(page.locator(".kern-table tbody tr").nth(3)).containsText("not applicable");
            assertThat(page.locator("#agency-intro")).containsText("44135 Dortmund");
            audit.check(page, "en-result");

            // And back to German with the header link "Deutsch".
            user.tabTo("header a[hreflang=de]");
            assertThat(page.locator("header a[hreflang=de]")).hasText("Deutsch");
            user.pressForPage("Enter");
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.locator("h1")).hasText("Ihr Ergebnis");
            audit.check(page, "en-result-switched-to-de");
        }
        audit.assertClean();
    }

    @Test
    void withoutJavaScriptNoButtonShowsThatOnlyTheScriptMakesWork() {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setJavaScriptEnabled(false).setLocale("de-DE").setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(url("/check"));
            page.locator("#name").fill("Ohne Skript GmbH");
            page.locator("#postalCode").fill("58452");
            page.locator("#sector").selectOption("C");
            page.locator("#employees").fill("12");
            // Space on the radio, as a keyboard user does: a forced click lands where the radio was before KERN's
            // smooth scroll brought it into view, and missed it now and then (CI, 5 December)
            page.locator("#type-OWN_PRODUCTS").press("Space");
            assertThat(page.locator("#type-OWN_PRODUCTS")).isChecked();
            page.locator("#employees").press("Enter"); // Enter sends the form (a click waits for script frames)
            assertThat(page.locator("#resume-link")).isVisible();
            // the "Kopieren" button is the script's: without it, KERN's display:inline-flex showed a dead button
            assertThat(page.locator("button[data-copy='resume-link']")).isHidden();
            Browsers.screenshot(page, "step-without-javascript-390");
        }
    }

    @Test
    void legalAndErrorPagesByKeyboard() {
        Audit audit = new Audit();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            KeyboardUser user = new KeyboardUser(page);
            Map<String, List<String>> titles = Map.of(
                "de", List.of("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Lizenzen und Quellen",
                    "Öffentliche Schnittstelle (API v1)"),
                "en", List.of("Imprint", "Privacy", "Accessibility statement", "Licences and sources", "Public API v1"));
            List<String> paths = List.of("/impressum", "/datenschutz", "/barrierefreiheit", "/lizenzen", "/schnittstelle");
            for (String lang : List.of("de", "en")) {
                page.navigate(url("/?lang=" + lang));
                for (int i = 0; i < paths.size(); i++) {
                    user.activate("footer a[href='" + paths.get(i) + "']");
                    assertEquals(url(paths.get(i)), page.url());
                    assertThat(page.locator("html")).hasAttribute("lang", lang);
                    assertThat(page.locator("h1")).hasText(titles.get(lang).get(i));
                    audit.check(page, lang + "-legal" + paths.get(i).replace('/', '-'));
                    if (paths.get(i).equals("/impressum")) { // the provider's details: at both widths
                        assertThat(page.locator("#provider")).containsText("59425 Unna");
                        assertThat(page.locator("a[href='mailto:digitalcheck@wfg-kreis-unna.example.org']")).isVisible();
                        assertThat(page.locator("#provider-missing")).hasCount(0);
                        for (int width : List.of(1280, 390)) {
                            page.setViewportSize(width, 900);
                            assertNull(Browsers.horizontalOverflow(page, width), "nothing wider than the screen");
                            audit.check(page, lang + "-legal-imprint-" + width);
                        }
                        page.setViewportSize(1280, 900);
                    }
                    if (paths.get(i).equals("/datenschutz")) { // the cookies' table, the rights: at both widths
                        assertThat(page.locator("#controller")).containsText("Wirtschaftsförderungsgesellschaft");
                        assertThat(page.locator("#privacy-officer")).containsText("datenschutz@wfg-kreis-unna");
                        assertThat(page.locator("#cookies-title ~ div table")).containsText("check_revision");
                        for (int width : List.of(1280, 390)) {
                            page.setViewportSize(width, 900);
                            audit.check(page, lang + "-legal-privacy-" + width);
                        }
                        page.setViewportSize(1280, 900);
                    }
                    if (paths.get(i).equals("/barrierefreiheit")) { // the operator's assessment, where to turn
                        assertThat(page.locator("#status")).containsText(lang.equals("de")
                            ? "teilweise vereinbar" : "partially compliant");
                        assertThat(page.locator("#limitations li")).hasCount(1);
                        // the method given in English too, the limitations only in German: marked as such in English
                        assertThat(page.locator("#method")).containsText(lang.equals("de") ? "Selbstbewertung" : "Self-assessment");
                        if (lang.equals("en")) {
                            assertThat(page.locator("#limitations")).hasAttribute("lang", "de");
                        } else {
                            assertThat(page.locator("#limitations")).not().hasAttribute("lang", java.util.regex.Pattern.compile(".*"));
                        }
                        assertThat(page.locator("#feedback-contact")).hasAttribute("href",
                            "mailto:digitalcheck@wfg-kreis-unna.example.org");
                        assertThat(page.locator("#enforcement a")).hasAttribute("href", "https://schlichtung.example.org");
                        assertThat(page.locator("#enforcement-missing")).hasCount(0);
                        for (int width : List.of(1280, 390)) {
                            page.setViewportSize(width, 900);
                            assertNull(Browsers.horizontalOverflow(page, width), "nothing wider than the screen");
                            audit.check(page, lang + "-legal-accessibility-" + width);
                        }
                        page.setViewportSize(1280, 900);
                    }
                    if (paths.get(i).equals("/schnittstelle")) { // the API for people, not the YAML: at both widths
                        assertThat(page.locator("#api-base-url")).containsText("/api/v1/");
                        assertThat(page.locator("table tbody tr")).not().hasCount(0);
                        assertThat(page.locator("table")).containsText("POST /api/v1/assessments");
                        for (int width : List.of(1280, 390)) {
                            page.setViewportSize(width, 900);
                            assertNull(Browsers.squeezedCaptions(page), "captions span their tables");
                            audit.check(page, lang + "-api-page-" + width);
                        }
                        page.setViewportSize(1280, 900);
                        // the machine-readable document for tools: a link reached by keyboard
                        user.tabTo("#api-openapi-link");
                        assertThat(page.locator("#api-openapi-link")).hasAttribute("href", "/openapi");
                    }
                }
            }

            // A private link that does not exist (anymore).
            page.navigate(url("/?lang=de"));
            Response response = page.navigate(url("/check/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
            assertEquals(404, response.status());
            assertThat(page.locator("h1")).hasText("Dieser Link ist nicht (mehr) gültig");
            audit.check(page, "de-link-not-valid");
            user.activate(START);
            assertEquals(url("/check"), page.url());

            // Any other unknown address.
            response = page.navigate(url("/gibt-es-nicht"));
            assertEquals(404, response.status());
            assertThat(page.locator("h1")).hasText("Seite nicht gefunden");
            assertEquals("Seite nicht gefunden – Digitalcheck 4.0", page.title());
            audit.check(page, "de-not-found");

            // An address too long for the server to read (a search form filled with far too much): 414, not 500.
            response = page.navigate(url("/?suche=" + "x".repeat(5000)));
            assertEquals(414, response.status());
            assertThat(page.locator("h1")).hasText("Das hat nicht geklappt");
            assertThat(page.locator("main")).containsText("Die Adresse war zu lang");
            audit.check(page, "de-address-too-long");
            page.setViewportSize(390, 844);
            audit.check(page, "de-address-too-long-phone");
            page.setViewportSize(1280, 900);
        }
        audit.assertClean();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String url(String path) {
        String base = server.getURL().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Asserts the page is the given dimension's step and returns the check's token. */
    private static String assertStep(Page page, String dimension) {
        Matcher m = STEP.matcher(URI.create(page.url()).getPath());
        assertTrue(m.find(), () -> "Expected the step page of '" + dimension + "' but got " + page.url());
        assertEquals(dimension, m.group(2), "dimension page");
        assertThat(page.locator("fieldset.dc-question").first()).isVisible();
        return m.group(1);
    }

    /** Option {@code level} for even, {@code level + 1} for odd questions: the dimension's level is {@code level}. */
    private static IntBinaryOperator around(int level) {
        return (question, count) -> Math.min(level + question % 2, 5);
    }

    private static void answerAll(KeyboardUser user, Map<String, Integer> given, IntBinaryOperator choice) {
        List<String> names = user.questionNames();
        assertTrue(!names.isEmpty(), "questions on the page");
        for (int i = 0; i < names.size(); i++) {
            choose(user, given, names.get(i), choice.applyAsInt(i, user.optionCount(names.get(i))));
        }
    }

    private static void choose(KeyboardUser user, Map<String, Integer> given, String name, int index) {
        user.chooseRadio(name, index);
        given.put(name, index);
    }

    private static void assertChecked(KeyboardUser user, Map<String, Integer> given, List<String> names) {
        for (String name : names) {
            assertTrue(given.containsKey(name), () -> name + " was answered earlier");
            assertEquals(given.get(name).intValue(), user.checkedIndexIn(name), "answer of " + name + " still checked");
        }
    }

    private static void assertResult(Page page, String title, Pattern score, String levelPrefix, String agencyTitle) {
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator(".dc-score")).hasText(score);
        assertThat(page.locator("section[aria-labelledby=overall-title]").getByText(
            Pattern.compile("^" + levelPrefix + "\\d · \\S"))).isVisible();
        assertThat(page.locator(".kern-table tbody tr")).hasCount(6);
        assertThat(page.locator("svg[role=img]")).isVisible();
        assertThat(page.locator("svg[role=img]")).hasAttribute("aria-labelledby", "chart-title chart-desc");
        assertThat(page.locator("#agency-title")).hasText(agencyTitle);
        assertThat(page.locator("#agency .kern-description-list")).isVisible();
    }

    private static int indexOfContaining(List<String> texts, String part) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(part)) {
                return i;
            }
        }
        return fail("'" + part + "' not among " + texts);
    }

    /**
     * Runs axe-core on each page, checks it reflows at 320 CSS pixels (WCAG 1.4.10, i.e. 1280 px at 400 %),
     * saves a screenshot, and reports every finding of the test at the end.
     */
    private static final class Audit {

        private final List<String> findings = new ArrayList<>();

        void check(Page page, String name) {
            String violations = Axe.violations(page, name);
            if (violations != null) {
                findings.add(violations);
            }
            String overflow = Browsers.horizontalOverflow(page, 320);
            if (overflow != null) {
                findings.add("WCAG 1.4.10 reflow: " + name + " (" + page.url() + ") scrolls horizontally at 320 CSS px: "
                    + overflow);
            }
            Browsers.screenshot(page, name);
        }

        void assertClean() {
            if (!findings.isEmpty()) {
                fail(findings.size() + " accessibility finding(s):\n\n" + String.join("\n\n", findings));
            }
        }
    }
}
