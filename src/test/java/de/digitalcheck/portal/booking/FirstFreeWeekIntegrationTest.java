package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking flow's first look at the free times (no week asked for) shows the first week that has one, saying that
 * this week has nothing free any more: a company coming on a Friday afternoon, or to a coach away this week, saw
 * "In dieser Woche ist keine Zeit frei" and had to page on. A week asked for is shown as it is, and with nothing free
 * in the coming eight weeks the page stays at this week and says so.
 */
@MicronautTest(transactional = false)
class FirstFreeWeekIntegrationTest {

    private static final Pattern TIME_LINK = Pattern.compile("href=\"[^\"]*start=([^\"&]+)\"");

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

    @Test
    void aWeekWithNothingFreeLeadsToTheFirstWeekThatHasATime() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        // this week: the test's, or the next should a new week begin meanwhile (Sunday midnight)
        BookableAgency.onToday(today -> {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate sunday = monday.plusDays(6);
            // away for the rest of this week and the whole of the next: the first free time is two weeks on
            a.firstCoachAway(calendars, today + ".." + sunday.plusWeeks(1));
            Http http = new Http(server, json);
            String path = "/termin/" + a.agencyId() + "?type=" + a.typeId();

            String first = http.get(path).body();
            assertThat(first).contains("id=\"booking-empty-week\"", "In der Woche ab Montag, ")
                .contains("ist keine Zeit mehr frei. Die nächste Woche mit freien Zeiten:")
                .doesNotContain("In dieser Woche ist keine Zeit frei");
            LocalDate shown = firstTime(first);
            assertThat(shown).isAfterOrEqualTo(monday.plusWeeks(2)).isBefore(monday.plusWeeks(3));
            // the way back to the weeks before is there, as on any later week
            assertThat(first).contains("woche=" + monday.plusWeeks(1));
            assertThat(http.get(path + "&lang=en").body()).contains("Nothing is free any more in the week from Monday, ");

            // a week asked for is that week, nothing skipped
            String asked = http.get(path + "&lang=de&woche=" + monday).body();
            assertThat(asked).contains("In dieser Woche ist keine Zeit frei").doesNotContain("booking-empty-week");
            assertThat(TIME_LINK.matcher(asked).find()).isFalse();
        });
    }

    /**
     * The only coach away for the whole booking window can be booked for nothing (Bookings.offeredBy): the page says
     * that the agency does not offer the type online at the moment, nothing skipped, no time offered.
     */
    @Test
    void withTheOnlyCoachAwayForTheWholeWindowThePageSaysTheTypeIsNotOfferedNow() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        LocalDate today = LocalDate.now(BookableAgency.BERLIN);
        a.firstCoachAway(calendars, today + ".." + today.plusDays(70)); // beyond the booking window of 60 days
        String page = new Http(server, json).get("/termin/" + a.agencyId() + "?type=" + a.typeId() + "&lang=de").body();
        assertThat(page).contains("id=\"booking-not-offered\"",
                "Diese Terminart bietet die Wirtschaftsförderung zurzeit nicht online an.")
            .doesNotContain("booking-empty-week", "Bitte sehen Sie in der nächsten Woche nach.");
        assertThat(TIME_LINK.matcher(page).find()).isFalse();
    }


    private static LocalDate firstTime(String page) {
        Matcher m = TIME_LINK.matcher(page);
        assertThat(m.find()).as("a free time on the page").isTrue();
        return java.time.Instant.parse(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8))
            .atZone(BookableAgency.BERLIN).toLocalDate();
    }
}
