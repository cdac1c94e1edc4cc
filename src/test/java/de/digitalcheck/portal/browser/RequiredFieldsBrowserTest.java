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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form of the portal marks as required exactly the fields its server refuses when they are empty: the self-check's
 * profile (whose company name, postal code, sector, size and type were refused empty but announced as nothing special),
 * its question pages and the result's consent, "Mein Unternehmen", the booking's contact step, and the forms of the
 * network admin, the agency's staff and the coach. Per form, in a real browser: the fields marked on a first load
 * ({@code aria-required="true"} on the field or its radio group, {@code required}, or a checkbox group's
 * {@code data-required} with its line saying so), then every field emptied as a person could (text cleared, a select's empty choice, boxes and radios unticked; a
 * select without an empty choice is left as it is, so it is neither refused nor compared), the form sent, and the
 * fields the answer marks as invalid. The two sets must be equal: a field refused but not marked fails, and so does an
 * optional field marked as required.
 */
@MicronautTest(transactional = false)
class RequiredFieldsBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    private static final String ADMIN = "admin@digitalcheck.example.org";
    private static final String EN_STAFF = "staff@en-agentur.example.org";
    private static final String DO_STAFF = "staff@dortmund.example.org";
    private static final String EN_COACH = "coach@en-agentur.example.org";

    /** The names of the form's fields marked as required, each once, sorted (the form is the argument). */
    private static final String MARKED = """
        f => [...new Set([...f.elements].filter(e => e.name && e.name !== '_csrf' && e.type !== 'hidden'
            && e.tagName !== 'BUTTON' && e.type !== 'submit'
            && !(e.tagName === 'SELECT' && ![...e.options].some(o => o.value === '')))
          .filter(e => e.getAttribute('aria-required') === 'true' || e.required
            || (e.closest('fieldset') && (e.closest('fieldset').dataset.required === 'true'
                || e.closest('fieldset').getAttribute('aria-required') === 'true')))
          .map(e => e.name))].sort()""";

    /** Empties every field of the form as a person could, and sends it with its main button. */
    private static final String EMPTY_AND_SEND = """
        f => {
          for (const e of f.elements) {
            if (!e.name || e.name === '_csrf' || e.type === 'hidden' || e.tagName === 'BUTTON' || e.type === 'submit') continue;
            if (e.type === 'checkbox' || e.type === 'radio') e.checked = false;
            else if (e.tagName === 'SELECT') { if ([...e.options].some(o => o.value === '')) e.value = ''; }
            else if (e.type !== 'file') e.value = '';
          }
          const buttons = [...f.querySelectorAll('button[type=submit], button:not([type])')];
          (buttons.find(b => b.classList.contains('kern-btn--primary')) || buttons[0]).click();
        }""";

    /** The names of the fields the answer marks as invalid, each once, sorted. */
    private static final String REFUSED = """
        () => [...new Set([...document.querySelectorAll('main [aria-invalid=true][name]')].map(e => e.name)
          .concat([...document.querySelectorAll('main .kern-fieldset--error input[name]')].map(e => e.name)))].sort()""";

    final OidcProvider provider = new OidcProvider();
    final List<String> mismatches = new ArrayList<>();

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

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    /**
     * Compares the marked fields of the form {@code form} on the page at {@code path} (null: the page as it is) with
     * the fields refused when it is sent empty; a difference is noted as a mismatch. How many fields it marked.
     */
    private int check(Page page, String path, String form) {
        if (path != null) {
            page.navigate(url(path));
        }
        String where = page.url().replace(server.getURL().toString(), "") + " " + form;
        Locator f = page.locator(form).first();
        assertTrue(f.count() == 1, "the form " + where + " is there");
        List<?> marked = (List<?>) f.evaluate(MARKED);
        page.waitForNavigation(() -> f.evaluate(EMPTY_AND_SEND));
        List<?> refused = (List<?>) page.evaluate(REFUSED);
        if (!marked.equals(refused)) {
            mismatches.add(where + ": marked as required " + marked + ", refused when empty " + refused);
        }
        return marked.size();
    }

    private void assertNoMismatch() {
        List<String> found = List.copyOf(mismatches);
        mismatches.clear();
        assertEquals(List.of(), found, "forms whose required marks differ from what the server refuses");
    }

    @Test
    void theCompanysFormsMarkWhatTheServerRefusesEmpty() {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Pflicht & Kür GmbH")
            .at("44135").submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            // the start page (compiled once per language) and the same form re-rendered with errors
            assertEquals(5, check(page, "/check", "main form[action='/check']"), "name, postal code, sector, size, type");
            check(page, null, "main form[action='/check']");
            check(page, "/check?lang=en", "main form[action='/check']");
            // a question page: every question needs an answer to go on
            page.navigate(url("/check"));
            page.fill("#name", "Pflicht GmbH");
            page.fill("#postalCode", "44135");
            page.selectOption("#sector", "C");
            page.fill("#employees", "12");
            page.check("#type-OWN_PRODUCTS");
            page.waitForNavigation(() -> page.locator("main form button[type=submit]").first().click());
            assertTrue(page.url().contains("/step/"), page.url());
            check(page, null, "main form");
            // the result's consent: name, email and the tick
            assertEquals(3, check(page, check.resultPath(), "main form[action$='/einwilligung']"));
            check(page, "/mein-unternehmen", "main form[action='/mein-unternehmen']");
            // booking: the contact step of the first free time (in German again: the English start page above set
            // the language, and "Nächste Woche" is needed in weeks whose remaining days have no free time)
            page.navigate(url("/termin/wf-dortmund?lang=de"));
            page.locator("main input[name=type]").first().check();
            page.waitForNavigation(() -> page.locator("main form[method=get] button").first().click());
            for (int week = 0; week < 4 && page.locator("main a[href*='start=']").count() == 0; week++) {
                page.waitForNavigation(() -> page.getByText("Nächste Woche").click());
            }
            page.waitForNavigation(() -> page.locator("main a[href*='start=']").first().click());
            check(page, null, "main form[method=post]");
        }
        assertNoMismatch();
    }

    @Test
    void theAdminsFormsMarkWhatTheServerRefusesEmpty() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "required-admin", ADMIN);
            check(page, "/admin", "main form[action='/admin/einladungen']");
            check(page, "/admin/agenturen/neu", "main form[action='/admin/agenturen']");
            check(page, "/admin/agenturen/en-agentur", "main form[action='/admin/agenturen/en-agentur']");
            check(page, "/admin/agenturen/en-agentur", "main form[action='/admin/agenturen/en-agentur/logo']");
            check(page, "/admin/gebiete", "main form[action='/admin/gebiete']");
            check(page, "/admin/foerderprogramme", "main form[action='/admin/foerderprogramme']");
            check(page, "/admin/foerderprogramme/zim", "main form[action='/admin/foerderprogramme/zim']");
            // an account's role (not the admin's own, which has no such form)
            page.navigate(url("/admin"));
            String account = page.locator("main a[href^='/admin/konten/']").filter(new Locator.FilterOptions()
                .setHasText(EN_COACH)).first().getAttribute("href");
            check(page, account, "main form[action$='/rolle']");
        }
        assertNoMismatch();
    }

    @Test
    void theAgencysAndTheCoachsFormsMarkWhatTheServerRefusesEmpty() {
        CompletedChecks.of(questionnaires.current()).named("Anfrage Pflicht GmbH").at("44135")
            .contact("Kim Kontakt", "kim@pflicht.example.org").sharedWithAgency()
            .submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "required-staff", EN_STAFF);
            check(page, "/agentur", "main form[action='/agentur/profil']");
            check(page, "/agentur", "main form[action='/agentur/logo']");
            check(page, "/agentur", "main form[action='/agentur/coaches']");
            check(page, "/agentur/leads", "main form[action='/agentur/webhook']");
            check(page, "/agentur/api-zugaenge", "main form[action='/agentur/api-zugaenge']");
            check(page, "/agentur/terminarten/neu", "main form[method=post]");
            // a coach's calendar as the staff edit it
            page.navigate(url("/agentur/terminarten"));
            String coach = page.locator("main a[href^='/agentur/coaches/']").first().getAttribute("href")
                .replaceAll("^(/agentur/coaches/[^/]+)/.*$", "$1");
            check(page, coach + "/kalender", "main form[method=post]");
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "required-do-staff", DO_STAFF);
            page.navigate(url("/agentur/leads"));
            String lead = page.locator("main a[href^='/agentur/leads/']").filter(new Locator.FilterOptions()
                .setHasText("Anfrage Pflicht GmbH")).first().getAttribute("href");
            check(page, lead, "main form[action$='/status']");
            check(page, lead, "main form[action$='/zuweisen']");
            check(page, lead, "main form[action$='/weiterleiten']");
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "required-coach", EN_COACH);
            check(page, "/coach", "main form[action='/coach']");
            check(page, "/coach/kalender", "main form[action='/coach/kalender']");
        }
        assertNoMismatch();
    }
}
