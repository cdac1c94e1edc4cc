package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach's calendar through its pages, run on H2 and MySQL/MariaDB: hours until midnight (24:00) are accepted and
 * offered up to midnight in the coach's zone, to the API's slot search, the booking, the week and the feed, also on
 * the days the clocks change; an absence saved over booked appointments names them, with links to move or cancel
 * each, and changes none of them.
 */
abstract class CoachCalendarContract extends SignedInTests {

    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;
    @Inject
    CoachFeeds feeds;

    BookableAgency a;
    Http coach;
    Http staff;
    String coachId;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        coachId = a.coachIds().get(0);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org",
            "Sabine Stab", Role.AGENCY_STAFF, a.agencyId())));
        coach = as("cal-c-" + a.agencyId(), a.coachEmails().get(0));
        staff = as("cal-s-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
    }

    /** The coach's form as the page holds it, with {@code changes}, posted: the answer. */
    HttpResponse<String> save(Http who, String path, Map<String, String> changes) {
        Map<String, String> form = CalendarStaleFormIntegrationTest.fields(who.get(path).body());
        form.putAll(changes);
        return who.postForm(path, form);
    }

    /**
     * The day of the next change of the clocks at least two days ahead whose offset grows (summer time begins) or
     * shrinks (it ends); the test is skipped in the few days a year when it lies beyond a booking window.
     */
    static LocalDate nextChange(boolean spring) {
        LocalDate day = BookableAgency.nextClockChange(spring).getDateTimeBefore().toLocalDate();
        BookableAgency.assumeWithinLongestWindow(day);
        return day;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> slots(LocalDate day) {
        Http http = new Http(server, json);
        HttpResponse<String> answer = http.get("/api/v1/slots?agency=" + a.agencyId() + "&type=" + a.typeId()
            + "&from=" + day + "&to=" + day + "&coach=" + coachId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (List<Map<String, Object>>) http.map(answer).get("slots");
    }

    /**
     * 18:00-24:00 was refused as no time (and 18:00-00:00 as ending before it starts), so a coach could offer evening
     * hours only until 23:59 and lost the last slot. Now 24:00 is the end of the day: stored and shown as 24:00, its
     * last appointment ends at the next midnight in Europe/Berlin, on an ordinary day and on both days the clocks
     * change, through the slot search, booking, the coach's week and the feed.
     */
    @Test
    void hoursUntilMidnightAreOfferedUpToMidnightInTheCoachsZone() {
        String page = coach.get("/coach/kalender").body();
        assertThat(page).contains("bis Mitternacht mit 24:00, z. B. 18:00-24:00");
        LocalDate spring = nextChange(true);
        LocalDate autumn = nextChange(false);
        Map<String, String> evenings = new java.util.HashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            evenings.put(d.name().toLowerCase(java.util.Locale.ROOT), "08:00-12:00, 18:00-24:00");
        }
        evenings.put("saturday", "18:00-00:00"); // 00:00 as an end is midnight too
        // the days the clocks change, by override (a Sunday may be a holiday, e.g. Easter Sunday)
        evenings.put("overrides", spring + " 18:00-24:00\n" + autumn + " 00:00-24:00");
        evenings.put("windowDays", "365");
        evenings.put("minNoticeHours", "0");
        HttpResponse<String> saved = save(coach, "/coach/kalender", evenings);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        CalendarSettings settings = calendars.settings(coachId);
        assertThat(settings.weekly().get(DayOfWeek.SATURDAY)).containsExactly(TimeRange.untilMidnight(LocalTime.of(18, 0)));
        assertThat(settings.overrides().get(autumn)).extracting(TimeRange::toString).containsExactly("00:00-24:00");
        assertThat(saved.headers().firstValue("Location")).hasValue("/coach/kalender");
        String shown = coach.get("/coach/kalender").body();
        assertThat(shown).contains("Die Änderungen sind gespeichert.", "value=\"08:00-12:00, 18:00-24:00\"",
            "value=\"18:00-24:00\"", spring + " 18:00-24:00", autumn + " 00:00-24:00").doesNotContain("error-summary");
        // once, after the post that saved (a Flash note): not on a reload, nor from "?gespeichert" in the address
        assertThat(coach.get("/coach/kalender").body()).as("a reload").doesNotContain("id=\"saved\"");
        assertThat(coach.get("/coach/kalender?gespeichert").body()).as("the address").doesNotContain("id=\"saved\"");

        // an ordinary day: the last hour starts at 23:00 and ends at the next day's 00:00 (winter or summer time)
        LocalDate day = bookableDay(12);
        List<Map<String, Object>> ordinary = slots(day);
        Map<String, Object> last = ordinary.get(ordinary.size() - 1);
        assertThat(last.get("start")).isEqualTo(at(day, 23));
        assertThat(last.get("end")).isEqualTo(at(day.plusDays(1), 0));
        // the day summer time begins: 23:00 summer time until 00:00 summer time; the day it ends: a whole day of 25
        // real hours, the skipped hour never offered, the repeated 02:00 once, the last hour until midnight
        List<Map<String, Object>> springSlots = slots(spring);
        assertThat(springSlots.get(springSlots.size() - 1)).containsEntry("start", at(spring, 23))
            .containsEntry("end", at(spring.plusDays(1), 0));
        assertThat(OffsetDateTime.parse((String) springSlots.get(0).get("start")).getOffset().getTotalSeconds())
            .isEqualTo(7200);
        List<Map<String, Object>> autumnSlots = slots(autumn);
        assertThat(autumnSlots.get(autumnSlots.size() - 1)).containsEntry("start", at(autumn, 23))
            .containsEntry("end", at(autumn.plusDays(1), 0));
        assertThat(autumnSlots).extracting(s -> s.get("start")).doesNotHaveDuplicates()
            .contains(at(autumn, 0), at(autumn, 1), at(autumn, 3));

        // the last hour is booked like any other: its page, the coach's week and the feed end it at midnight
        Http company = new Http(server, json);
        HttpResponse<String> made = company.postJson("/api/v1/bookings", a.body(at(day, 23),
            "mitternacht-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> booking = company.map(made);
        assertThat(booking.get("end")).isEqualTo(at(day.plusDays(1), 0));
        assertThat(slots(day)).extracting(s -> s.get("start")).doesNotContain(at(day, 23));
        String week = coach.get("/coach/termine?woche=" + day).body();
        assertThat(week).contains("23:00–24:00").doesNotContain("23:00–00:00");
        assertThat(coach.get("/coach/termine/" + booking.get("id")).body()).contains("23:00–24:00 Uhr");
        String feed = new Http(server, json).get(CoachFeeds.path(feeds.renew(coachId))).body();
        String next = day.plusDays(1).toString().replace("-", "");
        assertThat(feed).contains("DTSTART;TZID=Europe/Berlin:" + day.toString().replace("-", "") + "T230000",
            "DTEND;TZID=Europe/Berlin:" + next + "T000000");
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM booking WHERE coach_id = ? AND status = 'CONFIRMED'",
            coachId)).isEqualTo(1L);

        // what stays refused says what to type
        HttpResponse<String> past = save(coach, "/coach/kalender", Map.of("monday", "18:00-24:30",
            "tuesday", "22:00-02:00"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("nur ein Ende darf 24:00 sein (Mitternacht, z. B. 18:00-24:00)",
            "Bis Mitternacht schreiben Sie 24:00 (z. B. 18:00-24:00); was nach Mitternacht liegt, gehört als eigener"
                + " Zeitraum ab 00:00 zum nächsten Tag.", "value=\"18:00-24:30\"", "value=\"22:00-02:00\"",
            "<title>Bitte prüfen Sie Ihre Angaben – Mein Kalender – Digitalcheck 4.0</title>");
        assertThat(calendars.settings(coachId)).isEqualTo(settings);
        HttpResponse<String> english = save(coach, "/coach/kalender?lang=en", Map.of("tuesday", "22:00-02:00"));
        assertThat(english.body()).contains("Until midnight, write 24:00 (e.g. 18:00-24:00)");
        coach.get("/coach/kalender?lang=de");
        new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE coach_id = ?", coachId);
    }

    /** A booking of the coach through the API with its own company name: its id. */
    String book(LocalDate day, int hour, String company) {
        Http http = new Http(server, json);
        String body = a.body(at(day, hour), "abw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            false, null).replace("Termin GmbH", company);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", body);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return (String) http.map(made).get("id");
    }

    /** A weekday from {@code inDays} on that is no holiday, nor is the day after it. */
    static LocalDate workday(int inDays) {
        LocalDate day = bookableDay(inDays);
        while (day.getDayOfWeek().getValue() > 5 || NrwHolidays.isHoliday(day) || NrwHolidays.isHoliday(day.plusDays(1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * An absence (holiday, sick day) saved over booked appointments was saved silently: the companies kept
     * appointments the coach would miss. Now the page the save lands on names each booked, not cancelled appointment
     * that falls into a saved absence — day, time, company, kind — linking to its page to move or cancel it; nothing
     * is cancelled. The staff's form for the coach the same, with their pages' links. No box without such an
     * appointment.
     */
    @Test
    void anAbsenceOverBookedAppointmentsNamesThemWithLinksAndCancelsNothing() {
        Map<String, String> plain = new java.util.HashMap<>(Map.of("absences", "", "overrides", "", "windowDays", "60"));
        for (DayOfWeek d : DayOfWeek.values()) {
            plain.put(d.name().toLowerCase(java.util.Locale.ROOT), "08:00-18:00");
        }
        assertThat(save(coach, "/coach/kalender", plain).statusCode()).isEqualTo(303);
        LocalDate first = workday(20);
        LocalDate later = workday(40);
        String inAbsence = book(first, 10, "Urlaubsfall GmbH");
        String alsoInAbsence = book(first.plusDays(1), 14, "Zweiter Fall & Söhne");
        String outside = book(later, 11, "Später GmbH");
        String cancelled = book(first, 15, "Abgesagt GmbH");
        Database db = new Database(dataSource);
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", cancelled);

        // before: no box at all
        assertThat(coach.get("/coach/kalender").body()).doesNotContain("calendar-absent", "Abwesenheit von");

        HttpResponse<String> saved = save(coach, "/coach/kalender", Map.of("absences",
            first + ".." + first.plusDays(2)));
        assertThat(saved.statusCode()).isEqualTo(303);
        String landing = coach.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertThat(landing).contains("Die Änderungen sind gespeichert.", "id=\"calendar-absent\"",
            "Gebuchte Termine außerhalb Ihrer Zeiten",
            "href=\"/coach/termine/" + inAbsence + "\"", "href=\"/coach/termine/" + alsoInAbsence + "\"",
            Dates.longDate(Language.DE, first) + ", 10:00–11:00: Urlaubsfall GmbH (Erstgespräch)",
            Dates.longDate(Language.DE, first.plusDays(1)) + ", 14:00–15:00: Zweiter Fall &amp; Söhne (Erstgespräch)")
            .doesNotContain(outside, cancelled, "Später GmbH", "Abgesagt GmbH");
        assertThat(landing.indexOf(inAbsence)).as("earliest first").isLessThan(landing.indexOf(alsoInAbsence));
        assertThat(db.value("SELECT COUNT(*) FROM booking WHERE id IN (?, ?) AND status = 'CONFIRMED'", inAbsence,
            alsoInAbsence)).as("nothing cancelled").isEqualTo(2L);

        // each link opens the appointment's page on its week, where it is moved or cancelled
        String appointment = coach.get("/coach/termine/" + inAbsence).body();
        assertThat(appointment).contains("Urlaubsfall GmbH", "Termin absagen",
            "Woche vom " + Dates.longDate(Language.DE, first.with(DayOfWeek.MONDAY)));

        // the agency's staff see it on their form for the coach, with their own pages' links
        String staffPage = staff.get("/agentur/coaches/" + coachId + "/kalender").body();
        assertThat(staffPage).contains("Gebuchte Termine außerhalb der Zeiten von Coach 0",
            "href=\"/agentur/coaches/" + coachId + "/termine/" + inAbsence + "\"")
            .doesNotContain("href=\"/coach/termine/");
        // in English
        assertThat(coach.get("/coach/kalender?lang=en").body()).contains("Booked appointments outside your hours",
            Dates.longDate(Language.EN, first) + ", 10:00–11:00: Urlaubsfall GmbH (First talk)");
        coach.get("/coach/kalender?lang=de");

        // cancelled (or moved out of the absence), it is no longer named
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", alsoInAbsence);
        assertThat(coach.get("/coach/kalender").body()).doesNotContain(alsoInAbsence).contains(inAbsence);

        // an absence over no booked appointment: saved without any box
        HttpResponse<String> free = save(coach, "/coach/kalender", Map.of("absences",
            later.plusDays(1) + ".." + later.plusDays(3)));
        assertThat(free.statusCode()).isEqualTo(303);
        assertThat(coach.get(free.headers().firstValue("Location").orElseThrow()).body())
            .contains("Die Änderungen sind gespeichert.").doesNotContain("calendar-absent", "Gebuchte Termine");
        save(coach, "/coach/kalender", Map.of("absences", ""));
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE coach_id = ?", coachId);
    }

    /**
     * Not only an absence: weekly hours narrowed, or a day blocked or given other hours by an override, over booked
     * appointments were saved silently too. The same box names every booked appointment still to come that the saved
     * calendar no longer offers at its time; one still within the hours is not named.
     */
    @Test
    void narrowedHoursAndBlockedDaysOverBookedAppointmentsNameThem() {
        Map<String, String> plain = new java.util.HashMap<>(Map.of("absences", "", "overrides", "", "windowDays", "60"));
        for (DayOfWeek d : DayOfWeek.values()) {
            plain.put(d.name().toLowerCase(java.util.Locale.ROOT), "08:00-18:00");
        }
        assertThat(save(coach, "/coach/kalender", plain).statusCode()).isEqualTo(303);
        LocalDate first = workday(20);
        LocalDate blocked = workday(30);
        LocalDate shortened = workday(35);
        String morning = book(first, 9, "Vormittag GmbH");
        String afternoon = book(first, 15, "Nachmittag GmbH");
        String onBlockedDay = book(blocked, 10, "Gesperrt GmbH");
        String lateOnShortDay = book(shortened, 14, "Kurzer Tag GmbH");
        String earlyOnShortDay = book(shortened, 10, "Früher Termin GmbH");
        assertThat(coach.get("/coach/kalender").body()).doesNotContain("calendar-absent");

        Map<String, String> narrowed = new java.util.HashMap<>();
        narrowed.put(first.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT), "08:00-12:00");
        narrowed.put("overrides", blocked + "\n" + shortened + " 09:00-12:00");
        HttpResponse<String> saved = save(coach, "/coach/kalender", narrowed);
        assertThat(saved.statusCode()).isEqualTo(303);
        String landing = coach.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertThat(landing).contains("id=\"calendar-absent\"", "Gebuchte Termine außerhalb Ihrer Zeiten",
            "href=\"/coach/termine/" + afternoon + "\"", "href=\"/coach/termine/" + onBlockedDay + "\"",
            "href=\"/coach/termine/" + lateOnShortDay + "\"",
            Dates.longDate(Language.DE, first) + ", 15:00–16:00: Nachmittag GmbH (Erstgespräch)")
            .doesNotContain(morning, earlyOnShortDay, "Vormittag GmbH", "Früher Termin GmbH");
        Database db = new Database(dataSource);
        assertThat(db.value("SELECT COUNT(*) FROM booking WHERE coach_id = ? AND status = 'CONFIRMED'", coachId))
            .as("nothing cancelled").isEqualTo(5L);

        // the hours given back: nothing named any more
        HttpResponse<String> restored = save(coach, "/coach/kalender", plain);
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(coach.get(restored.headers().firstValue("Location").orElseThrow()).body())
            .contains("Die Änderungen sind gespeichert.").doesNotContain("calendar-absent");
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE coach_id = ?", coachId);
    }
}
