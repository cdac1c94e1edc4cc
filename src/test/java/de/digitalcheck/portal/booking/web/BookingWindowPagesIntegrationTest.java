package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.onToday;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past the end of the booking window no time is free, and the booking flow and the pages that move an appointment
 * once said, week after week, "In dieser Woche ist keine Zeit frei. Bitte sehen Sie in der nächsten Woche nach." with
 * a link to the next week, for ever. They now link no further than the week of the last day that can be booked
 * (with any coach: the furthest window of those who offer the type; with one coach, or for a move: that coach's) and
 * say until when appointments can be booked, and the way back from a week after it leads straight to the week of
 * that last day, named "Zur letzten buchbaren Woche" (as "Vorherige Woche" it stepped back one empty week at a time).
 */
@MicronautTest(transactional = false)
class BookingWindowPagesIntegrationTest extends BookedAppointmentTests {

    static final int FIRST_WINDOW = 20;
    static final int SECOND_WINDOW = 40;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        List<Integer> windows = List.of(FIRST_WINDOW, SECOND_WINDOW);
        for (int i = 0; i < 2; i++) {
            calendars.update(a.coachIds().get(i), a.agencyId(), new Calendars.CalendarInput(weekly, "", "", "15", "15",
                "0", String.valueOf(windows.get(i)), "0", "30"), List.of());
        }
        signInAndBook("window", 3);
    }

    static String until(LocalDate last) {
        return "Termine lassen sich bis spätestens " + Dates.longDate(Language.DE, last) + " buchen.";
    }

    String bookingPage(String coachValue) {
        return "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&coach=" + coachValue + "&";
    }

    /**
     * The page at {@code path} for the week of {@code day}: its last week, no link further, and until when; {@code today}
     * the day {@code last} was counted from.
     */
    static void endsAt(Http http, String path, LocalDate today, LocalDate last) {
        String lastWeek = http.get(path + "woche=" + monday(last)).body();
        assertThat(lastWeek).as(path).contains(until(last)).doesNotContain("Nächste Woche")
            .doesNotContain("woche=" + monday(last).plusWeeks(1));
        // a week after it, asked for: no time, no request to look at the next week, the way back
        String after = http.get(path + "woche=" + monday(last).plusWeeks(3)).body();
        assertThat(after).as(path).contains("In dieser Woche ist keine Zeit frei.", until(last))
            .doesNotContain("Bitte sehen Sie in der nächsten Woche nach.").doesNotContain("Nächste Woche");
        // the way back leads straight to the last week with times, not back through the empty weeks one by one, and
        // says so ("Vorherige Woche" for a jump of weeks or a year surprised)
        assertThat(after).as(path).contains("woche=" + monday(last) + "#week\"", "Zur letzten buchbaren Woche")
            .doesNotContain("Vorherige Woche")
            .doesNotContain("woche=" + monday(last).plusWeeks(2)).doesNotContain("woche=" + monday(last).plusWeeks(1));
        // right after the last week the way back is one week, named so
        String next = http.get(path + "woche=" + monday(last).plusWeeks(1)).body();
        assertThat(next).as(path).contains("woche=" + monday(last) + "#week\"", "Vorherige Woche")
            .doesNotContain("Zur letzten buchbaren Woche");
        // the week before the last: as before, to the next week and without the note
        String before = http.get(path + "woche=" + monday(last).minusWeeks(1)).body();
        assertThat(before).as(path).contains("Nächste Woche", "woche=" + monday(last)).doesNotContain(until(last));
        assertThat(monday(last).minusWeeks(1)).isAfterOrEqualTo(monday(today));
    }

    // the last day is counted from the server's today: on the test's own, once more should midnight pass meanwhile
    @Test
    void theBookingFlowPagesNoFurtherThanTheLastDayThatCanBeBooked() {
        Http company = new Http(server, json);
        onToday(today -> {
            endsAt(company, bookingPage("any"), today, today.plusDays(SECOND_WINDOW)); // any coach: the furthest window
            endsAt(company, bookingPage(a.coachIds().get(0)), today, today.plusDays(FIRST_WINDOW));
            endsAt(company, bookingPage(a.coachIds().get(1)), today, today.plusDays(SECOND_WINDOW));
        });
    }

    @Test
    void theMovePagesPageNoFurtherThanTheLastDayTheAppointmentCanMoveTo() {
        onToday(today -> {
            LocalDate last = today.plusDays(FIRST_WINDOW); // the appointment's coach's window
            endsAt(new Http(server, json), "/termin/buchung/" + bookingId + "/verschieben?token=" + Http.enc(token)
                + "&", today, last);
            endsAt(coach, "/coach/termine/" + bookingId + "?", today, last);
            endsAt(staff, "/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + bookingId + "?", today, last);
        });
    }

    @Test
    void inEnglishToo() {
        onToday(today -> {
            LocalDate last = today.plusDays(FIRST_WINDOW);
            String page = new Http(server, json).get(bookingPage(a.coachIds().get(0)) + "woche="
                + monday(last).plusWeeks(2) + "&lang=en").body();
            assertThat(page).contains("No time is free this week.",
                "Appointments can be booked up to " + Dates.longDate(Language.EN, last) + " at the latest.")
                .doesNotContain("Please look at the next week.");
        });
    }
}
