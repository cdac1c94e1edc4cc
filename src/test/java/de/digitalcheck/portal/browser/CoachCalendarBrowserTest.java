package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The coach's calendar by keyboard, without findings at 1280 and 390 px: hours until 24:00 saved, and what stays
 * refused says what to type; an absence over a booked appointment lands on a page that names it, whose link opens the
 * appointment's page on its week to move or cancel it; a form that lost its version is refused (400) and says so,
 * the input kept; the company's move page opens on the appointment's week too.
 */
@MicronautTest(transactional = false)
class CoachCalendarBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    static LocalDate workday(int inDays) {
        LocalDate day = bookableDay(inDays);
        while (day.getDayOfWeek().getValue() > 5 || NrwHolidays.isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void theCoachSavesHoursUntilMidnightAndAnAbsenceOverABookingByKeyboard() {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String staffEmail = "staff@" + agency.agencyId() + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(staffEmail, "Stefanie Staff", Role.AGENCY_STAFF,
            agency.agencyId())));
        LocalDate day = workday(20);
        Http api = new Http(server, json);
        Map<String, Object> booked = api.map(api.postJson("/api/v1/bookings", agency.body(at(day, 10),
            "browser-absence@example.org", false, null).replace("Termin GmbH", "Feriengast GmbH")));
        String id = (String) booked.get("id");
        String monday = Dates.longDate(Language.DE, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "cal-browser-coach", agency.coachEmails().get(0));
            KeyboardUser user = new KeyboardUser(page);
            assertEquals(200, page.navigate(url("/coach/kalender")).status());
            assertThat(page.locator("#weekly-hint")).containsText("bis Mitternacht mit 24:00, z. B. 18:00-24:00");
            assertThat(page.locator("#calendar-absent")).hasCount(0);
            auditAtBothWidths(page, "cal-calendar", true);

            // past midnight: refused on the field, saying what to type, the input kept
            user.tabTo("#calendar-weekly-MONDAY");
            user.press("Control+A");
            user.type("18:00-24:30");
            user.tabTo("#calendar-weekly-TUESDAY");
            user.press("Control+A");
            user.type("22:00-02:00");
            // every unreadable line of a list at once, a long one without spaces among them
            page.locator("#calendar-overrides").fill("24.12.26\n2026-12-31\n2026-12-24,2026-12-25,2026-12-26,2026-12-27");
            // an absence that ends before it begins is said as that
            String absences = page.locator("#calendar-absences").inputValue();
            page.locator("#calendar-absences").fill("2027-02-10..2027-02-01");
            Response refused = user.activate("#content form button[type=submit]");
            assertEquals(422, refused.status());
            assertThat(page.locator("#error-summary a[href='#calendar-weekly-MONDAY']"))
                .containsText("nur ein Ende darf 24:00 sein (Mitternacht, z. B. 18:00-24:00)");
            assertThat(page.locator("#error-summary a[href='#calendar-weekly-TUESDAY']"))
                .containsText("Bis Mitternacht schreiben Sie 24:00");
            assertThat(page.locator("#calendar-weekly-MONDAY")).hasValue("18:00-24:30");
            assertThat(page.locator("#calendar-overrides-error")).hasText(
                "Diese 2 Zeilen sind kein Datum mit Zeiträumen: 24.12.26 · 2026-12-24,2026-12-25,2026-12-26,2026-12-27");
            assertThat(page.locator("#calendar-overrides")).hasValue(
                "24.12.26\n2026-12-31\n2026-12-24,2026-12-25,2026-12-26,2026-12-27");
            assertThat(page.locator("#calendar-absences-error")).hasText("In dieser Zeile endet die Abwesenheit vor ihrem "
                + "Beginn: 2027-02-10..2027-02-01. Bitte zuerst den ersten, dann den letzten Tag angeben (z. B. "
                + "2026-07-01..2026-07-14).");
            auditAtBothWidths(page, "cal-calendar-error", false);
            page.locator("#calendar-overrides").fill("");
            page.locator("#calendar-absences").fill(absences);

            // until 24:00, and an absence over the booked appointment
            page.locator("#calendar-weekly-MONDAY").fill("08:00-18:00, 18:00-24:00");
            page.locator("#calendar-weekly-TUESDAY").fill("08:00-18:00");
            user.tabTo("#calendar-absences");
            user.type(day.minusDays(1) + ".." + day.plusDays(1));
            Response saved = user.activate("#content form button[type=submit]");
            assertEquals(200, saved.status());
            assertThat(page.locator("#calendar-weekly-MONDAY")).hasValue("08:00-18:00, 18:00-24:00");
            Locator absent = page.locator("#calendar-absent");
            assertThat(absent.locator("h2")).hasText("Gebuchte Termine außerhalb Ihrer Zeiten");
            assertThat(absent.locator("a[href='/coach/termine/" + id + "']")).hasText(
                Dates.longDate(Language.DE, day) + ", 10:00–11:00: Feriengast GmbH (Erstgespräch)");
            auditAtBothWidths(page, "cal-calendar-absent", true);

            // its link opens the appointment on its week, to move or cancel it
            Response opened = user.activate("#calendar-absent a[href='/coach/termine/" + id + "']");
            assertEquals(200, opened.status());
            assertThat(page.locator("#content")).containsText("Woche vom " + monday);
            auditAtBothWidths(page, "cal-move-week", true);

