package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
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

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long German words on a phone (320 and 390 px): company names ("Maschinenbaugesellschaft"), agency names
 * ("Wirtschaftsförderungsgesellschaft für den Kreis Unna") and e-mail addresses on the result page, the staff's lead
 * pages, the coach's week and a booking's own page. No page scrolls sideways, and a name hyphenates where the browser
 * knows the page's language (hyphens: auto, words of 14 characters or more, at least 6 before and 4 after the break)
 * while an e-mail address never gets a hyphen and breaks where it must (hyphens: manual, overflow-wrap: anywhere).
 * Before, names broke at any letter without a hyphen ("overflow-wrap: anywhere", no hyphenation outside headings and
 * table cells). Debian's Chromium has no hyphenation dictionaries: the styles are asserted, not the glyphs.
 */
@MicronautTest(transactional = false)
class LongWordsBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    static final String COMPANY = "Maschinenbaugesellschaft Digitalisierungsberatungsgesellschaft mbH";
    static final String AGENCY = "Wirtschaftsförderungsgesellschaft";
    static final String CONTACT_EMAIL = "digitalisierungsberatungsgesellschaft@maschinenbaugesellschaft.example.org";

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    private final List<String> problems = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void theResultPageHyphenatesTheAgencysNameInBothLanguages() {
        findings.clear();
        problems.clear();
        for (String language : List.of("de", "en")) {
            CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current())
                .named(COMPANY).at("59423").in(language).submit(new Http(server, json));
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = context.newPage();
                page.navigate(url(check.path("resultUrl")));
                assertThat(page.locator("html")).hasAttribute("lang", language);
                String name = "result-" + language;
                checkPage(page, name, List.of(AGENCY), List.of());
                String mail = (String) page.evaluate(
                    "() => { const a = [...document.querySelectorAll('main a[href^=\"mailto:\"]')]"
                    + ".find(e => e.textContent.includes('@')); return a ? a.textContent.trim() : null; }");
                assertTrue(mail != null && mail.contains("@"), "the result page names the agency's e-mail address");
                checkPage(page, name + "-mail", List.of(), List.of(mail));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertClean();
    }

    /**
     * A check with a long contact address: the result page's consent step (its label names the agency, hyphenated; an
     * address typed into its field) and the sentence naming where the report goes, then the confirmation that the
     * report mail is on its way to that address. The address in those sentences was plain prose: hyphenated where
     * the browser can (a hyphen that is no part of it), broken anywhere else; now it is an address (never hyphenated,
     * breaking after "@" and its dots first). No page scrolls sideways at 320 or 390 px.
     */
    @Test
    void theConsentStepAndTheReportMailsConfirmationKeepALongAddressWhole() {
        findings.clear();
        problems.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named(COMPANY).at("59423")
            .contact("Mia Muster", CONTACT_EMAIL).submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(check.resultPath()));
            assertThat(page.locator("#consent-share")).isVisible();
            page.fill("#consent-email", CONTACT_EMAIL);
            assertThat(page.locator("main")).containsText(CONTACT_EMAIL);
            checkPage(page, "consent-step", List.of(AGENCY), List.of(CONTACT_EMAIL));
            page.evaluate("() => document.fonts.ready.then(() => true)");
            new KeyboardUser(page).activate("#report button[type=submit]");
            assertThat(page.locator("#report-mail-outcome")).containsText(CONTACT_EMAIL);
            checkPage(page, "report-mail-sent", List.of(), List.of(CONTACT_EMAIL));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertClean();
    }

    @Test
    void theStaffsLeadPagesHyphenateTheCompanysName() {
        findings.clear();
        problems.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named(COMPANY)
            .at("44135").submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(check.resultPath()));
            page.fill("#consent-name", "Mia Muster");
            page.fill("#consent-email", CONTACT_EMAIL);
            // the box is clicked where it stands once the fonts are in: a font arriving later moves it (seen once on a
            // busy machine: "clicking the checkbox did not change its state")
            page.evaluate("() => document.fonts.ready.then(() => true)");
            page.check("#consent-share");
            new KeyboardUser(page).activate("#consent button[type=submit]");
            assertThat(page.locator("#consent-shared")).isVisible();
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "long-words-staff",
                "staff@dortmund.example.org");
            page.navigate(url("/agentur/leads"));
            assertThat(page.locator("main")).containsText(COMPANY);
            checkPage(page, "leads-inbox", List.of("Maschinenbaugesellschaft", "Digitalisierungsberatungsgesellschaft"),
                List.of());
            String lead = page.locator("main a.kern-link", new Page.LocatorOptions().setHasText(COMPANY)).first()
                .getAttribute("href");
            page.navigate(url(lead));
            assertThat(page.locator("main")).containsText(CONTACT_EMAIL);
            checkPage(page, "lead", List.of("Maschinenbaugesellschaft", "Digitalisierungsberatungsgesellschaft"),
                List.of(CONTACT_EMAIL));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertClean();
    }

    @Test
    void theCoachsWeekAndTheBookingsPageHyphenateTheNames() {
        findings.clear();
        problems.clear();
        String agencyId = "lw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, agencyId,
            "Digitalisierungsberatungsgesellschaft", "DBG", "kontakt@" + agencyId + ".example.org",
            "https://dbg.example.org", 1, 0);
        LocalDate day = bookableDay(11);
        Http http = new Http(server, json);
        Map<String, Object> booking = http.map(http.postJson("/api/v1/bookings",
            a.body(at(day, 11), CONTACT_EMAIL, false, null)));
        String id = (String) booking.get("id");
        Database db = new Database(dataSource);
        db.execute("UPDATE booking SET company_name = ? WHERE id = ?", COMPANY, id);
        try {
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = signIn(context, provider, server.getURL().toString(), "long-words-coach",
                    a.coachEmails().get(0));
                assertEquals(200, page.navigate(url("/coach/termine?woche=" + day)).status());
                assertThat(page.locator("main")).containsText(COMPANY);
                // the contact line (name · address · phone): its address is an address, the company's name hyphenates
                checkPage(page, "coach-week", List.of("Maschinenbaugesellschaft", "Digitalisierungsberatungsgesellschaft"),
                    List.of(CONTACT_EMAIL));
                // the booking's own page for the coach: the same contact line
                assertEquals(200, page.navigate(url("/coach/termine/" + id)).status());
                assertThat(page.locator("main")).containsText(CONTACT_EMAIL);
                checkPage(page, "coach-booking", List.of(), List.of(CONTACT_EMAIL));
            }
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = context.newPage();
                String manage = (String) booking.get("manageUrl");
                assertEquals(200, page.navigate(manage.startsWith("http") ? manage : url(manage)).status());
                assertThat(page.locator("main")).containsText("Digitalisierungsberatungsgesellschaft");
                // the company's own page names the agency (the company's name is the staff's to see)
                checkPage(page, "booking-manage", List.of("Digitalisierungsberatungsgesellschaft"), List.of());
            }
        } finally {
            db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertClean();
    }

    /**
     * At 320 and 390 px: the page does not scroll sideways nor reach past its content's edge, each of {@code words}
     * stands in an element that hyphenates long words, each of {@code addresses} in one that never hyphenates and
     * breaks anywhere. Axe and a screenshot at 320, 390 and 1280 px.
     */
    private void checkPage(Page page, String name, List<String> words, List<String> addresses) {
        for (int width : new int[] {320, 390}) {
            page.setViewportSize(width, 800);
            // what reaches past the window's edge, innermost first, with the start of its text
            Object scroll = page.evaluate("() => document.scrollingElement.scrollWidth + ' > ' + window.innerWidth + ': '"
                + " + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                + "   && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1)).slice(0, 5)"
                + "  .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()"
                + "   ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' \u201e'"
                + "   + (e.textContent || '').trim().slice(0, 40) + '\u201c').join(', ')");
            boolean fits = (Boolean) page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
            if (!fits) {
                problems.add(name + " at " + width + " px scrolls sideways: " + scroll);
            }
            String overflow = Browsers.horizontalOverflow(page, width);
            if (overflow != null) {
                problems.add(name + " at " + width + " px: " + overflow);
            }
            page.setViewportSize(width, 800);
            for (String word : words) {
                style(page, word).forEach(s -> {
                    if (!s.startsWith("auto|14 6 4|")) {
                        problems.add(name + ": \u201e" + word + "\u201c does not hyphenate (hyphens|limit|wrap|element: " + s + ")");
                    }
                });
            }
            for (String address : addresses) {
                style(page, address).forEach(s -> {
                    if (!s.startsWith("manual|") || !s.contains("|anywhere|")) {
                        problems.add(name + ": \u201e" + address + "\u201c is no address (hyphens|limit|wrap|element: " + s + ")");
                    }
                });
            }
            audit(page, "long-words-" + name + "-" + width);
        }
        page.setViewportSize(1280, 900);
        audit(page, "long-words-" + name + "-1280");
    }

    /**
     * "hyphens|hyphenate-limit-chars|overflow-wrap|element" of each visible element whose own text holds {@code text}, or
     * that holds it whole while none of its children does (an address split by {@code <wbr>} into several texts).
     */
    @SuppressWarnings("unchecked")
    private static List<String> style(Page page, String text) {
        List<String> found = (List<String>) page.evaluate("t => {"
            + " const out = [];"
            + " for (const e of document.body.querySelectorAll('*')) {"
            + "  const own = [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.includes(t));"
            + "  const innermost = e.textContent.includes(t) && ![...e.children].some(c => c.textContent.includes(t));"
            + "  if (!(own || innermost) || e.closest('.kern-sr-only, title, script') || e.getClientRects().length === 0) continue;"
            + "  const s = getComputedStyle(e);"
            + "  out.push(s.hyphens + '|' + s.hyphenateLimitChars + '|' + s.overflowWrap + '|' + e.tagName.toLowerCase()"
            + "   + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));"
            + " }"
            + " return out; }", text);
        assertTrue(!found.isEmpty(), "\u201e" + text + "\u201c is on the page " + page.url());
        return found;
    }

    private String url(String path) {
        String base = server.getURL().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
