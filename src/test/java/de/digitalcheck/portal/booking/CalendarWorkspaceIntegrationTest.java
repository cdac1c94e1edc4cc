package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach workspace's calendar and week view; agency staff manage their coaches' calendars and their appointment
 * types, and find another agency's coach or type not at all (404).
 */
@MicronautTest(transactional = false)
class CalendarWorkspaceIntegrationTest extends SignedInTests {

    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Bookings bookings;

    static Map<String, String> calendarForm(String monday) {
        Map<String, String> form = new HashMap<>(Map.of("monday", monday, "tuesday", "09:00-12:00", "overrides",
            "2026-12-24\n2026-12-27 10:00-12:00", "absences", "2027-07-01..2027-07-14", "bufferBefore", "10",
            "bufferAfter", "10", "minNoticeHours", "24", "windowDays", "60", "maxPerDay", "3"));
        form.put("slotInterval", "30");
        return form;
    }

    /**
     * The form with the version of the calendar as the page at {@code path} shows it now, and every text field the
     * page has, empty where {@code form} has none (a browser posts them all).
     */
    static Map<String, String> versioned(Http http, String path, Map<String, String> form) {
        Map<String, String> versioned = new HashMap<>(form);
        for (DayOfWeek day : DayOfWeek.values()) {
            versioned.putIfAbsent(day.name().toLowerCase(java.util.Locale.ROOT), "");
        }
        versioned.putIfAbsent("overrides", "");
        versioned.putIfAbsent("absences", "");
        versioned.put("version", Http.hidden(http.get(path).body(), "version"));
        return versioned;
    }

    /** The coach saves their calendar page with {@code form}'s values. */
    static HttpResponse<String> saveOwn(Http coach, Map<String, String> form) {
        return coach.postForm("/coach/kalender", versioned(coach, "/coach/kalender", form));
    }

