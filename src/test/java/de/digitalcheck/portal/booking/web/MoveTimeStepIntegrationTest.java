package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static de.digitalcheck.portal.support.BookableAgency.BERLIN;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static de.digitalcheck.portal.support.BookableAgency.onToday;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time in the address of a move page ({@code ?start=}) that the appointment cannot move to — past, off the slot
 * grid, in the coach's absence, its own — was offered to confirm ("Neue Zeit: …" and the button), and only the
 * confirmation was refused (422). The company's, the coach's and the staff's move pages now answer as the booking flow
 * does: that week's free times with a note why, 409, no step to confirm it; a free time still asks to be confirmed.
 */
@MicronautTest(transactional = false)
class MoveTimeStepIntegrationTest extends BookedAppointmentTests {

    static final int DAY = 24;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        signInAndBook("move-step", DAY);
    }

    static String instant(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant().toString();
    }

    static String week(LocalDate day) {
        return "Woche vom " + Dates.longDate(Language.DE, monday(day)) + " bis "
            + Dates.longDate(Language.DE, monday(day).plusDays(6));
    }

    /** The three move pages of the appointment, each with the separator before another query parameter. */
    List<Page> pages() {
        return List.of(new Page(new Http(server, json), "/termin/buchung/" + bookingId + "/verschieben?token="
                + Http.enc(token) + "&"),
            new Page(coach, "/coach/termine/" + bookingId + "?"),
            new Page(staff, "/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + bookingId + "?"));
    }

    record Page(Http http, String path) {
        HttpResponse<String> at(String start) {
            return http.get(path + "start=" + Http.enc(start));
        }
    }

    /** The week of {@code day} with its free times and why the time is not offered: no step to confirm it. */
    static void refused(HttpResponse<String> answer, LocalDate day, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(409);
        assertThat(answer.body()).as(what).contains("id=\"move-start\"", "Diese Zeit kann nicht gebucht werden",
                week(day), "start=")
            .doesNotContain("id=\"move-chosen\"", "Neue Zeit: ", "Termin auf diese Zeit verschieben",
                "name=\"start\"");
    }

    @Test
    void aTimeTheAppointmentCannotMoveToShowsItsWeekWithANoteNotAStepToConfirm() {
        LocalDate day = bookableDay(DAY);
        String own = OffsetDateTime.parse(at(day, 10)).toInstant().toString();
        // a past time shows this week: the test's, or the next day's should midnight pass meanwhile
        onToday(today -> {
            for (Page page : pages()) {
                HttpResponse<String> free = page.at(instant(day, 14, 0));
                assertThat(free.statusCode()).as(page.path()).isEqualTo(200);
                assertThat(free.body()).as(page.path()).contains("id=\"move-chosen\"", "Neue Zeit: ", "name=\"start\"")
                    .doesNotContain("Diese Zeit kann nicht gebucht werden");

                refused(page.at(instant(day, 14, 7)), day, page.path() + ": off the slot grid");
                refused(page.at(instant(today.minusDays(1), 10, 0)), today, page.path() + ": past");
                refused(page.at(own), day, page.path() + ": its own time");
            }
        });
        // in English, as the booking flow says it
        assertThat(new Http(server, json).get(pages().get(0).path() + "lang=en&start="
            + Http.enc(instant(day, 14, 7))).body()).contains("This time cannot be booked")
            .doesNotContain("New time: ");
    }

    @Test
    void aTimeInTheCoachsAbsenceIsRefusedOnThePageToo() {
        LocalDate away = bookableDay(DAY + 2);
        String start = instant(away, 10, 0);
        for (Page page : pages()) {
            assertThat(page.at(start).statusCode()).as(page.path() + ": before the absence").isEqualTo(200);
        }
        a.firstCoachAway(calendars, away.toString());
        try {
            for (Page page : pages()) {
                refused(page.at(start), away, page.path() + ": in an absence");
            }
        } finally {
            a.firstCoachAway(calendars, "");
        }
    }
}
