package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network admin's pages in a real browser, on a desktop and on a phone: the header's sign-out button on the
 * links' baseline, the tables readable at 390 px, the territories found by name by keyboard; axe-core on each page.
 */
@MicronautTest(transactional = false)
class StaffPagesBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    private static final String ADMIN = "admin@digitalcheck.example.org";

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    de.digitalcheck.portal.readiness.Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void theAdminPageReadsWellOnADesktopAndOnAPhone() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            assertThat(page.locator("h1")).hasText("Netzwerkverwaltung");
            assertSignOutOnTheBaseline(page);
            assertThat(page.locator("#invite-role")).hasValue("COACH");
            Locator accounts = page.locator("section[aria-labelledby=accounts-title] tbody");
            assertThat(accounts).containsText("Wirtschaftsförderung Dortmund");
            assertThat(accounts.getByText("wf-dortmund", new Locator.GetByTextOptions().setExact(true))).hasCount(0);
            assertEquals(1, page.getByText("Es gilt immer das längste passende Präfix", new Page.GetByTextOptions()).count());
            audit(page, "admin-desktop");

            page.setViewportSize(390, 844);
            page.reload();
            assertSignOutOnTheBaseline(page);
            assertNull(Browsers.horizontalOverflow(page, 390), "the admin page fits a phone");
            // the tables stack: no header row to scroll to, each cell says what it is
            assertThat(page.locator("section[aria-labelledby=accounts-title] thead")).not().isInViewport();
            Locator cell = page.locator("section[aria-labelledby=accounts-title] tbody td[data-label]").first();
            assertEquals("E-Mail: ", cell.evaluate("e => getComputedStyle(e, '::before').content").toString()
                .replace("\"", ""));
            assertTrue(cell.boundingBox().width > 300, "a stacked cell spans the phone's width");
            audit(page, "admin-phone");
        }
        assertClean();
    }

    /**
     * The funding programmes' table on a phone: it was the one admin table that did not stack, so at 390 px its
     * status and "open until" columns (with the date field to save) lay outside the screen, reachable only by scrolling
     * the table sideways, and the names broke mid-word. Its rows stack now, each cell saying what it is.
     */
    @Test
    void theFundingProgrammesTableStacksOnAPhone() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            page.setViewportSize(390, 844);
            page.navigate(url("/admin/foerderprogramme?lang=de"));
            assertNull(Browsers.horizontalOverflow(page, 390), "the funding page fits a phone");
            assertThat(page.locator("main thead")).not().isInViewport();
            Locator row = page.locator("main tbody tr").first();
            Locator until = row.locator("input[type=date]");
            until.scrollIntoViewIfNeeded();
            assertTrue(until.boundingBox().x + until.boundingBox().width <= 390,
                "the date field of the first programme is on the screen: " + until.boundingBox().x);
            Locator status = row.locator("td[data-label]").nth(1);
            assertEquals("Stand: ", status.evaluate("e => getComputedStyle(e, '::before').content").toString()
                .replace("\"", ""));
            Number sideways = (Number) page.locator("main .kern-table-responsive").first()
                .evaluate("e => e.scrollWidth - e.clientWidth");
            assertTrue(sideways.intValue() <= 0, "the table does not scroll sideways: " + sideways);
            audit(page, "funding-phone");
        }
        assertClean();
    }

    /**
     * Every agency's page in the network administration fits a 320 px phone (WCAG 1.4.10), whatever the agency is
     * called: the demo network's "WirtschaftsEntwicklungsGesellschaft Bochum" and "Wirtschaftsförderungsgesellschaft
     * für den Kreis Unna" headed their pages wider than the screen. In both languages.
     */
    @Test
    void everyAgencysPageFitsAPhoneWhateverItIsCalled() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            List<String> agencies = page.locator("main a[href^='/admin/agenturen/']").evaluateAll(
                "as => [...new Set(as.map(a => a.getAttribute('href')).filter(h => !h.endsWith('/neu')))]")
                instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
            assertTrue(agencies.containsAll(List.of("/admin/agenturen/weg-bochum", "/admin/agenturen/wfg-kreis-unna")),
                "the demo agencies are linked: " + agencies);
            for (String language : List.of("de", "en")) {
                for (String agency : agencies) {
                    page.navigate(url(agency + "?lang=" + language));
                    assertNull(Browsers.horizontalOverflow(page, 320), agency + " (" + language + ") fits 320 px");
                }
            }
            page.setViewportSize(320, 640);
            page.navigate(url("/admin/agenturen/weg-bochum?lang=de"));
            audit(page, "admin-agency-long-name-phone");
        }
        assertClean();
    }

    /**
     * WCAG 2.5.3 (axe-core's experimental "label-content-name-mismatch", which the WCAG tags do not run): the account
     * links and "Fragen ansehen" are named by their visible text; a refused invitation takes the focus to its error
     * summary, as every other form does.
     */
    @Test
    void adminLinksAreNamedByTheirTextAndARefusedInvitationFocusesItsErrors() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            for (String path : new String[] {"/admin", "/admin/fragebogen"}) {
                page.navigate(url(path));
                String mismatch = Axe.violationsOf(page, "staff-names" + path.replace('/', '-'),
                    List.of("label-content-name-mismatch"));
                if (mismatch != null) {
                    findings.add(mismatch);
                }
            }
            page.navigate(url("/admin"));
            page.fill("#invite-email", "kaputt");
            page.fill("#invite-name", "");
            page.locator("form[action='/admin/einladungen'] button[type=submit]").click();
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary a[href='#invite-email']")).isVisible();
            audit(page, "invite-error");
        }
        assertClean();
    }

    @Test
    void anAccountsPageTakesAccessAwayByKeyboardAndSaysWhatIsWrong() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            KeyboardUser user = new KeyboardUser(page);
            user.activate(accountLink(page, "Carla Coach"));
            assertThat(page.locator("h1")).hasText("Carla Coach");
            assertThat(page.locator("[aria-invalid=true]")).hasCount(0);
            audit(page, "account-desktop");
            page.selectOption("#account-agency", "");
            user.activate("form[action$='/rolle'] button[type=submit]");
            assertThat(page.locator("#account-agency")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("body")).containsText("brauchen eine Wirtschaftsförderung");
            audit(page, "account-error");
            page.setViewportSize(390, 844);
            page.reload();
            assertNull(Browsers.horizontalOverflow(page, 390), "the account page fits a phone");
            audit(page, "account-phone");
            user.activate("form[action$='/sperren'] button");
            assertThat(page.locator("body")).containsText("Das Konto ist gesperrt");
            assertThat(page.locator("#saved")).isFocused();
            user.activate("form[action$='/freigeben'] button");
            assertThat(page.locator("body")).containsText("Die Person kann sich anmelden");
        }
        assertClean();
    }

    @Test
    void aPersonTheNetworkDisabledIsShownSoToTheirAgencyWhoseEnableIsRefused() {
        findings.clear();
        try (BrowserContext adminContext = Browsers.newContext(browser);
             BrowserContext staffContext = Browsers.newContext(browser)) {
            Page admin = signIn(adminContext);
            KeyboardUser user = new KeyboardUser(admin);
            user.activate(accountLink(admin, "Jonas Jansen"));
            String accountId = admin.url().replaceAll(".*/admin/konten/([^/?#]+).*", "$1");
            user.activate("form[action$='/sperren'] button");
            try {
                assertThat(admin.locator("main")).containsText("gesperrt durch die Netzwerkverwaltung");
                auditAtBothWidths(admin, "account-disabled-by-network", true);

                Page page = signIn(staffContext, provider, url(""), "browser-staff-pages-en-staff",
                    "staff@en-agentur.example.org");
                page.navigate(url("/agentur?lang=de"));
                Locator row = page.locator("main tr").filter(new Locator.FilterOptions().setHasText("Jonas Jansen"));
                assertThat(row).containsText("gesperrt durch die Netzwerkverwaltung");
                assertThat(row).containsText("Nur die Netzwerkverwaltung kann diesen Zugang freigeben.");
                // neither enabled nor withdrawn (and invited afresh) by the agency
                assertThat(row.locator("form")).hasCount(0);
                assertThat(row.getByText("Zugang von Jonas Jansen freigeben")).hasCount(0);
                assertThat(page.locator("main [role=alert]")).hasCount(0);
                auditAtBothWidths(page, "agency-team-disabled-by-network", true);

                // the enable posted anyway, as a stale page or a crafted request would: refused, said at the top
                page.waitForNavigation(() -> page.evaluate("id => { const f = document.createElement('form');"
                    + " f.method = 'post'; f.action = '/agentur/team/' + id + '/freigeben';"
                    + " const t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';"
                    + " t.value = document.querySelector('input[name=_csrf]').value; f.append(t);"
                    + " document.body.append(f); f.submit(); }", accountId));
                Locator alert = page.locator("main [role=alert]");
                assertThat(alert).hasCount(1);
                assertThat(alert).containsText("Den Zugang von Jonas Jansen hat die Netzwerkverwaltung gesperrt; nur sie kann daran etwas ändern.");
                assertThat(alert).isFocused();
                assertThat(row).containsText("gesperrt durch die Netzwerkverwaltung");
                auditAtBothWidths(page, "agency-team-network-refused", false);
            } finally {
                admin.navigate(url("/admin/konten/" + accountId));
                user.activate("form[action$='/freigeben'] button");
                assertThat(admin.locator("body")).containsText("Die Person kann sich anmelden");
            }
        }
        assertClean();
    }

    @Test
    void territoriesAreFoundByNameByKeyboard() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            KeyboardUser user = new KeyboardUser(page);
            user.activate("a[href='/admin/gebiete']");
            assertThat(page.locator("h1")).hasText("Gebiete zuordnen");
            assertThat(page.locator("#error-summary")).hasCount(0);
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a first load");
            audit(page, "territories-first-load");

            // too short a search: the error gets focus
            user.tabTo("#search-query");
            user.type("E");
            Response refused = user.activate("form[role=search] button");
            assertEquals(422, refused.status());
            assertEquals("error-summary", page.evaluate("() => document.activeElement.id"));
            assertThat(page.locator("#search-query")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#search-query")).hasValue("E");
            audit(page, "territories-error");

            user.tabTo("#search-query");
            page.keyboard().press("Control+A");
            user.type("Ennepe");
            user.activate("form[role=search] button");
            assertThat(page.locator("#results-title")).containsText("Treffer für „Ennepe“");
            assertThat(page.locator(".dc-place").first()).containsText("Ennepe-Ruhr-Kreis");
            assertThat(page.locator(".dc-place").first()).containsText("zugeordnet:");
            Locator assign = page.locator(".dc-place button").first();
            assertThat(assign).hasAttribute("aria-label", Pattern.compile("^Ennepetal \\(05954008\\) .+ zuordnen$"));
            audit(page, "territories-results");

            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the territories page fits a phone");
            audit(page, "territories-results-phone");
            assertThat(page.locator(".dc-place").nth(1)).containsText("bisher im Gebiet von");

            // a stale bookmark with an agency that is gone: the error at the search's agency, no assign buttons
            page.setViewportSize(1280, 900);
            Response stale = page.navigate(page.url().replaceAll("agencyId=[^&#]*", "agencyId=gibt-es-nicht"));
            assertEquals(422, stale.status());
            assertThat(page.locator("#error-summary")).containsText("Die Wirtschaftsförderung aus der Adresse gibt es nicht (mehr).");
            assertThat(page.locator("#search-agency")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator(".dc-place")).hasCount(0);
            audit(page, "territories-unknown-agency");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the refused search fits a phone");
            audit(page, "territories-unknown-agency-phone");
        }
        assertClean();
    }

    /**
     * Removing a territory asks first, saying who serves the places afterwards; cancelling by keyboard leads back to
     * the agencies with the territory still there. Both widths, axe-core on each.
     */
    @Test
    void removingATerritoryAsksFirstAndCancelKeepsIt() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            KeyboardUser user = new KeyboardUser(page);
            String remove = "a[href='/admin/gebiete/entfernen?agencyId=en-agentur&prefix=05954']";
            assertThat(page.locator(remove)).hasAttribute("aria-label", Pattern.compile("^Gebiet 05954 von .+ entfernen$"));
            user.activate(remove);
            assertThat(page.locator("h1")).hasText("Gebiet entfernen?");
            assertThat(page.locator("#content")).containsText("05954 Ennepe-Ruhr-Kreis gehört danach nicht mehr zu");
            assertThat(page.locator("#territory-successor")).containsText("NRW.INVEST");
            assertThat(page).hasTitle(Pattern.compile("^Gebiet entfernen\\? – Netzwerkverwaltung"));
            auditAtBothWidths(page, "territory-remove", true);
            page.setViewportSize(1280, 800);
            user.activate("a[href='/admin#agencies-title']");
            assertThat(page.locator("h1")).hasText("Netzwerkverwaltung");
            assertThat(page.locator(remove)).hasCount(1);
            assertThat(page.locator("#saved")).hasCount(0);

            // a removal of a place the agency does not have (a form changed on the way, or removed in another tab):
            // said so, focused, nothing removed — it was "saved"
            user.activate(remove);
            page.locator("input[name=prefix]").evaluate("input => input.value = '05999999'");
            Response refused = user.activate("#content form button[type=submit]");
            assertEquals(422, refused.status());
            assertThat(page.locator("h1")).hasText("Gebiet nicht entfernt");
            assertThat(page.locator("#territory-remove-refused")).containsText("Das Gebiet 05999999 gehört nicht zu");
            assertThat(page.locator("#territory-remove-refused")).isFocused();
            auditAtBothWidths(page, "territory-remove-refused", false);
            page.setViewportSize(1280, 800);
            user.activate("a[href='/admin#agencies-title']");
            assertThat(page.locator(remove)).hasCount(1);
        }
        assertClean();
    }

    /**
     * Two error states added on 1 December: an inbox whose date range runs backwards shows the inbox with the message
     * at the "to" field (it was a bare 400 page), and an agency whose short name would be a route's fixed segment is
     * refused at the field with the input kept; both on a desktop and a phone, axe-core on each.
     */
    @Test
    void aBackwardsDateRangeAndAShortNameLikeARouteSayWhatIsWrongAtTheField() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            Response inbox = page.navigate(url("/admin/agenturen/wf-dortmund/leads?from=2026-12-05&to=2026-11-01"));
            assertEquals(400, inbox.status());
            assertThat(page.locator("#f-to")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-to-error")).containsText("Enddatum liegt vor dem Anfangsdatum");
            assertThat(page.locator("#f-from")).hasValue("2026-12-05");
            assertThat(page.locator("#f-from-error")).hasCount(0);
            auditAtBothWidths(page, "inbox-dates-error", true);

            page.setViewportSize(1280, 900);
            page.navigate(url("/admin/agenturen/neu"));
            assertThat(page.locator("[aria-invalid=true]")).hasCount(0);
            page.fill("#agency-name", "Kollision Neu");
            page.fill("#agency-shortName", "Neu");
            page.fill("#agency-email", "neu@example.org");
            page.fill("#agency-firstContactDays", "2");
            page.locator("form:has(#agency-shortName) button[type=submit]").first().click();
            assertThat(page.locator("#agency-shortName")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("body")).containsText("als Adresse einer Portalseite vergeben");
            assertThat(page.locator("#agency-shortName")).hasValue("Neu");
            auditAtBothWidths(page, "agency-reserved-id-error", false);
        }
        assertClean();
    }

    /**
     * The questionnaire versions by keyboard: the list with its counts, a version's questions, an unknown version
     * refused at the field (a value no option offers, as a forged form would post), and the version for new checks
     * switched and recorded with who and when; both widths, axe-core on each.
     */
    @Test
    void questionnaireVersionsAreShownAndTheCurrentOneIsSwitchedByKeyboard() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            KeyboardUser user = new KeyboardUser(page);
            user.activate("a[href='/admin/fragebogen']");
            assertThat(page.locator("h1")).hasText("Fragebogen-Versionen");
            assertThat(page.locator("#version-2")).containsText("aktuell");
            assertThat(page.locator("#version-1")).not().containsText("aktuell");
            assertThat(page.locator("#questionnaire-version")).hasValue("2");
            assertThat(page.locator("body")).containsText("Noch keine Änderung");
            auditAtBothWidths(page, "questionnaires", true);

            user.activate("a[href='/admin/fragebogen/1']");
            assertThat(page.locator("h1")).hasText("Fragebogen Version 1");
            assertThat(page.locator("h2").first()).containsText("Strategie & Organisation");
            assertThat(page.locator("input, select, textarea").and(page.locator(":not([type=hidden])"))).hasCount(0);
            auditAtBothWidths(page, "questionnaire-1", true);
            user.activate("a[href='/admin/fragebogen']");

            page.evaluate("() => { const s = document.querySelector('#questionnaire-version');"
                + " s.add(new Option('Version 9', '9')); s.value = '9'; }");
            user.activate("form[action='/admin/fragebogen/aktuell'] button[type=submit]");
            assertThat(page.locator("#questionnaire-version")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#questionnaire-version-error")).containsText("bekannten Versionen");
            assertThat(page.locator("#questionnaire-version")).hasValue("");
            auditAtBothWidths(page, "questionnaires-error", false);

            user.tabTo("#questionnaire-version");
            user.press("ArrowDown");
            assertThat(page.locator("#questionnaire-version")).hasValue("1");
            user.activate("form[action='/admin/fragebogen/aktuell'] button[type=submit]");
            assertThat(page.locator("[role=status]")).containsText("Die Version für neue Checks ist geändert.");
            // the answer takes the focus (it once stayed at the top of the page, where nothing said the switch worked)
            assertThat(page.locator("#chosen")).isFocused();
            user.assertFocusInView();
            assertThat(page.locator("#version-1")).containsText("aktuell");
            assertThat(page.locator("section[aria-labelledby=history-title] tbody tr").first())
                .containsText("Nora Netzwerk");
            auditAtBothWidths(page, "questionnaires-chosen", false); // not reloaded: the note is said once

            page.selectOption("#questionnaire-version", "2");
            user.activate("form[action='/admin/fragebogen/aktuell'] button[type=submit]");
            assertThat(page.locator("#version-2")).containsText("aktuell");
        }
        assertClean();
    }

    /**
     * After a save, the note saying so takes the focus and is in view: it once sat at the top of the page, unfocused,
     * where a screen reader does not read a status that is there when the page loads, and after a logo's upload or
     * removal the page was scrolled to the logo's heading, the note far above it and out of view. A plain load moves
     * the focus nowhere.
     */
    @Test
    void aSavedNoteTakesTheFocusWhereTheSaveWasMade() {
        findings.clear();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context);
            KeyboardUser user = new KeyboardUser(page);
            page.navigate(url("/admin/agenturen/wf-herne"));
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
            assertThat(page.locator("#saved, #logo-saved")).hasCount(0);
            user.activate("form[action='/admin/agenturen/wf-herne'] button[type=submit]");
            assertThat(page.locator("#saved")).isFocused();
            assertThat(page.locator("#saved")).hasText("Die Änderungen sind gespeichert.");
            user.assertFocusInView();
            audit(page, "agency-saved");

            page.setViewportSize(390, 844);
            page.locator("#logo-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.png", "image/png", png()));
            user.activate("form[action='/admin/agenturen/wf-herne/logo'] button[type=submit]");
            assertThat(page.locator("img.dc-logo")).isVisible();
            assertThat(page.locator("#saved")).hasCount(0);
            Locator note = page.locator("section[aria-labelledby=logo-title] #logo-saved");
            assertThat(note).isFocused();
            assertThat(note).hasText("Die Änderungen sind gespeichert.");
            user.assertFocusInView();
            audit(page, "agency-logo-saved-phone");

            user.activate("form[action='/admin/agenturen/wf-herne/logo/entfernen'] button[type=submit]");
            assertThat(page.locator("img.dc-logo")).hasCount(0);
            assertThat(note).isFocused();
            user.assertFocusInView();
            // once, after the post (a Flash note; "?logo" in the address said it, and took the focus, on every reload)
            page.reload();
            assertThat(note).hasCount(0);
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a reload");
            page.navigate(url("/admin/agenturen/wf-herne"));
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
        }
        assertClean();
    }

    private static byte[] png() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * A company name of 200 characters without a space, as a link in the leads' tables: KERN's links are inline-flex
     * boxes as wide as their longest word, so the name ran out of its cell and the page scrolled sideways (1 839 px at
     * 390 px). It breaks at the cell's edge now, in the agency's inbox and in the admin's queue of leads without an
     * agency, on a desktop and on a phone.
     */
    @Test
    void aNameWithoutSpacesBreaksInsideTheLeadTables() {
        String name = "Donaudampfschifffahrtselektrizitaetenhauptbetriebswerkbauunterbeamtengesellschaft".repeat(3)
            .substring(0, 200);
        de.digitalcheck.portal.support.Http http = new de.digitalcheck.portal.support.Http(server, json);
        for (String postalCode : List.of("58452", "01067")) { // Witten (EN-Agentur) and Dresden (no agency: the queue)
            de.digitalcheck.portal.support.CompletedChecks.of(questionnaires.current()).named(name).at(postalCode)
                .contact("Lang Name", "lang-" + postalCode + "@example.org").sharedWithAgency().submit(http);
        }
        try (BrowserContext admin = Browsers.newContext(browser);
             BrowserContext staff = Browsers.newContext(browser)) {
            Page queue = signIn(admin);
            queue.navigate(url("/admin/leads"));
            Page inbox = signIn(staff, provider, url(""), "browser-staff-pages-en-staff", "staff@en-agentur.example.org");
            inbox.navigate(url("/agentur/leads"));
            for (Page page : List.of(queue, inbox)) {
                assertThat(page.locator("main tbody")).containsText(name.substring(0, 40));
                for (int width : List.of(1280, 390)) {
                    page.setViewportSize(width, 900);
                    assertNull(Browsers.horizontalOverflow(page, width), page.url() + " at " + width + " px");
                }
                page.setViewportSize(1280, 900);
            }
        }
    }

    private Page signIn(BrowserContext context) {
        Page page = signIn(context, provider, url(""), "browser-staff-pages-admin", ADMIN);
        assertThat(page).hasURL(url("/admin"));
        return page;
    }

    /**
     * The sign-out button's text sits on the same baseline as the header's links: in the same font size, the bottoms of
     * the texts' boxes are level (a button's padding or alignment would lift or drop its text).
     */
    private static void assertSignOutOnTheBaseline(Page page) {
        Object measured = page.evaluate("() => { const text = e => { const r = document.createRange();"
            + " r.selectNodeContents(e); return r.getBoundingClientRect().bottom + ' ' + getComputedStyle(e).fontSize; };"
            + " return [text(document.querySelector('.dc-user form button .kern-label')),"
            + " ...[...document.querySelectorAll('.dc-user > a')].map(text)]; }");
        List<?> texts = (List<?>) measured;
        assertTrue(texts.size() >= 3, "links and the sign-out button in the header: " + texts);
        String[] button = texts.get(0).toString().split(" ");
        // on a phone the row may wrap: the button shares its baseline with a link on its line
        boolean level = texts.subList(1, texts.size()).stream().map(t -> t.toString().split(" "))
            .anyMatch(link -> link[1].equals(button[1])
                && Math.abs(Double.parseDouble(link[0]) - Double.parseDouble(button[0])) <= 1);
        assertTrue(level, "Abmelden (bottom, font size) " + texts.get(0) + " is not level with a header link " + texts);
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    @Override
    protected void audit(Page page, String name) {
        super.audit(page, "staff-" + name);
    }

    /** The selector of the account link (in the admin's table) whose text names the person: its address, read from the page. */
    private static String accountLink(com.microsoft.playwright.Page page, String name) {
        String href = page.locator("a[href^='/admin/konten/']")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name)).first().getAttribute("href");
        return "a[href='" + href + "']";
    }
}
