package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.support.OidcProvider;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking a coach in a real browser, by keyboard only, on a desktop and on a phone (issue 14): the kind of
 * appointment, a free time, contact details and consent, the confirmation; every step a full page load (links and
 * form posts, no script needed), axe-core on each, including the contact step's error state, whose summary names
 * the fields and whose form keeps what was typed. And the coach's calendar settings and week pages.
 */
@MicronautTest(transactional = false)
class BookingBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    Calendars calendars;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 390})
    void aCompanyBooksACoachByKeyboard(int width) {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.setViewportSize(width, width == 390 ? 844 : 900);
            KeyboardUser user = new KeyboardUser(page);
            String name = "booking-" + width + "-";

            // 1. the kind of appointment
            Response first = page.navigate(url("/termin/wf-dortmund"));
            assertEquals(200, first.status());
            assertThat(page.locator("h2#step-type")).isVisible();
            assertThat(page.locator("#error-summary")).hasCount(0);
            auditHere(page, name + "1-type", width);
            user.chooseRadio("type", 0);
            user.activate("#content form button[type=submit]");

            // 2. a free time of the week (any coach)
            assertThat(page.locator("h2#step-time")).isVisible();
            assertThat(page.locator("#error-summary")).hasCount(0);
            Locator times = page.locator("a.dc-time");
            if (times.count() == 0) { // no free time in the first week (e.g. the last days of it): the next one
                user.activate("nav.dc-actions a.kern-link:last-child");
            }
            assertTrue(page.locator("a.dc-time").count() > 0, "free times are offered");
            String timeLabel = page.locator("a.dc-time").first().getAttribute("aria-label");
            assertTrue(timeLabel.matches("^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), .+"), "a time names its weekday: " + timeLabel);
            // a day's heading (h4) reads as part of its week (h3), not above it: it was 21 px under an 18 px week
            double week = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('section[aria-labelledby=step-time] h3')).fontSize)")).doubleValue();
            double day = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('section[aria-labelledby=step-time] h4')).fontSize)")).doubleValue();
            assertTrue(day <= week, "a day's heading (" + day + " px) is not larger than its week's (" + week + " px)");
            auditHere(page, name + "2-times", width);
            // a time in the address that cannot be booked (here a past one): the times and why, no contact form
            String timeHref = page.locator("a.dc-time").first().getAttribute("href");
            Response past = page.navigate(url(timeHref.replaceAll("start=[^&]+", "start=2020-01-01T09%3A00%3A00Z")));
            assertEquals(409, past.status());
            assertThat(page.locator("#error-summary")).containsText("Diese Zeit kann nicht gebucht werden");
            assertThat(page.locator("h2#step-time")).isVisible();
            assertThat(page.locator("h2#step-contact")).hasCount(0);
            auditHere(page, name + "2-times-unbookable", width);
            page.goBack();
            assertThat(page.locator("h2#step-time")).isVisible();
            user.activate("a.dc-time");

            // 3. contact details: sent empty, every missing field is named in the summary
            assertThat(page.locator("h2#step-contact")).isVisible();
            assertThat(page.locator("#error-summary")).hasCount(0);
            assertThat(page.locator("#booking-consent")).not().isChecked();
            // a talk, not a visit: no address asked for
            assertThat(page.locator("#booking-street")).hasCount(0);
            assertThat(page.locator("#booking-town")).hasCount(0);
            auditHere(page, name + "3-contact", width);
            Response refused = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(422, refused.status());
            Locator summary = page.locator("#error-summary");
            assertThat(summary).isVisible();
            for (String label : List.of("Name des Unternehmens", "Postleitzahl", "Ihr Name", "E-Mail-Adresse")) {
                assertThat(summary).containsText(label + ": Bitte füllen Sie dieses Feld aus.");
            }
            assertThat(summary.locator("a[href='#booking-companyName']")).hasCount(1);
            assertThat(page.locator("#booking-companyName")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#booking-contactPhone")).not().hasAttribute("aria-invalid", "true");

            // typed with one mistake: the answer keeps everything and names the one wrong field
            user.tabTo("#booking-companyName");
            user.type("Tastatur GmbH");
            user.tabTo("#booking-postalCode");
            user.type("44135");
            user.tabTo("#booking-contactName");
            user.type("Kim Tastatur");
            user.tabTo("#booking-contactEmail");
            user.type("kim.tastatur-at-example.org");
            user.tabTo("#booking-consent");
            user.press("Space");
            refused = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(422, refused.status());
            assertThat(summary).containsText("E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse an");
            assertThat(summary.locator("li")).hasCount(1);
            assertThat(page.locator("#booking-companyName")).hasValue("Tastatur GmbH");
            assertThat(page.locator("#booking-postalCode")).hasValue("44135");
            assertThat(page.locator("#booking-contactName")).hasValue("Kim Tastatur");
            assertThat(page.locator("#booking-contactEmail")).hasValue("kim.tastatur-at-example.org");
            assertThat(page.locator("#booking-consent")).isChecked();
            auditHere(page, name + "3-contact-error", width);

            // corrected: booked, the confirmation names the time
            user.tabTo("#booking-contactEmail");
            user.press("Control+A");
            user.type("kim.tastatur@example.org");
            Response booked = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(200, booked.status());
            assertTrue(page.url().contains("/termin/buchung/"), "the confirmation is the booking's own page: " + page.url());
            assertThat(page.locator("#content")).containsText(" Uhr");
            assertThat(page.locator("#error-summary")).hasCount(0);
            auditHere(page, name + "4-confirmed", width);
        }
        assertClean();
    }

    /**
     * The week's heading and the links to the other weeks come before its times: "Nächste Woche" took 64 Tab presses
     * after every time of the week. Following it, the next week's heading has the focus (the link's fragment, and
     * app.js), with KERN's focus ring, and the title names the week; the next Tab goes on from there.
     */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 390})
    void theNextWeekIsAFewTabsAwayAndTakesTheFocusToItsHeading(int width) {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.setViewportSize(width, width == 390 ? 844 : 900);
            KeyboardUser user = new KeyboardUser(page);
            page.navigate(url("/termin/wf-dortmund"));
            String type = page.locator("input[name=type]").first().getAttribute("value");
            assertEquals(200, page.navigate(url("/termin/wf-dortmund?type=" + type)).status());
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Zeit wählen: .+ – Termin mit einem "
                + "Innovationscoach – Digitalcheck 4\\.0$"));
            String first = page.title();
            int tabs = 0;
            do {
                user.press("Tab");
                tabs++;
            } while (!user.focusMatches("nav.dc-week-nav a[href$='#week']:last-child") && tabs < KeyboardUser.MAX_TABS);
            assertTrue(tabs <= 12, "Nächste Woche is " + tabs + " Tab presses away");
            assertThat(page.locator(":focus")).hasText("Nächste Woche");
            user.assertFocusInView();
            user.pressForPage("Enter");
            assertTrue(page.url().endsWith("#week"), page.url());
            page.waitForLoadState();
            user.assertFocus("h3#week");
            user.assertFocusInView();
            QuestionnaireBrowserTest.assertKernFocusRing(page, "the week's heading");
            assertThat(page.locator("h3#week")).hasText(java.util.regex.Pattern.compile("^Woche vom "));
            assertTrue(!page.title().equals(first) && page.title().startsWith("Zeit wählen: "),
                "the title names the other week: " + page.title());
            user.press("Tab");
            user.assertFocus("nav.dc-week-nav a");
            assertThat(page.locator(":focus")).hasText("Vorherige Woche");
            auditHere(page, "booking-week-" + width + "-next", width);
        }
        assertClean();
    }

    /**
     * A visit at the company asks for its address (street, a known postal code, town): refused
     * field by field with what was typed kept, then booked, the confirmation naming the address.
     */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 390})
    void aVisitAsksForTheAddressByKeyboard(int width) {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.setViewportSize(width, width == 390 ? 844 : 900);
            KeyboardUser user = new KeyboardUser(page);
            String name = "booking-visit-" + width + "-";
            assertEquals(200, page.navigate(url("/termin/wf-dortmund")).status());
            user.chooseRadio("type", 1); // the demo agencies' second type: a visit at the company
            user.activate("#content form button[type=submit]");
            assertThat(page.locator("#content")).containsText("Besuch im Unternehmen");
            if (page.locator("a.dc-time").count() == 0) {
                user.activate("nav.dc-actions a.kern-link:last-child");
            }
            user.activate("a.dc-time");

            assertThat(page.locator("h2#step-contact")).isVisible();
            assertThat(page.locator("#booking-visit legend")).hasText("Adresse für den Besuch");
            assertThat(page.locator("#booking-street")).isVisible();
            assertThat(page.locator("#booking-town")).isVisible();
            assertThat(page.locator("#booking-postalCode")).hasCount(1);
            auditHere(page, name + "1-contact", width);

            user.tabTo("#booking-companyName");
            user.type("Besuch GmbH");
            user.tabTo("#booking-street");
            user.type("12");
            user.tabTo("#booking-postalCode");
            user.type("00000");
            user.tabTo("#booking-contactName");
            user.type("Berta Besuch");
            user.tabTo("#booking-contactEmail");
            user.type("berta.besuch@example.org");
            Response refused = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(422, refused.status());
            Locator summary = page.locator("#error-summary");
            assertThat(summary).containsText("Straße und Hausnummer: Bitte geben Sie die Straße an, mit Hausnummer, wenn es eine gibt");
            assertThat(summary).containsText("Postleitzahl: Diese Postleitzahl kennen wir nicht");
            assertThat(summary).containsText("Ort: Bitte füllen Sie dieses Feld aus.");
            assertThat(summary.locator("li")).hasCount(3);
            assertThat(summary.locator("a[href='#booking-street']")).hasCount(1);
            assertThat(page.locator("#booking-street")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#booking-street")).hasValue("12");
            assertThat(page.locator("#booking-postalCode")).hasValue("00000");
            assertThat(page.locator("#booking-companyName")).hasValue("Besuch GmbH");
            assertThat(page.locator("#booking-contactName")).not().hasAttribute("aria-invalid", "true");
            auditHere(page, name + "2-contact-error", width);

            user.tabTo("#booking-street");
            user.press("Control+A");
            user.type("Ruhrstraße 12");
            user.tabTo("#booking-postalCode");
            user.press("Control+A");
            // as written on a letterhead: the field takes the space, the portal leaves it out; in Dortmund, where the
            // agency's coaches visit companies
            user.type("44 135");
            user.tabTo("#booking-town");
            user.type("Dortmund");
            Response booked = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(200, booked.status());
            assertTrue(page.url().contains("/termin/buchung/"), page.url());
            assertThat(page.locator("#content dl")).containsText("Adresse des Besuchs");
            assertThat(page.locator("#content dl")).containsText("Ruhrstraße 12, 44135 Dortmund");
            auditHere(page, name + "3-confirmed", width);
        }
        assertClean();
    }

    /** Booking from a check whose result the agency already has: the page says when it went there, no findings. */
    @Test
    void aCheckSharedAlreadySaysSoWithoutFindings() {
        findings.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Schon Geteilt GmbH")
            .at("58452").contact("Sina Schon", "sina@schon-geteilt.example").sharedWithAgency()
            .submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            assertEquals(200, page.navigate(url("/check/" + check.token() + "/termin")).status());
            assertThat(page.locator("#booking-shared")).containsText("Das Ergebnis dieses Selbstchecks haben Sie am ");
            assertThat(page.locator("#booking-shared")).containsText("EN-Agentur");
            auditAtBothWidths(page, "booking-from-shared-check", true);
        }
        assertClean();
    }

    /** With JavaScript switched off the flow works the same: links and form posts only. */
    @Test
    void theFlowNeedsNoJavaScript() {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setJavaScriptEnabled(false).setLocale("de-DE").setViewportSize(390, 844))) {
            Page page = context.newPage();
            assertEquals(200, page.navigate(url("/termin/wf-dortmund")).status());
            page.locator("input[name=type]").first().check();
            page.locator("#content form button[type=submit]").click();
            assertThat(page.locator("h2#step-time")).isVisible();
            if (page.locator("a.dc-time").count() == 0) {
                page.locator("nav.dc-actions a.kern-link").last().click();
            }
            page.locator("a.dc-time").first().click();
            assertThat(page.locator("h2#step-contact")).isVisible();
            page.locator("#booking-companyName").fill("Ohne Skript GmbH");
            page.locator("#booking-postalCode").fill("44135");
            page.locator("#booking-contactName").fill("Olli Ohne");
            page.locator("#booking-contactEmail").fill("olli@example.org");
            // Enter in a field sends the form (Playwright's click waits for animation frames, which need scripts)
            page.locator("#booking-contactEmail").press("Enter");
            assertThat(page.locator("h1")).hasText("Ihr Termin ist gebucht");
            assertTrue(page.url().contains("/termin/buchung/"), page.url());
        }
    }

    @Test
    void aCoachSeesCalendarSettingsAndWeekWithoutFindings() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-booking-coach", Map.of("email", "coach@dortmund.example.org",
                "email_verified", true));
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            KeyboardUser user = new KeyboardUser(page);

            assertEquals(200, page.navigate(url("/coach/kalender")).status());
            assertThat(page.locator("#error-summary")).hasCount(0);
            auditAtBothWidths(page, "booking-coach-calendar", true);
            user.tabTo("#calendar-bufferBefore");
            user.press("Control+A");
            user.type("abc");
            Response refused = user.activate("#content form button[type=submit]");
            assertEquals(422, refused.status());
            assertThat(page.locator("#error-summary")).isVisible();
            assertThat(page.locator("#calendar-bufferBefore")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#calendar-bufferBefore")).hasValue("abc");
            audit(page, "booking-coach-calendar-error-1280");
            // overlapping hours on a day: refused on the field, what was typed kept
            page.locator("#calendar-bufferBefore").fill("15");
            page.locator("#calendar-weekly-MONDAY").fill("09:00-12:00, 11:00-13:00");
            Response overlap = user.activate("#content form button[type=submit]");
            assertEquals(422, overlap.status());
            assertThat(page.locator("#error-summary a[href='#calendar-weekly-MONDAY']"))
                .hasText("Wochenzeiten, Montag: Die Zeiträume 09:00-12:00 und 11:00-13:00 überschneiden sich. Bitte jede Zeit nur einmal "
                    + "angeben; Zeiträume, die aneinander anschließen (09:00-12:00, 12:00-14:00), sind möglich.");
            assertThat(page.locator("#calendar-weekly-MONDAY")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#calendar-weekly-MONDAY")).hasValue("09:00-12:00, 11:00-13:00");
            auditAtBothWidths(page, "booking-coach-calendar-overlap", false);

            assertEquals(200, page.navigate(url("/coach/termine")).status());
            auditAtBothWidths(page, "booking-coach-week", true);
        }
        assertClean();
    }

    /**
     * The staff's appointment types: the coaches' calendars and appointments under their own names, and a warning for
     * an active type that no coach offers (companies do not see it).
     */
    @Test
    void staffSeeTheirTypesWithAWarningForATypeNobodyOffersWithoutFindings() {
        findings.clear();
        calendars.saveType("wf-dortmund", null, new Calendars.TypeInput("Telefonat ohne Coach", "Call without a coach",
            "30", "PHONE", "0", List.of(), true), List.of());
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-booking-staff", Map.of("email", "staff@dortmund.example.org",
                "email_verified", true));
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            assertEquals(200, page.navigate(url("/agentur/terminarten")).status());
            assertThat(page.locator("#types-unoffered")).isVisible();
            assertThat(page.locator("#types-unoffered li")).hasText("Telefonat ohne Coach");
            assertThat(page.locator("#content")).not().containsText("Meine Termine");
            assertThat(page.locator("#content h2").last()).hasText("Kalender und Termine der Coaches");
            auditAtBothWidths(page, "booking-staff-types", true);
        }
        assertClean();
    }

    private void auditHere(Page page, String name, int width) {
        audit(page, name);
        if (width == 390) {
            String overflow = Browsers.horizontalOverflow(page, 390);
            if (overflow != null) {
                findings.add(name + " does not fit a phone: " + overflow);
            }
        }
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