            // a form that lost its version: 400, nothing saved, what was typed kept
            assertEquals(200, page.navigate(url("/coach/kalender")).status());
            page.evaluate("() => document.querySelector('input[name=version]').remove()");
            page.locator("#calendar-weekly-WEDNESDAY").fill("10:00-14:00");
            Response unversioned = user.activate("#content form button[type=submit]");
            assertEquals(400, unversioned.status());
            assertThat(page.locator("#calendar-unversioned h2")).hasText("Nicht gespeichert");
            assertThat(page.locator("#calendar-unversioned dl")).containsText("Wochenzeiten, Mittwoch");
            assertThat(page.locator("#calendar-weekly-WEDNESDAY")).hasValue("10:00-14:00");
            auditAtBothWidths(page, "cal-calendar-unversioned", false);
            // saved again from there: replaced knowingly
            Response again = user.activate("#content form button[type=submit]");
            assertEquals(200, again.status());
            assertThat(page.locator("#content .kern-alert--success")).hasCount(1);
            assertThat(page.locator("#calendar-weekly-WEDNESDAY")).hasValue("10:00-14:00");

            page.navigate(url("/coach/kalender?lang=en"));
            assertThat(page.locator("#calendar-absent h2")).hasText("Booked appointments outside your hours");
            auditAtBothWidths(page, "cal-calendar-absent-en", true);
            page.navigate(url("/coach/kalender?lang=de"));
        }

        // the staff's form for the coach, with their own links
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "cal-browser-staff", staffEmail);
            String coachId = agency.coachIds().get(0);
            assertEquals(200, page.navigate(url("/agentur/coaches/" + coachId + "/kalender")).status());
            assertThat(page.locator("#calendar-absent a[href='/agentur/coaches/" + coachId + "/termine/" + id + "']"))
                .hasCount(1);
            auditAtBothWidths(page, "cal-staff-calendar-absent", true);
        }

        // the company's move page opens on the appointment's week; the booking page offers Monday until 24:00
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            LocalDate nextMonday = workday(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            while (NrwHolidays.isHoliday(nextMonday)) {
                nextMonday = nextMonday.plusWeeks(1);
            }
            assertEquals(200, page.navigate(url("/termin/" + agency.agencyId() + "?type=" + agency.typeId()
                + "&woche=" + nextMonday)).status());
            assertThat(page.locator("#content")).containsText("23:00–24:00");
            assertThat(page.locator("#content")).not().containsText("23:00–00:00");
            auditAtBothWidths(page, "cal-booking-times-midnight", true);
            assertEquals(200, page.navigate(url("/termin/buchung/" + id + "/verschieben?token="
                + Http.enc((String) booked.get("token")))).status());
            assertThat(page.locator("#content")).containsText("Woche vom " + monday);
            auditAtBothWidths(page, "cal-company-move-week", true);
        }
        assertClean();
    }

    /**
     * A week in the address that does not exist or was not understood once showed the current week as if asked for: the
     * coach's week and the company's booking page now say so in a note that takes the focus (400), and the page's links
     * work on from the week shown, by keyboard; past the booking window the booking page says until when appointments
     * can be booked and links no further.
     */
    @Test
    void anUnreadableWeekIsSaidSoWithTheFocusOnItAndTheWindowsEndIsNamed() {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        // this week and the window's last day: from the test's today, or the next should midnight pass meanwhile
        BookableAgency.onToday(today -> {
            String thisWeek = "Woche vom " + Dates.longDate(Language.DE, today.with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY)));
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = signIn(context, provider, url(""), "cal-browser-week-coach", agency.coachEmails().get(0));
                KeyboardUser user = new KeyboardUser(page);
                assertEquals(400, page.navigate(url("/coach/termine?woche=2026-02-31")).status());
                assertEquals("error-summary", page.evaluate("() => document.activeElement.id"));
                assertThat(page.locator("#error-summary")).containsText("Die Woche „2026-02-31“ gibt es nicht");
                assertThat(page.locator("#error-summary")).containsText("Angezeigt wird stattdessen die " + thisWeek);
                assertThat(page.locator("#content h2").first()).containsText(thisWeek);
                auditAtBothWidths(page, "cal-week-unreadable", true);
                Response next = user.activate("#content nav a[href='/coach/termine?woche="
                    + today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1) + "']");
                assertEquals(200, next.status());
                assertThat(page.locator("#error-summary")).hasCount(0);
            }
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = context.newPage();
                String booking = url("/termin/" + agency.agencyId() + "?type=" + agency.typeId() + "&woche=");
                assertEquals(400, page.navigate(booking + "abc").status());
                assertEquals("error-summary", page.evaluate("() => document.activeElement.id"));
                assertThat(page.locator("#error-summary")).containsText("Die Woche „abc“ gibt es nicht");
                auditAtBothWidths(page, "cal-booking-week-unreadable", true);
                // the window of BookableAgency's coaches: 60 days
                LocalDate last = today.plusDays(60);
                assertEquals(200, page.navigate(booking + last).status());
                assertThat(page.locator("#content")).containsText("Termine lassen sich bis spätestens "
                    + Dates.longDate(Language.DE, last) + " buchen.");
                assertThat(page.getByText("Nächste Woche")).hasCount(0);
                auditAtBothWidths(page, "cal-booking-window-end", true);
            }
        });
        assertClean();
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