    @Test
    void aCoachEditsTheirOwnCalendarAndSeesTheirWeek() {
        Http coach = as("cal-en-coach", "coach@en-agentur.example.org");
        String id = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        HttpResponse<String> page = coach.get("/coach/kalender");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Montag", "09:00-12:00, 13:00-17:00").doesNotContain("error-summary");
        assertThat(page.body()).contains("Mein Kalender", "Wann Unternehmen Termine bei Ihnen buchen können.");
        // the overrides' hint says that an absence wins over them
        assertThat(page.body()).contains("An Tagen einer Abwesenheit gibt es keine Termine, auch wenn der Tag hier Zeiten hat.");
        HttpResponse<String> invalid = saveOwn(coach, calendarForm("9 bis 12"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("error-summary", "value=\"9 bis 12\"");
        assertThat(calendars.settings(id).bufferBefore()).isEqualTo(15);
        HttpResponse<String> saved = saveOwn(coach, calendarForm("08:00-10:00, 14:00-16:00"));
        assertThat(saved.statusCode()).isEqualTo(303);
        CalendarSettings settings = calendars.settings(id);
        assertThat(settings.weekly().get(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(settings.weekly()).doesNotContainKey(DayOfWeek.WEDNESDAY);
        assertThat(settings.overrides().get(java.time.LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(settings.bufferBefore()).isEqualTo(10);
        assertThat(settings.minNotice()).isEqualTo(24 * 60);
        HttpResponse<String> week = coach.get("/coach/termine?woche=2026-12-07");
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(week.body()).contains("Woche vom Montag, 7. Dezember 2026 bis Sonntag, 13. Dezember 2026",
            "woche=2026-11-30", "woche=2026-12-14");
        // the document's title names the week, as the booking's time step does (every week had the same title)
        assertThat(week.body()).contains("<title>Meine Termine: 7.–13. Dezember 2026 – Digitalcheck 4.0</title>");
        assertThat(coach.get("/coach/termine?woche=2026-12-28").body())
            .contains("<title>Meine Termine: 28. Dezember 2026 – 3. Januar 2027 – Digitalcheck 4.0</title>");
        // a week no calendar can hold: this week, saying so (400), not a 500 (UnreadableWeekIntegrationTest); the
        // title says first that the address was not understood, then names the week shown instead
        HttpResponse<String> unreadable = coach.get("/coach/termine?woche=%2B999999999-12-31");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).containsPattern(
            "<title>Angabe in der Adresse nicht verstanden – Meine Termine: [^<]+ 20\\d\\d – Digitalcheck 4.0</title>");
        assertThat(week.body()).doesNotContain("nicht verstanden");
        assertThat(coach.get("/coach/termine?woche=2026-12-07&lang=en").body())
            .contains("<title>My appointments: 7–13 December 2026 – Digitalcheck 4.0</title>");
        assertThat(coach.get("/coach/termine?lang=de").statusCode()).isEqualTo(200); // back to German
        assertThat(coach.get("/coach/termine?woche=-999999999-01-01").statusCode()).isEqualTo(400);
        // restore the demo hours for the other tests
        calendars.update(id, null, new Calendars.CalendarInput(Map.of(DayOfWeek.MONDAY, "09:00-12:00, 13:00-17:00",
            DayOfWeek.TUESDAY, "09:00-12:00, 13:00-17:00", DayOfWeek.WEDNESDAY, "09:00-12:00, 13:00-17:00",
            DayOfWeek.THURSDAY, "09:00-12:00, 13:00-17:00", DayOfWeek.FRIDAY, "09:00-12:00, 13:00-15:00"), "", "", "15",
            "15", "12", "56", "4", "30"), List.of());
    }

    /**
     * Hours that contradict themselves are refused with the field's error, the input kept and nothing stored: a
     * weekday's ranges that overlap or repeat, a date both blocked and with hours (or with hours twice), an
     * override's ranges that overlap. Ranges that merely touch are fine. The staff's form for a coach is the same.
     */
    @Test
    void contradictoryHoursAreRefusedWithTheInputKeptAndNothingStored() {
        Http coach = as("cal-en-coach", "coach@en-agentur.example.org");
        String id = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        CalendarSettings before = calendars.settings(id);

        Map<String, String> overlapping = calendarForm("09:00-12:00, 11:00-13:00");
        overlapping.put("tuesday", "09:00-12:00, 09:00-12:00");
        HttpResponse<String> refused = saveOwn(coach, overlapping);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary", "href=\"#calendar-weekly-MONDAY\"",
            "href=\"#calendar-weekly-TUESDAY\"",
            "Die Zeiträume 09:00-12:00 und 11:00-13:00 überschneiden sich.",
            "Die Zeiträume 09:00-12:00 und 09:00-12:00 überschneiden sich.",
            "value=\"09:00-12:00, 11:00-13:00\"", "value=\"09:00-12:00, 09:00-12:00\"");
        // each line of the summary names its field: two bare "overlap" lines said not which day
        assertThat(refused.body()).contains(
            "href=\"#calendar-weekly-MONDAY\">Wochenzeiten, Montag: Die Zeiträume 09:00-12:00 und 11:00-13:00",
            "href=\"#calendar-weekly-TUESDAY\">Wochenzeiten, Dienstag: Die Zeiträume 09:00-12:00 und 09:00-12:00");
        assertThat(refused.body().indexOf("href=\"#calendar-weekly-MONDAY\""))
            .isLessThan(refused.body().indexOf("href=\"#calendar-weekly-TUESDAY\""));
        Map<String, String> blanks = calendarForm("08:00-10:00");
        blanks.put("bufferBefore", "");
        blanks.put("slotInterval", "");
        HttpResponse<String> twoBlanks = coach.postForm("/coach/kalender?lang=en",
            versioned(coach, "/coach/kalender", blanks));
        assertThat(twoBlanks.statusCode()).isEqualTo(422);
        assertThat(twoBlanks.body()).contains("href=\"#calendar-bufferBefore\">Buffer before an appointment (minutes): ",
            "href=\"#calendar-slotInterval\">Step between start times (minutes): ");
        coach.get("/coach/kalender?lang=de"); // back to German
        assertThat(calendars.settings(id)).isEqualTo(before);

        Map<String, String> blockedAndOpen = calendarForm("08:00-10:00");
        blockedAndOpen.put("overrides", "2026-12-24\n2026-12-27 10:00-12:00\n2026-12-24 10:00-12:00");
        HttpResponse<String> twice = saveOwn(coach, blockedAndOpen);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("href=\"#calendar-overrides\"",
            "Der Tag 2026-12-24 steht mehr als einmal in der Liste.", "2026-12-24 10:00-12:00</textarea>");
        assertThat(calendars.settings(id)).isEqualTo(before);

        // every unreadable line named in the one message, the typed text kept as it was
        Map<String, String> typos = calendarForm("08:00-10:00");
        typos.put("overrides", "24.12.26\n2026-12-27 10:00-12:00\n31.12.26");
        typos.put("absences", "2027-01-01\n02.01.27");
        HttpResponse<String> mistyped = saveOwn(coach, typos);
        assertThat(mistyped.statusCode()).isEqualTo(422);
        assertThat(mistyped.body()).contains("href=\"#calendar-overrides\"", "href=\"#calendar-absences\"",
            "Diese 2 Zeilen sind kein Datum mit Zeiträumen: 24.12.26 · 31.12.26",
            "Diese Zeile ist kein Datum oder Zeitraum von–bis: 02.01.27",
            ">24.12.26\n2026-12-27 10:00-12:00\n31.12.26</textarea>");
        HttpResponse<String> mistypedEn = coach.postForm("/coach/kalender?lang=en",
            versioned(coach, "/coach/kalender", typos));
        assertThat(mistypedEn.body()).contains("These 2 lines are not a date with time ranges: 24.12.26 · 31.12.26")
            .doesNotContain("Zeilen");
        coach.get("/coach/kalender?lang=de"); // back to German
        assertThat(calendars.settings(id)).isEqualTo(before);

        Map<String, String> openTwice = calendarForm("08:00-10:00");
        openTwice.put("overrides", "2026-12-27 10:00-12:00\n2026-12-27 14:00-16:00");
        assertThat(saveOwn(coach, openTwice).body())
            .contains("Der Tag 2026-12-27 steht mehr als einmal in der Liste.");
        Map<String, String> overrideOverlap = calendarForm("08:00-10:00");
        overrideOverlap.put("overrides", "2026-12-27 10:00-12:00, 11:30-13:00");
        HttpResponse<String> overlapOnADay = saveOwn(coach, overrideOverlap);
        assertThat(overlapOnADay.statusCode()).isEqualTo(422);
        assertThat(overlapOnADay.body())
            .contains("Am 2026-12-27 überschneiden sich die Zeiträume 10:00-12:00 und 11:30-13:00.");
        assertThat(calendars.settings(id)).isEqualTo(before);

        // within every rule, but more than the calendar's columns hold: field errors, the input kept, nothing stored
        StringBuilder spans = new StringBuilder();
        for (int m = 0; m < 60; m += 5) {
            spans.append(spans.length() == 0 ? "" : ",").append(String.format("9:%02d-9:%02d", m, m + 4));
        }
        Map<String, String> crowded = calendarForm(spans.toString());
        for (String day : List.of("tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            crowded.put(day, spans.toString());
        }
        StringBuilder away = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            LocalDateish.day(away, 2027, i);
        }
        crowded.put("absences", away.toString());
        HttpResponse<String> tooMuch = saveOwn(coach, crowded);
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("error-summary", "href=\"#calendar-absences\"", "href=\"#calendar-weekly-",
            "Das sind zu viele Einträge, um sie zu speichern").contains(spans.toString());
        assertThat(calendars.settings(id)).isEqualTo(before);

        Http staff = as("cal-en-staff", "staff@en-agentur.example.org");
        HttpResponse<String> staffRefused = staff.postForm("/agentur/coaches/" + id + "/kalender",
            versioned(staff, "/agentur/coaches/" + id + "/kalender", overlapping));
        assertThat(staffRefused.statusCode()).isEqualTo(422);
        assertThat(staffRefused.body()).contains("Die Zeiträume 09:00-12:00 und 11:00-13:00 überschneiden sich.");
        assertThat(calendars.settings(id)).isEqualTo(before);

        // touching ranges, on a weekday and on an override, are one working day with a different end
        Map<String, String> touching = calendarForm("09:00-12:00, 12:00-14:00");
        touching.put("overrides", "2026-12-24\n2026-12-27 10:00-12:00, 12:00-13:00");
        try {
            assertThat(saveOwn(coach, touching).statusCode()).isEqualTo(303);
            CalendarSettings saved = calendars.settings(id);
            assertThat(saved.weekly().get(DayOfWeek.MONDAY)).extracting(TimeRange::toString)
                .containsExactly("09:00-12:00", "12:00-14:00");
            assertThat(saved.overrides().get(java.time.LocalDate.of(2026, 12, 27))).hasSize(2);
            assertThat(saved.overrides().get(java.time.LocalDate.of(2026, 12, 24))).isEmpty();
        } finally {
            calendars.update(id, null, new Calendars.CalendarInput(Map.of(DayOfWeek.MONDAY, "09:00-12:00, 13:00-17:00",
                DayOfWeek.TUESDAY, "09:00-12:00, 13:00-17:00", DayOfWeek.WEDNESDAY, "09:00-12:00, 13:00-17:00",
                DayOfWeek.THURSDAY, "09:00-12:00, 13:00-17:00", DayOfWeek.FRIDAY, "09:00-12:00, 13:00-15:00"), "", "",
                "15", "15", "12", "56", "4", "30"), List.of());
        }
    }

    @Test
    void staffManageTheirAgencysTypesAndCoachesButNotAnotherAgencys() {
        Http staff = as("cal-en-staff", "staff@en-agentur.example.org");
        String enCoach = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        String doCoach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        HttpResponse<String> types = staff.get("/agentur/terminarten");
        assertThat(types.statusCode()).isEqualTo(200);
        assertThat(types.body()).contains("Erstgespräch (Video)", "Carla Coach").doesNotContain("Dominik Coach");
        // the public booking page's whole address, to copy into a mail or onto the agency's website
        assertThat(types.body()).contains(">http://localhost/termin/en-agentur</a>");
        // the staff's page names the coaches' calendars and appointments, not the coach's own ("Meine Termine")
        assertThat(types.body()).contains("Kalender und Termine der Coaches", "Termine ansehen", "href=\"/agentur\"")
            .doesNotContain("Meine Termine").doesNotContain("Mein Kalender").doesNotContain("Wochenzeiten");
        HttpResponse<String> coachCalendar = staff.get("/agentur/coaches/" + enCoach + "/kalender");
        assertThat(coachCalendar.body()).contains("Kalender von Carla Coach",
            "Wann Unternehmen Termine bei Carla Coach buchen können.").doesNotContain("bei Ihnen");
        assertThat(staff.get("/agentur/coaches/" + enCoach + "/termine").body()).contains("Termine von Carla Coach")
            .doesNotContain("Meine Termine");
        // the agency's view of a coach's week names the coach and the week in its title
        assertThat(staff.get("/agentur/coaches/" + enCoach + "/termine?woche=2026-12-07").body())
            .contains("<title>Termine von Carla Coach: 7.–13. Dezember 2026 – Digitalcheck 4.0</title>");
        assertThat(staff.get("/agentur/coaches/" + enCoach + "/termine?woche=2026-12-07&lang=en").body())
            .contains("<title>Appointments of Carla Coach: 7–13 December 2026 – Digitalcheck 4.0</title>");
        assertThat(staff.get("/agentur/terminarten?lang=en").body()).contains("Coaches’ calendars and appointments",
            "View appointments").doesNotContain("My appointments");
        assertThat(staff.get("/agentur/terminarten?lang=de").statusCode()).isEqualTo(200); // back to German
        // a coach's ways of meeting, listed after the name in lower case (it read "(Vor Ort im Unternehmen, Per Video)")
        assertThat(staff.get("/agentur/terminarten/neu").body()).containsPattern("Carla Coach \\((vor Ort|in der|per) ")
            .doesNotContainPattern("Carla Coach \\([^)]*(Vor Ort|In der|Per) ");
        assertThat(staff.get("/agentur/coaches/" + enCoach + "/kalender").statusCode()).isEqualTo(200);
        assertThat(staff.get("/agentur/coaches/" + enCoach + "/termine").statusCode()).isEqualTo(200);
        assertThat(staff.get("/agentur/coaches/" + doCoach + "/kalender").statusCode()).isEqualTo(404);
        assertThat(staff.get("/agentur/coaches/" + doCoach + "/termine").statusCode()).isEqualTo(404);
        int before = calendars.settings(doCoach).bufferBefore();
        assertThat(staff.postForm("/agentur/coaches/" + doCoach + "/kalender", calendarForm("08:00-10:00")).statusCode())
            .isEqualTo(404);
        assertThat(calendars.settings(doCoach).bufferBefore()).isEqualTo(before);
        String dortmundType = calendars.typesOf("wf-dortmund").get(0).id();
        assertThat(staff.get("/agentur/terminarten/" + dortmundType).statusCode()).isEqualTo(404);
        assertThat(staff.postForm("/agentur/terminarten/" + dortmundType, Map.of("nameDe", "Gekapert", "nameEn", "Hijacked",
            "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0", "active", "on")).statusCode()).isEqualTo(404);
        assertThat(calendars.typesOf("wf-dortmund").get(0).nameDe()).isNotEqualTo("Gekapert");

        HttpResponse<String> invalid = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "", "nameEn", "Phone",
            "durationMinutes", "0", "mode", "FAX", "travelBufferMinutes", "0"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("error-summary", "Diesen Ort gibt es nicht").doesNotContain("Unbekannte Terminart");
        assertThat(invalid.body())
            .contains("<title>Bitte prüfen Sie Ihre Angaben – Neue Terminart – Digitalcheck 4.0</title>");
        // each summary line starts with its field's label, in the form's order
        assertThat(invalid.body()).contains("href=\"#type-nameDe\">Name (deutsch): ",
            "href=\"#type-durationMinutes\">Dauer (Minuten): ",
            "href=\"#type-mode-ON_SITE\">Ort: Diesen Ort gibt es nicht", "id=\"type-mode-ON_SITE\"");
        // the radio group's line leads to its first option, which takes the focus (its fieldset cannot)
        assertThat(invalid.body()).doesNotContain("href=\"#type-mode\"");
        assertThat(invalid.body().indexOf("href=\"#type-nameDe\">"))
            .isLessThan(invalid.body().indexOf("href=\"#type-mode-ON_SITE\">"));
        // "companies can book it" is a group of its own, not a third box among the coaches' (it read like one)
        String form = invalid.body();
        int coachesEnd = form.indexOf("</fieldset>", form.indexOf("id=\"type-coachIds\""));
        int bookingGroup = form.indexOf("id=\"type-booking\"");
        assertThat(bookingGroup).as("the booking group after the coaches' group").isGreaterThan(coachesEnd);
        assertThat(form.indexOf("id=\"type-active\"")).isGreaterThan(bookingGroup)
            .isLessThan(form.indexOf("</fieldset>", bookingGroup));
        assertThat(form.substring(bookingGroup, form.indexOf("</fieldset>", bookingGroup)))
            .contains("<legend class=\"kern-label\">Buchung</legend>", "aria-describedby=\"type-booking-hint\"");
        // no location chosen: that is what the field says (it once said "unknown appointment type")
        long typesBefore = bookings.typesOf("en-agentur").size();
        HttpResponse<String> noMode = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "Ohne Ort",
            "nameEn", "No location", "durationMinutes", "30", "travelBufferMinutes", "0", "active", "on"));
        assertThat(noMode.statusCode()).isEqualTo(422);
        assertThat(noMode.body()).contains("Bitte wählen Sie, wo der Termin stattfindet (Ort).", "value=\"Ohne Ort\"")
            .doesNotContain("Unbekannte Terminart");
        assertThat(bookings.typesOf("en-agentur")).hasSize((int) typesBefore);
        HttpResponse<String> added = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "Telefonat",
            "nameEn", "Phone call", "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0",
            "coachIds", List.of(enCoach), "active", "on"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(bookings.typesOf("en-agentur")).anyMatch(t -> t.nameEn().equals("Phone call") && t.coachIds().equals(List.of(enCoach)));
        // the list the redirect leads to says that the type is saved, in a note that takes the focus (app.js,
        // data-dc-ask): the redirect once led to the bare list, and nothing said that the type was saved; once, after
        // the post that saved (a Flash note: "?gespeichert" in the address said so for any link that carried it)
        assertThat(added.headers().firstValue("Location")).hasValue("/agentur/terminarten");
        assertThat(staff.get("/agentur/terminarten").body())
            .contains("id=\"saved\" tabindex=\"-1\" data-dc-ask=\"true\"", "Die Änderungen sind gespeichert.");
        assertThat(staff.get("/agentur/terminarten").body()).doesNotContain("types-unoffered")
            .as("a reload says nothing is saved").doesNotContain("id=\"saved\"");
        assertThat(staff.get("/agentur/terminarten?gespeichert").body()).as("nor the address")
            .doesNotContain("id=\"saved\"", "Die Änderungen sind gespeichert.");
        // an active type that no coach offers: companies do not see it, the staff are warned
        HttpResponse<String> nobodys = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "Niemandes Termin",
            "nameEn", "Nobody’s appointment", "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0",
            "active", "on"));
        assertThat(nobodys.statusCode()).isEqualTo(303);
        AppointmentType unoffered = calendars.typesOf("en-agentur").stream()
            .filter(t -> t.nameDe().equals("Niemandes Termin")).findFirst().orElseThrow();
        assertThat(bookings.typesOf("en-agentur")).extracting(AppointmentType::id).doesNotContain(unoffered.id());
        assertThat(staff.get("/agentur/terminarten").body()).contains("id=\"types-unoffered\"",
            "Kein Coach bietet diese Terminarten an", "<li>Niemandes Termin</li>",
            "kein Coach bietet sie an, für Unternehmen nicht sichtbar");
        // inactive, it is not offered anyway: no warning
        String unofferedUrl = "/agentur/terminarten/" + unoffered.id();
        assertThat(staff.postForm(unofferedUrl, typeForm(staff, unofferedUrl, Map.of("nameDe", "Niemandes Termin",
            "nameEn", "Nobody’s appointment", "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0")))
            .statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur/terminarten").body()).doesNotContain("types-unoffered");
        // offered by a coach, it is listed for companies and the warning is gone
        assertThat(staff.postForm(unofferedUrl, typeForm(staff, unofferedUrl, Map.of("nameDe", "Niemandes Termin",
            "nameEn", "Nobody’s appointment", "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0",
            "coachIds", List.of(enCoach), "active", "on"))).statusCode()).isEqualTo(303);
        assertThat(bookings.typesOf("en-agentur")).extracting(AppointmentType::id).contains(unoffered.id());
        assertThat(staff.get("/agentur/terminarten").body()).doesNotContain("types-unoffered")
            .doesNotContain("kein Coach bietet sie an");
        // offered only by a coach who does not meet companies that way (Carla does not receive them at the agency):
        // as good as nobody, companies do not see it and the staff are warned
        HttpResponse<String> wrongMode = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "In der Agentur",
            "nameEn", "At the agency", "durationMinutes", "30", "mode", "AT_AGENCY", "travelBufferMinutes", "0",
            "coachIds", List.of(enCoach), "active", "on"));
        assertThat(wrongMode.statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur/terminarten/neu").body()).contains("id=\"type-coachIds-hint\"",
            "Unternehmen buchen nur die Coaches, die den Ort der Terminart in ihrem Profil");
        AppointmentType atAgency = calendars.typesOf("en-agentur").stream()
            .filter(t -> t.nameDe().equals("In der Agentur")).findFirst().orElseThrow();
        assertThat(bookings.typesOf("en-agentur")).extracting(AppointmentType::id).doesNotContain(atAgency.id());
        assertThat(staff.get("/agentur/terminarten").body()).contains("id=\"types-unoffered\"",
            "<li>In der Agentur</li>", "der ihren Ort („So treffe ich Unternehmen“ in seinem Profil) anbietet");
        String atAgencyUrl = "/agentur/terminarten/" + atAgency.id();
        assertThat(staff.postForm(atAgencyUrl, typeForm(staff, atAgencyUrl, Map.of("nameDe", "In der Agentur",
            "nameEn", "At the agency", "durationMinutes", "30", "mode", "AT_AGENCY", "travelBufferMinutes", "0",
            "coachIds", List.of(enCoach)))).statusCode()).isEqualTo(303); // inactive again for the other tests
        // another agency's coach cannot be made to offer a type
        HttpResponse<String> foreign = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "Fremd",
            "nameEn", "Foreign", "durationMinutes", "30", "mode", "PHONE", "travelBufferMinutes", "0",
            "coachIds", List.of(enCoach, doCoach), "active", "on"));
        assertThat(foreign.statusCode()).isEqualTo(422);
        // refused at the coaches' group with what is wrong (not "this coach does not offer this type"), the boxes
        // still the agency's own, that coach's name and id nowhere on the page
        assertThat(foreign.body()).contains("Wählen Sie nur Coaches Ihrer Wirtschaftsförderung.", "value=\"Fremd\"")
            .doesNotContain("bietet diese Terminart nicht an", "Dominik", doCoach);
    }

    /** A type's form as typed, with the version of its edit page as read now (a change is refused without). */
    static Map<String, Object> typeForm(Http staff, String url, Map<String, ?> typed) {
        Map<String, Object> form = new java.util.LinkedHashMap<>(typed);
        form.put("version", Http.hidden(staff.get(url).body(), url, "version"));
        return form;
    }

    /** Absence lines: two-day spans one after another from 1 January of {@code year}. */
    private static final class LocalDateish {
        static void day(StringBuilder out, int year, int i) {
            java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1).plusDays(3L * i);
            out.append(out.length() == 0 ? "" : "\n").append(from).append("..").append(from.plusDays(1));
        }
    }
}
