package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ForcedColors;
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

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's pages in a real browser, on a desktop (1280 px) and a phone (390 px), by keyboard, with axe-core on each:
 * the lead detail with the check's levels and the audit trail, the forward form refused without a reason (error
 * summary focused), the agency's dashboard with its charts and tables, and the admin's dashboard and inbox of an
 * agency. Screenshots are kept as {@code target/screenshots/dash-*.png}.
 */
@MicronautTest(transactional = false)
class DashBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

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

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    private Page signIn(BrowserContext context, String subject, String email) {
        return signIn(context, provider, server.getURL().toString(), subject, email);
    }

    private void both(Page page, String name) {
        page.setViewportSize(1280, 900);
        // the tables' cells break no word that fits (the trail's "Wer" read "Unterneh|men" at 1280 px)
        assertNull(Browsers.brokenWords(page, "main td, main th"), name + ": words broken in a table at 1280 px");
        audit(page, "dash-" + name + "-1280");
        page.setViewportSize(390, 844);
        assertNull(Browsers.horizontalOverflow(page, 390), name + " fits a phone");
        assertNull(Browsers.brokenWords(page, "main td, main th"), name + ": words broken in a table on a phone");
        assertNull(Browsers.squeezedCaptions(page), name + ": table captions span their tables on a phone");
        audit(page, "dash-" + name + "-390");
        page.setViewportSize(1280, 900);
    }

    @Test
    void staffWorkALeadAndSeeTheirDashboard() {
        String leadId = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Dash Dreherei GmbH")
            .at("44135").contact("Dora Dash", "dora@dash.example.org").sharedWithAgency().submit(new Http(server, json))
            .document().get("lead")).get("id");
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, "dash-browser-do-staff", "staff@dortmund.example.org");
            page.navigate(server.getURL() + "/agentur/leads/" + leadId);
            KeyboardUser user = new KeyboardUser(page);
            page.selectOption("#stage-to", "CONTACTED");
            page.fill("#stage-note", "Erstgespräch am Telefon vereinbart");
            user.activate("form[action$='/status'] button[type=submit]");
            assertThat(page.locator("section[aria-labelledby=audit-title]")).containsText("Erstgespräch am Telefon");
            // the note that it is saved takes the focus, above the trail's new line (the redirect once named the trail's
            // heading: the focus stayed on the page's body, and nothing said that the change was saved)
            assertThat(page.locator("section[aria-labelledby=audit-title] #lead-changed")).isFocused();
            assertThat(page.locator("#lead-changed")).hasText("Die Änderungen sind gespeichert.");
            user.assertFocusInView();
            assertThat(page.locator("section[aria-labelledby=result-title]")).containsText("Strategie");
            assertThat(page.locator("#error-summary")).hasCount(0);
            both(page, "lead-detail");

            page.fill("#forward-reason", "");
            user.activate("form[action$='/weiterleiten'] button[type=submit]");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary")).containsText("Grund der Weiterleitung");
            assertThat(page.locator("#forward-reason")).hasAttribute("aria-invalid", "true");
            both(page, "forward-error");

            page.navigate(server.getURL() + "/agentur/kennzahlen");
            assertThat(page.locator("svg[role=img]")).hasCount(3);
            assertThat(page.locator("#error-summary")).hasCount(0);
            both(page, "dashboard");
            // in forced colours (Windows contrast themes) the system replaces the page's colours but not the charts'
            // SVG paint: their labels and values stayed #1f2328 and the bars dark blue and grey on the theme's black.
            // Labels in CanvasText, the first series filled with Highlight, the second outlined in CanvasText.
            page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.ACTIVE)
                .setColorScheme(ColorScheme.DARK));
            Map<?, ?> paint = (Map<?, ?>) page.evaluate("() => { const s = e => getComputedStyle(e);"
                + " const chart = document.querySelector('section[aria-labelledby=levels-heading]');"
                + " return { text: s(document.body).color, canvas: s(document.body).backgroundColor,"
                + "  label: s(chart.querySelector('svg.dc-chart text')).fill,"
                + "  first: s(chart.querySelector('svg.dc-chart .dc-chart__series0')).fill,"
                + "  second: s(chart.querySelector('svg.dc-chart .dc-chart__series1')).fill,"
                + "  secondLine: s(chart.querySelector('svg.dc-chart .dc-chart__series1')).stroke,"
                + "  swatch: s(chart.querySelector('.dc-chart-legend .dc-chart__series0')).fill }; }");
            assertEquals(paint.get("text"), paint.get("label"), "chart labels in CanvasText: " + paint);
            assertNotEquals(paint.get("canvas"), paint.get("first"), "first series visible: " + paint);
            assertNotEquals(paint.get("first"), paint.get("second"), "the series told apart: " + paint);
            assertEquals(paint.get("text"), paint.get("secondLine"), "second series outlined: " + paint);
            assertEquals(paint.get("first"), paint.get("swatch"), "the legend as the bars: " + paint);
            audit(page, "dash-dashboard-forced-colors-1280");
            page.emulateMedia(new Page.EmulateMediaOptions().setForcedColors(ForcedColors.NONE)
                .setColorScheme(ColorScheme.LIGHT));
            // the charts' words stay legible on a phone: labels and values of at least 13 px (boxes at least 15 px
            // high; they were 12 and 11 px, scaled down with the chart)
            page.setViewportSize(390, 844);
            Object smallest = page.evaluate("() => Math.min(...[...document.querySelectorAll('svg.dc-chart text')]"
                + ".map(t => t.getBoundingClientRect().height))");
            assertTrue(((Number) smallest).doubleValue() >= 15, "chart text on a phone: " + smallest + " px high");
            page.setViewportSize(1280, 900);
            user.tabTo("section[aria-labelledby=levels-heading] summary");
            user.press("Enter");
            assertThat(page.locator("section[aria-labelledby=levels-heading] table")).isVisible();
            both(page, "dashboard-table");
        }
        assertClean();
    }

    @Test
    void adminsSeeAnAgencysDashboardAndInbox() {
        CompletedChecks.of(questionnaires.current()).named("Dash Witten Werk KG").at("58452")
            .contact("Wanda Dash", "wanda@dash.example.org").sharedWithAgency().submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, "dash-browser-admin", "admin@digitalcheck.example.org");
            page.navigate(server.getURL() + "/admin/kennzahlen");
            page.selectOption("#dashboard-agency", "en-agentur");
            new KeyboardUser(page).activate("form[action='/admin/kennzahlen'] button");
            assertThat(page.locator("h1 + p")).containsText("EN-Agentur");
            // the admin's chart names the agency's territory (it said "Ihr Gebiet", the staff's words)
            String levels = page.locator("#levels-desc").textContent();
            assertTrue(levels.contains("dunkel das Gebiet von EN-Agentur") && !levels.contains("Ihr"), levels);
            both(page, "admin-dashboard");
            // an agency that does not exist: 400, the reason at the top (focused), the network's figures
            com.microsoft.playwright.Response refused = page.navigate(server.getURL() + "/admin/kennzahlen?agency=nope");
            assertEquals(400, refused.status());
            assertThat(page.locator("#error-summary")).containsText("Die Wirtschaftsförderung in der Adresse gibt es nicht");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("h1 + p")).hasText("Ganzes Netzwerk");
            both(page, "admin-dashboard-unknown-agency");
            page.navigate(server.getURL() + "/admin/leads");
            page.selectOption("#inbox-agency", "en-agentur");
            new KeyboardUser(page).activate("form[action='/admin/leads/agentur'] button");
            assertThat(page.locator("main, #content").first()).containsText("Dash Witten Werk KG");
            both(page, "admin-inbox");
            // "Zuständig": the agency's people, as its staff see them, and no "mir" (the admin is none of them)
            assertThat(page.locator("#f-assignee option[value=me]")).hasCount(0);
            assertThat(page.locator("#f-assignee")).containsText("Carla Coach");
            assertThat(page.locator("#f-assignee")).containsText("Emil Ennepe");
            page.selectOption("#f-assignee", new com.microsoft.playwright.options.SelectOption().setLabel("Carla Coach (Coach)"));
            new KeyboardUser(page).activate("form.dc-inbox-filter button[type=submit]");
            assertThat(page.locator("#f-assignee option:checked")).hasText("Carla Coach (Coach)");
            assertThat(page.locator("#error-summary")).hasCount(0);
            both(page, "admin-inbox-assignee");
        }
        assertClean();
    }
}
