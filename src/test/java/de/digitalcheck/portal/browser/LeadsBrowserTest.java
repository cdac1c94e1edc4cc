package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Leads in a real browser (issue 12): the result page's consent refused without the tick (error summary focused,
 * the box named in it), then given by keyboard; the agency's leads and webhook page with a refused address and its
 * delivery log (a failed attempt explained in German), on a desktop and on a phone; axe-core on each.
 */
@MicronautTest(transactional = false)
class LeadsBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void aCompanySharesItsResultAndTheAgencySeesTheLead() {
        findings.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Browser Blech GmbH")
            .at("44135").submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + check.resultPath());
            KeyboardUser user = new KeyboardUser(page);
            assertEquals(0, page.locator("#consent-shared").count(), "not shared yet");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a first load");
            page.fill("#consent-name", "Bea Blech");
            page.fill("#consent-email", "bea@blech.example.org");
            user.activate("#consent button[type=submit]");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary")).containsText("Häkchen");
            assertThat(page.locator("#consent-share")).hasAttribute("aria-invalid", "true");
            audit(page, "leads-consent-error");
            // the error list sits in the next steps' card (h3) above the form's own h4: its heading was an h2, which
            // broke the outline for screen readers' heading navigation (axe-core's "heading-order", not a WCAG tag)
            assertNull(Axe.violationsOf(page, "leads-consent-error", List.of("heading-order")),
                "the consent's error list keeps the heading order");
            assertThat(page.locator("#consent #error-summary h2")).hasCount(0);
            assertThat(page.locator("#consent #error-summary h4")).hasText("Bitte prüfen Sie Ihre Angaben");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the consent fits a phone");
            audit(page, "leads-consent-error-phone");
            page.check("#consent-share");
            user.activate("#consent button[type=submit]");
            assertThat(page.locator("#consent")).containsText("Wirtschaftsförderung Dortmund meldet sich bis spätestens");
            // the answer takes the focus: it once stayed on the page's body (the redirect named the whole block,
            // which cannot take it), and keyboard and screen-reader users started again at the top of the page
            assertThat(page.locator("#consent-shared")).isFocused();
            assertEquals("consent-shared", page.evaluate("() => document.activeElement.id"));
            // ... and shows it whole: the redirect's fragment and the focus once put it flush against the window's top
            // edge, its top border and the focus ring's top cut off
            user.assertFocusInView();
            audit(page, "leads-consent-given");
            // the page opened again later says the same, without taking the focus anywhere
            page.navigate(server.getURL() + check.resultPath());
            assertThat(page.locator("#consent-shared")).containsText("Wirtschaftsförderung Dortmund meldet sich");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
            assertThat(page.locator("#consent-shared")).not().hasAttribute("tabindex", "-1");
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-leads-do-staff", Map.of("email", "staff@dortmund.example.org", "email_verified", true));
            Page page = context.newPage();
            page.navigate(server.getURL() + "/anmelden");
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(server.getURL() + "/agentur/leads");
            assertThat(page.locator("h1")).hasText("Anfragen und Webhook");
            assertThat(page.locator("section[aria-labelledby=leads-title]")).containsText("Browser Blech GmbH");
            audit(page, "leads-agency-leads");
            // the webhook's hint holds an example address: it breaks after a slash or a dot on a phone, not inside a
            // word ("…/hooks/digitalc|heck" at 390 px), and stays inside the column; so in the refused form's answer
            assertThat(page.locator("#webhook-url-hint"))
                .hasText("Zum Beispiel https://crm.example.org/hooks/digitalcheck");
            hintBreaksOnAPhone(page, "leads-webhook-hint");
            page.fill("#webhook-url", "kein link");
            new KeyboardUser(page).activate("form[action='/agentur/webhook'] button");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#webhook-url")).hasAttribute("aria-invalid", "true");
            audit(page, "leads-webhook-error");
            hintBreaksOnAPhone(page, "leads-webhook-error-hint");
            page.fill("#webhook-url", "http://127.0.0.1:9/hook");
            new KeyboardUser(page).activate("form[action='/agentur/webhook'] button");
            assertThat(page.locator("code.dc-secret")).containsText("whsec_");
            // the secret, shown this once, takes the focus and is in view (the focus once stayed at the top of a long
            // page, and a screen reader said nothing of it); so does the answer to sending a test event (its redirect
            // once named the section's heading, which cannot take the focus)
            assertThat(page.locator("#webhook-secret")).isFocused();
            new KeyboardUser(page).assertFocusInView();
            page.navigate(server.getURL() + "/agentur/leads");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
            new KeyboardUser(page).activate("form[action='/agentur/webhook/test'] button");
            assertThat(page.locator("#webhook-test-sent")).isFocused();
            new KeyboardUser(page).assertFocusInView();
            assertThat(page.locator("section[aria-labelledby=log-title]")).containsText("webhook.test");
            // nothing listens at port 9: the attempt fails, and the log says so in German, the client's words beside it
            long until = System.currentTimeMillis() + 15_000;
            while (!page.locator("section[aria-labelledby=log-title]").innerText().contains("abgelehnt")
                && System.currentTimeMillis() < until) {
                page.waitForTimeout(300);
                page.reload();
            }
            assertThat(page.locator("section[aria-labelledby=log-title]"))
                .containsText("Der Empfänger war nicht erreichbar: Die Verbindung wurde abgelehnt.");
            assertThat(page.locator("section[aria-labelledby=log-title]")).containsText("ConnectException");
            audit(page, "leads-webhook-log");
            page.setViewportSize(390, 844);
            page.reload();
            assertNull(Browsers.horizontalOverflow(page, 390), "the leads page fits a phone");
            audit(page, "leads-webhook-log-phone");
            page.setViewportSize(1280, 900);
            // a receiver away for longer than every attempt: the failed delivery is offered again; the endpoint switched
            // off meanwhile (a 410 between loading and sending) is the error at the choice, then it is sent again
            var db = new de.digitalcheck.portal.support.Database(dataSource);
            java.sql.Timestamp yesterday = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(20 * 3600));
            db.execute("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
                + "next_attempt_at, created_at, last_status, last_failure) SELECT 'msg_browserreplay', agency_id, id, "
                + "'lead.created', '{}', 'FAILED', 8, ?, ?, 503, 'STATUS' FROM agency_lead WHERE company_name = "
                + "'Browser Blech GmbH'", yesterday, yesterday);
            page.navigate(server.getURL() + "/agentur/leads");
            assertThat(page.locator("#webhook-replay-since")).hasValue("7");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
            auditAtBothWidths(page, "leads-webhook-replay-offer", false);
            // the endpoint switched off (a 410) after the page was loaded: its test is refused, saying so and how to
            // switch it on, focused (it said the test was on its way); the page then offers no test
            db.execute("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = '410 Gone' WHERE agency_id = 'wf-dortmund'");
            new KeyboardUser(page).activate("form[action='/agentur/webhook/test'] button");
            assertThat(page.locator("#webhook-test-refused")).isFocused();
            new KeyboardUser(page).assertFocusInView();
            assertThat(page.locator("#webhook-test-refused")).containsText("Der Webhook ist abgeschaltet, darum wurde kein "
                + "Testereignis gesendet.");
            assertThat(page.locator("#webhook-test-sent")).hasCount(0);
            assertThat(page.locator("form[action='/agentur/webhook/test']")).hasCount(0);
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Kein Testereignis gesendet – "));
            auditAtBothWidths(page, "leads-webhook-test-refused", false);
            // its address loaded again from the address bar (a GET; it was 405): the webhook's settings
            assertEquals(200, page.navigate(server.getURL() + "/agentur/webhook/test").status());
            assertEquals(server.getURL() + "/agentur/leads#webhook-title", page.url());
            assertThat(page.locator("#webhook-test-refused")).hasCount(0);
            db.execute("UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL WHERE agency_id = 'wf-dortmund'");
            page.navigate(server.getURL() + "/agentur/leads");
            db.execute("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = '410 Gone' WHERE agency_id = 'wf-dortmund'");
            new KeyboardUser(page).activate("form[action='/agentur/webhook/erneut-senden'] button");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#webhook-replay-since")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#webhook-replay-since-error")).containsText("Der Webhook ist abgeschaltet.");
            assertThat(page.locator("#error-summary")).containsText("Nicht erneut gesendet");
            assertThat(page.locator("#error-summary")).not().containsText("Adresse wurde nicht gespeichert");
            auditAtBothWidths(page, "leads-webhook-replay-error", false);
            page.setViewportSize(1280, 900);
            db.execute("UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL WHERE agency_id = 'wf-dortmund'");
            page.navigate(server.getURL() + "/agentur/leads");
            page.selectOption("#webhook-replay-since", "1");
            new KeyboardUser(page).activate("form[action='/agentur/webhook/erneut-senden'] button");
            assertThat(page.locator("#webhook-replayed")).isFocused();
            new KeyboardUser(page).assertFocusInView();
            assertThat(page.locator("#webhook-replayed")).hasText("Eine Zustellung wird erneut gesendet; das Protokoll "
                + "zeigt, wie es ausgeht.");
            auditAtBothWidths(page, "leads-webhook-replayed", false);
            page.setViewportSize(1280, 900);
            // a filter value the inbox does not have (a link edited by hand): the error page leads back to the inbox
            assertEquals(400, page.navigate(server.getURL() + "/agentur/leads?status=WHATEVER").status());
            assertThat(page.locator("main")).containsText("Die Anfrage war fehlerhaft.");
            auditAtBothWidths(page, "leads-inbox-bad-filter", true);
            page.locator("main a.kern-link", new Page.LocatorOptions().setHasText("ohne die Angaben in der Adresse"))
                .click();
            assertThat(page.locator("h1")).hasText("Anfragen und Webhook");
            assertEquals(server.getURL() + "/agentur/leads", page.url());
        }
        assertClean();
    }

    /**
     * A company that shared its result and then moved to another agency's territory: the profile page says who has its
     * data, the result page names that agency and offers the consent for the one responsible now; then the move into
     * no territory, where the network's team is named. axe-core on each, desktop and phone.
     */
    /** At 390 px: no word of the page's hints and field errors broken, nothing past the column; then at 1280 px. */
    private void hintBreaksOnAPhone(Page page, String name) {
        page.setViewportSize(390, 844);
        assertNull(Browsers.brokenWords(page, "main .kern-hint, main .kern-error"), name + ": words broken on a phone");
        assertNull(Browsers.horizontalOverflow(page, 390), name + ": fits a phone");
        audit(page, name + "-390");
        page.setViewportSize(1280, 900);
    }

    @Test
    void aSharedResultWhoseLocationMovedNamesWhoHoldsItAndOffersTheNewConsent() {
        findings.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Umzug Browser GmbH")
            .at("44135").contact("Uwe Umzug", "uwe@umzug-browser.example.org").sharedWithAgency()
            .submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/check/" + check.token() + "/profile");
            assertThat(page.locator("#profile-shared")).containsText("an Wirtschaftsförderung Dortmund weitergegeben");
            audit(page, "leads-moved-profile");
            page.fill("#postalCode", "44787");
            new KeyboardUser(page).activate("form button[type=submit]");
            page.navigate(server.getURL() + check.resultPath());
            assertThat(page.locator("#consent-moved")).containsText("Wirtschaftsförderung Dortmund hat Ihr Ergebnis seit dem");
            assertThat(page.locator("#consent-moved")).containsText("WirtschaftsEntwicklungsGesellschaft Bochum zuständig");
            assertThat(page.locator("#consent-share")).isVisible();
            audit(page, "leads-moved-result");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the moved notice fits a phone");
            audit(page, "leads-moved-result-phone");
            page.setViewportSize(1280, 900);
            page.navigate(server.getURL() + "/check/" + check.token() + "/profile");
            page.fill("#postalCode", "10115");
            new KeyboardUser(page).activate("form button[type=submit]");
            page.navigate(server.getURL() + check.resultPath());
            assertThat(page.locator("#agency-title")).hasText("Sprechen Sie mit dem Team von InDieRegionRuhr4.0");
            assertThat(page.locator("#consent-moved")).containsText("keine Wirtschaftsförderung des Netzwerks zuständig");
            audit(page, "leads-moved-fallback");
        }
        assertClean();
    }

    /**
     * A shared result's company type changed to one with further questions: a new check with the changed profile and
     * every answer, whose profile page says so (the shared check stays as it was shared).
     */
    @Test
    void aSharedResultsTypeChangeWithFurtherQuestionsSaysANewCheckWasMade() {
        findings.clear();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Dienst Browser GmbH")
            .at("44135").typed(de.digitalcheck.portal.readiness.CompanyType.SERVICES)
            .contact("Dora Dienst", "dora@dienst-browser.example.org").sharedWithAgency().submit(new Http(server, json));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/check/" + check.token() + "/profile");
            assertThat(page.locator("#profile-copied")).hasCount(0);
            page.check("#type-OWN_PRODUCTS");
            new KeyboardUser(page).activate("form button[type=submit]");
            assertThat(page.locator("#profile-copied")).containsText("Ein neuer Selbstcheck für die geänderten Angaben");
            assertThat(page.locator("#profile-shared")).hasCount(0);
            assertEquals(-1, page.url().indexOf(check.token()), "the new check's own address");
            audit(page, "leads-type-changed-profile");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the note fits a phone");
            audit(page, "leads-type-changed-profile-phone");
            page.setViewportSize(1280, 900);
        }
        assertClean();
    }
}
