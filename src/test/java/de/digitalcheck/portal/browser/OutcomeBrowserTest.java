package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The booking's consent naming the receiving agency; the coach's outcome form in a real browser, by keyboard: refused without an answer (error summary focused, the
 * group named in it, what was typed kept), then saved; the week view's link; the calendar feed's settings. axe-core
 * on each, at 1280 and 390 px; screenshots under target/screenshots (outcome-*).
 */
@MicronautTest(transactional = false)
class OutcomeBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void aCoachRecordsAnOutcomeAndSubscribesToTheirCalendar() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Http http = new Http(server, json);
        String body = a.body(at(bookableDay(10), 10), "browser-outcome@example.org", false, null);
        String id = (String) http.map(http.postJson("/api/v1/bookings", body)).get("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        new Database(dataSource).execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?,"
            + " blocked_until = ? WHERE id = ?", Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)),
            Timestamp.from(start.minusSeconds(900)), Timestamp.from(start.plusSeconds(4500)), id);

        try (BrowserContext context = Browsers.newContext(browser)) {
            // the booking's contact step: its consent names the agency that receives the lead
            Page page = context.newPage();
            page.navigate(server.getURL() + "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&coach="
                + a.coachIds().get(0) + "&start=" + java.net.URLEncoder.encode(at(bookableDay(12), 10),
                java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.locator("label[for=booking-consent]")).containsText("dass Outcome Test " + a.agencyId());
            assertThat(page.locator("#booking-consent")).not().isChecked();
            audit(page, "outcome-booking-consent");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the booking's consent fits a phone");
            audit(page, "outcome-booking-consent-phone");
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-outcome-coach", Map.of("email", a.coachEmails().get(0), "email_verified", true));
            Page page = context.newPage();
            page.navigate(server.getURL() + "/anmelden");
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(server.getURL() + "/coach/termine?woche="
                + start.atZone(BookableAgency.BERLIN).toLocalDate());
            assertThat(page.locator("a[href='/coach/termine/" + id + "/ergebnis']")).isVisible();
            audit(page, "outcome-week");

            page.navigate(server.getURL() + "/coach/termine/" + id + "/ergebnis");
            assertThat(page.locator("h1")).hasText("Ergebnis des Termins");
            assertThat(page.locator("#error-summary")).hasCount(0);
            audit(page, "outcome-form");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the outcome form fits a phone");
            audit(page, "outcome-form-phone");
            page.setViewportSize(1280, 900);

            KeyboardUser user = new KeyboardUser(page);
            page.fill("#outcome-note", "Rückruf vereinbart");
            user.activate("form[action$='/ergebnis'] button[type=submit]");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary")).containsText("stattgefunden");
            assertThat(page.locator("#outcome-note")).hasValue("Rückruf vereinbart");
            audit(page, "outcome-form-error");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the outcome form's error fits a phone");
            audit(page, "outcome-form-error-phone");
            page.setViewportSize(1280, 900);

            page.check("#outcome-attendance-HELD");
            page.check("#outcome-followUp");
            page.selectOption("#outcome-programme", "innoscheck-ruhr");
            user.activate("form[action$='/ergebnis'] button[type=submit]");
            assertThat(page.locator("[role=status]")).containsText("gespeichert");
            assertThat(page.locator("#outcome-programme")).hasValue("innoscheck-ruhr");
            audit(page, "outcome-form-saved");
            // said once, after the post that saved (a Flash note): a reload, or "?gespeichert" typed in, says nothing
            assertFalse(page.url().contains("gespeichert"), page.url());
            page.reload();
            assertThat(page.locator("#outcome-programme")).hasValue("innoscheck-ruhr");
            assertThat(page.locator("#saved")).hasCount(0);
            page.navigate(server.getURL() + "/coach/termine/" + id + "/ergebnis?gespeichert");
            assertThat(page.locator("#outcome-programme")).hasValue("innoscheck-ruhr");
            assertThat(page.locator("#saved")).hasCount(0);

            // the agency's staff change the outcome while the coach still has the form open: the coach's save
            // stores nothing and shows what is stored now, the coach's input kept
            new Database(dataSource).execute("UPDATE appointment_outcome SET attendance = 'NO_SHOW', follow_up = FALSE, "
                + "recommendation = 'NONE', programme_id = NULL, note = 'Nicht erschienen', version = version + 1 "
                + "WHERE booking_id = ?", id);
            page.fill("#outcome-note", "Folgetermin im Mai");
            user.activate("form[action$='/ergebnis'] button[type=submit]");
            assertThat(page.locator("#stale-alert")).containsText("Das Ergebnis wurde inzwischen gespeichert");
            assertThat(page.locator("#stale-alert")).containsText("Nein, das Unternehmen ist nicht erschienen");
            assertThat(page.locator("#stale-alert")).containsText("Nicht erschienen");
            assertThat(page.locator("#outcome-note")).hasValue("Folgetermin im Mai");
            assertThat(page.locator("#outcome-attendance-HELD")).isChecked();
            audit(page, "outcome-form-stale");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the outcome form's conflict fits a phone");
            audit(page, "outcome-form-stale-phone");
            page.setViewportSize(1280, 900);
            user.activate("form[action$='/ergebnis'] button[type=submit]");
            assertThat(page.locator("[role=status]")).containsText("gespeichert");
            assertThat(page.locator("#outcome-note")).hasValue("Folgetermin im Mai");

            page.navigate(server.getURL() + "/coach/kalender-abo");
            audit(page, "outcome-feed");
            user.activate("form[action='/coach/kalender-abo/neu'] button");
            assertThat(page.locator("#feed-url")).hasValue(java.util.regex.Pattern.compile(".*/kalender/.+\\.ics"));
            audit(page, "outcome-feed-new");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the feed settings fit a phone");
            audit(page, "outcome-feed-new-phone");
            page.setViewportSize(1280, 900);
            // revoked: said once, focused (a Flash note: "?widerrufen" in the address said it on any link)
            user.activate("form[action='/coach/kalender-abo/widerrufen'] button");
            assertThat(page.locator("#revoked")).isFocused();
            assertThat(page.locator("#revoked")).containsText("Die Abo-Adresse ist widerrufen");
            audit(page, "outcome-feed-revoked");
            page.reload();
            assertThat(page.locator("h1")).isVisible();
            assertEquals(0, page.locator("#revoked").count(), "a reload");
            page.navigate(server.getURL() + "/coach/kalender-abo?widerrufen");
            assertThat(page.locator("h1")).isVisible();
            assertEquals(0, page.locator("#revoked").count(), "the old address");
        }
        // the agency's staff see the lead of a consented booking with its appointment and outcome
        String consented = (String) http.map(http.postJson("/api/v1/bookings",
            a.body(at(bookableDay(10), 14), "browser-outcome@example.org", true, null))).get("id");
        String lead = (String) new Database(dataSource).value("SELECT lead_id FROM lead_booking WHERE booking_id = ?",
            consented);
        String staff = "staff@" + a.agencyId() + ".example.org";
        accounts.addUnlessPresent(java.util.List.of(new Accounts.NewAccount(staff, "Stefanie Staff",
            de.digitalcheck.portal.shared.security.Role.AGENCY_STAFF, a.agencyId())));
        try (BrowserContext context = Browsers.newContext(browser)) {
            provider.nextUser("browser-outcome-staff", Map.of("email", staff, "email_verified", true));
            Page page = context.newPage();
            page.navigate(server.getURL() + "/anmelden");
            new KeyboardUser(page).activate("a[href='/oauth/login/oidc']");
            page.navigate(server.getURL() + "/agentur/leads/" + lead);
            assertThat(page.locator("section[aria-labelledby=bookings-title]")).containsText("Erstgespräch");
            assertThat(page.locator("section[aria-labelledby=audit-title]")).containsText("Termin gebucht");
            audit(page, "outcome-lead");
            page.setViewportSize(390, 844);
            assertNull(Browsers.horizontalOverflow(page, 390), "the lead with its appointments fits a phone");
            audit(page, "outcome-lead-phone");
        }
        assertClean();
    }
}
