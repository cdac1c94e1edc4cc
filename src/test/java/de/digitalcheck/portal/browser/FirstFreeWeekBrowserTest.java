package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A company that opens the free times of a coach away this week sees the first week with a free time and the sentence
 * that says why, at 1280 and 390 px, German and English, axe-core.
 */
@MicronautTest(transactional = false)
class FirstFreeWeekBrowserTest extends BrowserTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    @Test
    void theFirstLookShowsTheFirstWeekWithAFreeTime() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        // this week: the test's, or the next should a new week begin meanwhile (Sunday midnight)
        BookableAgency.onToday(today -> {
            LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            a.firstCoachAway(calendars, today + ".." + sunday);
            try (BrowserContext context = Browsers.newContext(browser)) {
                Page page = context.newPage();
                page.navigate(server.getURL() + "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&lang=de");
                assertThat(page.locator("#booking-empty-week")).containsText("ist keine Zeit mehr frei");
                assertThat(page.locator("a.dc-time").first()).isVisible();
                auditAtBothWidths(page, "booking-first-free-week-de", true);
                page.navigate(server.getURL() + "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&lang=en");
                assertThat(page.locator("#booking-empty-week")).containsText("Nothing is free any more in the week from");
                auditAtBothWidths(page, "booking-first-free-week-en", true);
            }
        });
        assertClean();
    }
}
