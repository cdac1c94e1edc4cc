package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The company's appointment under its private link in a real browser, by keyboard only, at 1280 and 390 px with
 * axe-core (issue 15): the manage page, moving to another free time (and a time just taken: 409), the old link's page
 * after the move, cancelling with a reason (a reason too long first: 422 with the field named); the coach's page of an
 * appointment, moving it with a message; the agency's staff read the move and the cancellation on the lead's trail.
 */
@MicronautTest(transactional = false)
class AppointmentLifeBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final SmtpServer smtp = new SmtpServer();
    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Accounts accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(provider.browserPortalProperties());
        properties.putAll(smtp.portalProperties());
        return properties;
    }

    @Override
    protected void afterBrowser() {
        smtp.stop();
        provider.stop();
    }

    /** Two bookings of the demo coach on one day some weeks ahead, through the API. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> twoBookings() {
        Http http = new Http(server, json);
        String coach = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        String type = (String) ((Map<String, Object>) http.list(http.get("/api/v1/appointment-types?agency=en-agentur"))
            .get(0)).get("id");
        LocalDate from = LocalDate.now(BERLIN).plusDays(21);
        List<Map<String, Object>> slots = (List<Map<String, Object>>) http.map(http.get("/api/v1/slots?agency=en-agentur"
            + "&type=" + type + "&from=" + from + "&to=" + from.plusDays(14) + "&coach=" + coach)).get("slots");
        Map<String, Object> first = book(http, type, coach, (String) slots.get(0).get("start"), "lilli@life.example",
            true);
        Map<String, Object> second = book(http, type, coach, (String) slots.get(slots.size() - 1).get("start"),
            "other@life.example", false);
        return List.of(first, second);
    }

    /** Another company books the demo coach at {@code start} (an instant). */
    @SuppressWarnings("unchecked")
    private void takeTime(String start) {
        Http http = new Http(server, json);
        String coach = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        String type = (String) ((Map<String, Object>) http.list(http.get("/api/v1/appointment-types?agency=en-agentur"))
            .get(0)).get("id");
        book(http, type, coach, start, "quick@life.example", false);
    }

    private Map<String, Object> book(Http http, String type, String coach, String start, String email,
                                     boolean shared) {
        var made = http.postJson("/api/v1/bookings", "{\"agencyId\":\"en-agentur\",\"typeId\":\"" + type
            + "\",\"start\":\"" + start + "\",\"coachId\":\"" + coach + "\",\"company\":{\"name\":\"Lilli Leuchten GmbH\","
            + "\"postalCode\":\"58452\"},\"contact\":{\"name\":\"Lilli Licht\",\"email\":\"" + email + "\"},"
            + (shared ? "\"consent\":{\"shareWithAgency\":true}," : "") + "\"language\":\"de\"}");
        assertEquals(201, made.statusCode());
        return http.map(made);
    }

    @Test
    void theCompanyMovesAndCancelsItsAppointmentByKeyboard() {
        List<Map<String, Object>> bookings = twoBookings();
        Map<String, Object> mine = bookings.get(0);
        String id = (String) mine.get("id");
        String firstLink = "/termin/buchung/" + id + "?token=" + mine.get("token");
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url(firstLink));
            KeyboardUser user = new KeyboardUser(page);
            assertThat(page.locator("h1")).hasText("Ihr Termin ist gebucht");
            assertEquals(0, page.locator("[role=alert]").count(), "no error on a first load");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"));
            auditBoth(page, "life-manage");

            user.activate("a[href*='/verschieben']");
            assertThat(page.locator("h1")).hasText("Termin verschieben");
            assertEquals(0, page.locator("[role=alert]").count());
            auditBoth(page, "life-reschedule");
            // a time another company has in the address: 409 with its week and why, never a step to confirm it
            String taken = OffsetDateTime.parse((String) bookings.get(1).get("start")).toInstant().toString();
            Response refused = page.navigate(url("/termin/buchung/" + id + "/verschieben?token=" + mine.get("token")
                + "&start=" + taken));
            assertEquals(409, refused.status());
            assertThat(page.locator("[role=alert]")).containsText("Diese Zeit kann nicht gebucht werden");
            assertEquals(0, page.locator("#move-chosen").count());

            // a free time chosen, and taken by another company before it is confirmed: 409 with the week again
            user.activate("a.dc-time");
            assertThat(page.locator("#move-chosen")).containsText("Neue Zeit: ");
            takeTime(page.locator("input[name=start]").inputValue());
            Response conflict = user.activate("form[action$='/verschieben'] button[type=submit]");
            assertEquals(409, conflict.status());
            assertThat(page.locator("[role=alert]")).containsText("gerade vergeben");
            auditBoth(page, "life-reschedule-taken");

            // a free time, confirmed: the appointment moves, under a new link
            user.activate("a.dc-time");
            assertThat(page.locator("#move-chosen")).containsText("Neue Zeit: ");
            auditBoth(page, "life-reschedule-confirm");
            user.activate("form[action$='/verschieben'] button[type=submit]");
            assertThat(page.locator("[role=status]").first()).containsText("Ihr Termin ist verschoben");
            assertThat(page.locator("h1")).hasText("Ihr Termin wurde verschoben");
            String newLink = page.url();
            assertTrue(newLink.contains("token=") && !newLink.contains((String) mine.get("token")), newLink);
            assertFalse(newLink.contains("verschoben"), "the note is not in the address: " + newLink);
            auditBoth(page, "life-moved");
            // said once, after the post (a Flash note for the appointment's path): a reload, or the address that said
            // it before ("&verschoben"), shows the appointment without it
            page.reload();
            assertThat(page.locator("h1")).hasText("Ihr Termin ist gebucht");
            assertEquals(0, page.locator("text=Ihr Termin ist verschoben").count(), "a reload");
            page.navigate(newLink + "&verschoben");
            assertThat(page.locator("h1")).hasText("Ihr Termin ist gebucht");
            assertEquals(0, page.locator("text=Ihr Termin ist verschoben").count(), "the old address");

            // the first link opens nothing any more: a page that says why
            Response stale = page.navigate(url(firstLink));
            assertEquals(404, stale.status());
            assertThat(page.locator("h1")).hasText("Dieser Link gilt nicht (mehr)");
            assertEquals(0, page.locator("text=Lilli Leuchten").count());
            auditBoth(page, "life-stale");

            // cancelling asks for a reason: too long first (422, the field named), then a short one
            page.navigate(newLink);
            user.activate("a[href*='/absagen']");
            assertThat(page.locator("h1")).hasText("Termin absagen");
            auditBoth(page, "life-cancel");
            user.tabTo("#cancel-reason");
            // the field holds at most 500 characters; a client that ignores maxlength sends more
            page.evaluate("() => document.getElementById('cancel-reason').removeAttribute('maxlength')");
            page.locator("#cancel-reason").fill("x".repeat(501));
            Response invalid = user.activate("form[action$='/absagen'] button[type=submit]");
            assertEquals(422, invalid.status());
            assertThat(page.locator("#error-summary")).containsText("höchstens 500");
            assertThat(page.locator("#cancel-reason")).hasAttribute("aria-invalid", "true");
            auditBoth(page, "life-cancel-error");
            user.tabTo("#cancel-reason");
            page.keyboard().press("Control+A");
            user.type("Wir haben einen Messetermin.");
            user.activate("form[action$='/absagen'] button[type=submit]");
            assertThat(page.locator("h1")).hasText("Termin abgesagt");
            assertThat(page.locator("[role=status]").first()).containsText("Ihr Termin ist abgesagt");
            assertEquals(0, page.locator("a[href*='/verschieben']").count());
            auditBoth(page, "life-cancelled");
            page.reload();
            assertThat(page.locator("h1")).hasText("Termin abgesagt");
            assertEquals(0, page.locator("text=Ihr Termin ist abgesagt").count(), "said once");
        }
        // the booking was shared with the agency: its staff read the move and the cancellation on the lead's trail
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-life-en-staff", Map.of("email", "staff@en-agentur.example.org",
                "email_verified", true));
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(url("/agentur/leads?sort=company"));
            page.navigate(url(page.locator("a:has-text('Lilli Leuchten GmbH')").first().getAttribute("href")));
            var trail = page.locator("section[aria-labelledby=audit-title]");
            assertThat(trail).containsText("Termin verschoben");
            assertThat(trail).containsText("Termin abgesagt");
            assertThat(trail).containsText("Unternehmen");
            assertTrue(!trail.innerText().contains((String) mine.get("token")), "no token on the trail");
            auditBoth(page, "life-lead-trail");
        }
        assertClean();
    }

    @Test
    void theCoachMovesAnAppointmentWithAMessageByKeyboard() {
        Map<String, Object> booking = twoBookings().get(1);
        String id = (String) booking.get("id");
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-life-en-coach", Map.of("email", "coach@en-agentur.example.org",
                "email_verified", true));
            Page page = context.newPage();
            page.navigate(url("/anmelden"));
            KeyboardUser user = new KeyboardUser(page);
            user.activate("a[href='/oauth/login/oidc']");
            LocalDate day = OffsetDateTime.parse((String) booking.get("start")).atZoneSameInstant(BERLIN).toLocalDate();
            page.navigate(url("/coach/termine?woche=" + day));
            user.activate("a[href='/coach/termine/" + id + "']");
            assertThat(page.locator("h1")).hasText("Termin mit Lilli Leuchten GmbH");
            assertEquals(0, page.locator("[role=alert]").count(), "no error on a first load");
            auditBoth(page, "life-coach-appointment");
            user.activate("a.dc-time");
            user.tabTo("#move-message");
            user.type("Ich bin an dem Tag auf einer Messe.");
            user.activate("form[action$='/verschieben'] button[type=submit]");
            assertThat(page.locator("[role=status]").first()).containsText("Der Termin ist verschoben");
            assertThat(page.locator("#changed")).isFocused();
            auditBoth(page, "life-coach-moved");
            // said once (a Flash note): a reload, or the address that said it before ("?geaendert"), says nothing
            page.reload();
            assertThat(page.locator("h1")).hasText("Termin mit Lilli Leuchten GmbH");
            assertEquals(0, page.locator("#changed").count(), "a reload");
            page.navigate(url("/coach/termine/" + id + "?geaendert"));
            assertThat(page.locator("h1")).hasText("Termin mit Lilli Leuchten GmbH");
            assertEquals(0, page.locator("#changed").count(), "the old address");
        }
        assertClean();
    }

    @Inject
    de.digitalcheck.portal.readiness.Questionnaires questionnaires;

    /** Mein Unternehmen lists the address's appointments; one opens on its page under a new link (issue: company pages). */
    @Test
    void theCompanySeesItsAppointmentsInMeinUnternehmenAndOpensOneByKeyboard() throws Exception {
        Http http = new Http(server, json);
        de.digitalcheck.portal.support.CompletedChecks.of(questionnaires.current()).named("Licht & Leuchten Eigen GmbH")
            .at("58452").contact("Lilli Licht", "lilli@company.example").sharedWithAgency().submit(http);
        String coach = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        String type = (String) ((Map<?, ?>) http.list(http.get("/api/v1/appointment-types?agency=en-agentur"))
            .get(0)).get("id");
        LocalDate from = LocalDate.now(BERLIN).plusDays(40);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slots = (List<Map<String, Object>>) http.map(http.get("/api/v1/slots?agency="
            + "en-agentur&type=" + type + "&from=" + from + "&to=" + from.plusDays(14) + "&coach=" + coach)).get("slots");
        String id = (String) book(http, type, coach, (String) slots.get(0).get("start"), "lilli@company.example",
            false).get("id");
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/mein-unternehmen"));
            KeyboardUser user = new KeyboardUser(page);
            user.tabTo("#email");
            user.type("lilli@company.example");
            user.activate("form[action='/mein-unternehmen'] button[type=submit]");
            String link = null;
            long until = System.currentTimeMillis() + 15_000;
            while (link == null && System.currentTimeMillis() < until) {
                for (jakarta.mail.internet.MimeMessage mail : smtp.received()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})")
                        .matcher(de.digitalcheck.portal.support.Mails.text(mail));
                    if (mail.getAllRecipients()[0].toString().equals("lilli@company.example") && m.find()) {
                        link = m.group(1);
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(link != null, "the magic link");
            page.navigate(url(link));
            user.activate("form[action^='/mein-unternehmen/link/'] button[type=submit]");
            assertThat(page.locator("h1")).hasText("Mein Unternehmen");
            assertThat(page.locator("#upcoming-title")).hasText("Kommende Termine");
            assertThat(page.locator("#leads-title ~ ul")).containsText("Einwilligungstext vom ");
            auditAtBothWidths(page, "company-overview", true);
            page.navigate(url("/mein-unternehmen/uebersicht?lang=en"));
            assertThat(page.locator("#upcoming-title")).hasText("Upcoming appointments");
            auditAtBothWidths(page, "company-overview-en", true);
            page.navigate(url("/mein-unternehmen/uebersicht?lang=de"));
            user.activate("form[action='/mein-unternehmen/termine/" + id + "/verwalten'] button[type=submit]");
            assertThat(page.locator("h1")).hasText("Ihr Termin ist gebucht");
            assertTrue(page.url().contains("/termin/buchung/" + id + "?token="), page.url());
        }
        assertClean();
    }

    /**
     * The move confirmed twice (a double click, a resend after a slow answer): the first post moves the appointment
     * and its answer (the 303 to the new link) is discarded, the browser shows the second's. That was the old link's
     * 404 although the appointment had moved; it is the moved appointment's page under its new link now.
     */
    @Test
    void theMoveConfirmedTwiceShowsTheMovedAppointment() {
        Map<String, Object> mine = twoBookings().get(0);
        String id = (String) mine.get("id");
        String token = (String) mine.get("token");
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/termin/buchung/" + id + "/verschieben?token=" + token));
            KeyboardUser user = new KeyboardUser(page);
            user.activate("a.dc-time");
            assertThat(page.locator("#move-chosen")).containsText("Neue Zeit: ");
            String start = page.locator("input[name=start]").inputValue();
            // the first post, whose answer the browser never shows
            Object first = page.evaluate("async () => { const f = document.querySelector(\"form[action$='/verschieben']\");"
                + " const r = await fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f)),"
                + " redirect: 'manual', credentials: 'same-origin'}); return r.type; }");
            assertEquals("opaqueredirect", first, "the first post answered with a redirect");
            Response second = user.activate("form[action$='/verschieben'] button[type=submit]");
            assertEquals(200, second.status());
            assertThat(page.locator("h1")).hasText("Ihr Termin wurde verschoben");
            assertThat(page.locator("[role=status]").first()).containsText("Ihr Termin ist verschoben");
            assertTrue(page.url().contains("token=") && !page.url().contains(token), page.url());
            assertEquals(0, page.locator("text=Dieser Link gilt nicht").count());
            assertTrue(page.content().contains(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(java.time.Instant.parse(start).atZone(BERLIN))), "the new time on the page");
            auditBoth(page, "life-reschedule-twice");
        }
        assertClean();
    }

    private void auditBoth(Page page, String name) {
        page.setViewportSize(1280, 900);
        audit(page, name + "-1280");
        page.setViewportSize(390, 844);
        assertNull(Browsers.horizontalOverflow(page, 390), name + " fits a phone");
        audit(page, name + "-390");
        page.setViewportSize(1280, 900);
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
