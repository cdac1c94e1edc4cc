package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach offers an appointment type only if its length fits into one of the coach's ranges of hours (the weekly hours,
 * or a date's own hours in the booking window; ranges that touch joined). An 8-hour type offered by a coach whose
 * longest range is 4 hours was listed to companies, found no time in 8 weeks, and its booking page said "look at the
 * next week" every week; the staff saved it without a word. Now it is saved (hours may come later), but companies do
 * not see it, its slots and booking are refused as for a type nobody offers, and the staff's list says why.
 */
@MicronautTest(transactional = false)
class UnfittingAppointmentTypeIntegrationTest extends SignedInTests {

    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Bookings bookings;
    @Inject
    Clock clock;
    @Inject
    Coaches coaches;

    private static final String DEMO_HOURS = "09:00-12:00, 13:00-17:00";

    @Test
    void aTypeLongerThanEveryRangeOfItsCoachesHoursIsNotOfferedAndTheStaffAreToldWhy() {
        Http staff = as("unfitting-en-staff", "staff@en-agentur.example.org");
        Http anyone = new Http(server, json);
        String carla = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        LocalDate today = PortalTime.today(clock);
        // Carla's demo hours: 09:00-12:00 and 13:00-17:00 on weekdays (Friday until 15:00), the longest 4 hours
        assertThat(calendars.settings(carla).longestBookableMinutes(
            today.plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant(), PortalTime.ZONE)).isEqualTo(240);

        // saved without a refusal: the coach may add hours later
        HttpResponse<String> added = staff.postForm("/agentur/terminarten/neu", Map.of("nameDe", "Ganztagesworkshop",
            "nameEn", "Full-day workshop", "durationMinutes", "480", "mode", "VIDEO", "travelBufferMinutes", "0",
            "coachIds", List.of(carla), "active", "on"));
        assertThat(added.statusCode()).isEqualTo(303);
        AppointmentType workshop = calendars.typesOf("en-agentur").stream()
            .filter(t -> t.nameDe().equals("Ganztagesworkshop")).findFirst().orElseThrow();
        assertThat(workshop.active()).isTrue();
        assertThat(workshop.coachIds()).containsExactly(carla);

        // not listed for companies (the demo's first talk, which fits, still is)
        assertThat(typeIds(anyone)).doesNotContain(workshop.id()).isNotEmpty();
        assertThat(bookings.offeredBy(workshop)).isEmpty();
        // its slots: none in 8 weeks; with Carla asked for: she does not offer it (422 at the coach)
        assertThat(slots(anyone, workshop.id(), today, today.plusDays(55), null)).isEmpty();
        HttpResponse<String> withCarla = anyone.get("/api/v1/slots?agency=en-agentur&type=" + workshop.id()
            + "&from=" + today + "&to=" + today.plusDays(6) + "&coach=" + carla);
        assertThat(withCarla.statusCode()).as(withCarla.body()).isEqualTo(422);
        assertThat(withCarla.body()).contains("\"field\":\"coach");
        // the booking page: not among the choices, and asked for by its link it says that the agency does not offer
        // it online, instead of "look at the next week"
        assertThat(anyone.get("/termin/en-agentur?lang=de").body()).doesNotContain("Ganztagesworkshop");
        String page = anyone.get("/termin/en-agentur?lang=de&type=" + workshop.id()).body();
        assertThat(page).contains("id=\"booking-not-offered\"",
                "Diese Terminart bietet die Wirtschaftsförderung zurzeit nicht online an.")
            .doesNotContain("Bitte sehen Sie in der nächsten Woche nach.");

        // the staff's list says why, in their language
        String types = staff.get("/agentur/terminarten?lang=de").body();
        assertThat(types).contains("id=\"types-unoffered\"", "<li>Ganztagesworkshop: Keiner ihrer Coaches hat in seinen "
            + "Zeiten einen Zeitraum, in den 480 Minuten passen: Der längste ist 240 Minuten lang");
        assertThat(staff.get("/agentur/terminarten?lang=en").body()).contains("<li>Full-day workshop: None of its "
            + "coaches has a range of hours that 480 minutes fit into: the longest is 240 minutes");

        // exactly as long as the longest range: offered, with times in it (13:00-17:00)
        String url = "/agentur/terminarten/" + workshop.id();
        assertThat(staff.postForm(url, typeForm(staff, url, 240, carla)).statusCode()).isEqualTo(303);
        assertThat(typeIds(anyone)).contains(workshop.id());
        List<Map<String, Object>> halfDay = slots(anyone, workshop.id(), today.plusDays(2), today.plusDays(15), null);
        assertThat(halfDay).isNotEmpty().allSatisfy(s -> assertThat((String) s.get("start")).contains("T13:00:00"));
        assertThat(staff.get("/agentur/terminarten?lang=de").body()).doesNotContain("types-unoffered");
        // a minute longer: not
        assertThat(staff.postForm(url, typeForm(staff, url, 241, carla)).statusCode()).isEqualTo(303);
        assertThat(typeIds(anyone)).doesNotContain(workshop.id());

        LocalDate day = today.plusDays(10);
        try {
            // a date's own hours beyond the booking window (56 days) do not count
            saveHours(carla, day.plusDays(100) + " 08:00-17:00");
            assertThat(typeIds(anyone)).doesNotContain(workshop.id());
            // within it they do, ranges that touch joined (08:00-12:00 and 12:00-17:00 hold 8 hours from 08:00)
            assertThat(staff.postForm(url, typeForm(staff, url, 480, carla)).statusCode()).isEqualTo(303);
            saveHours(carla, day + " 08:00-12:00, 12:00-17:00");
            assertThat(typeIds(anyone)).contains(workshop.id());
            assertThat(staff.get("/agentur/terminarten?lang=de").body()).doesNotContain("types-unoffered");
            List<Map<String, Object>> fullDay = slots(anyone, workshop.id(), today, today.plusDays(55), carla);
            assertThat(fullDay).isNotEmpty()
                .allSatisfy(s -> assertThat((String) s.get("start")).startsWith(day.toString()));
            assertThat((String) fullDay.get(0).get("start")).startsWith(day + "T08:00:00");
            assertThat((String) fullDay.get(0).get("end")).startsWith(day + "T16:00:00");
        } finally {
            saveHours(carla, "");
        }
        assertThat(typeIds(anyone)).doesNotContain(workshop.id());
    }

    /**
     * A coach away for the whole booking window, or whose minimum notice is longer than the window, has hours but no
     * time to book: the type was listed to companies (every week empty) and the staff's list said nothing. Now such a
     * coach does not offer it, and the list says why.
     */
    @Test
    void aTypeWhoseCoachesHaveNoBookableTimeInTheWindowIsNotOfferedAndTheStaffAreToldWhy() {
        Http staff = as("unfitting-en-staff", "staff@en-agentur.example.org");
        Http anyone = new Http(server, json);
        String carla = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        AppointmentType talk = calendars.saveType("en-agentur", null, new Calendars.TypeInput("Kurzberatung",
            "Short advice", "30", "VIDEO", "0", List.of(carla), true), List.of());
        assertThat(typeIds(anyone)).contains(talk.id());
        LocalDate today = PortalTime.today(clock);
        try {
            // away from today to beyond the window's last day
            saveHours(carla, "", today + ".." + today.plusDays(60), "12", "56");
            assertThat(typeIds(anyone)).doesNotContain(talk.id());
            assertThat(bookings.offeredBy(talk)).isEmpty();
            assertThat(staff.get("/agentur/terminarten?lang=de").body()).contains("id=\"types-unoffered\"",
                "<li>Kurzberatung: Keiner ihrer Coaches hat im Buchungszeitraum eine Zeit, die gebucht werden "
                    + "kann");
            assertThat(staff.get("/agentur/terminarten?lang=en").body()).contains("<li>Short advice: None of "
                + "its coaches has a time within the booking window that can be booked");
            // back the day after the window ends: still nothing; back on its last day: offered again
            saveHours(carla, "", today + ".." + today.plusDays(56), "12", "56");
            assertThat(typeIds(anyone)).doesNotContain(talk.id());
            saveHours(carla, "", today + ".." + today.plusDays(49), "12", "56");
            assertThat(typeIds(anyone)).contains(talk.id());
            assertThat(staff.get("/agentur/terminarten?lang=de").body()).doesNotContain("types-unoffered");

            // a notice of 30 days and a window of 20: never a time
            saveHours(carla, "", "", String.valueOf(30 * 24), "20");
            assertThat(typeIds(anyone)).doesNotContain(talk.id());
            assertThat(staff.get("/agentur/terminarten?lang=de").body()).contains(
                "<li>Kurzberatung: Keiner ihrer Coaches hat im Buchungszeitraum eine Zeit");
        } finally {
            saveHours(carla, "");
        }
        assertThat(typeIds(anyone)).contains(talk.id());
        // switched off again: other tests see the demo's types only
        calendars.saveType("en-agentur", talk.id(), new Calendars.TypeInput("Kurzberatung", "Short advice", "30",
            "VIDEO", "0", List.of(carla), false), List.of());
    }

    /**
     * The coach's own calendar page says when the saved calendar leaves companies no time with them, and why: no hours
     * at all, a minimum notice past the booking window, no time left in the window (away for all of it), or every type
     * they would offer longer than their longest time. Before, only the staff's types page warned (per type); the coach
     * saved such a calendar without a word and was never booked. A bookable coach's page has no such note (no empty
     * box); the staff's page of the coach's calendar says it too, naming the coach.
     */
    @Test
    void theCoachsCalendarPageSaysWhyCompaniesCannotBookThem() {
        Http coach = as("unfitting-en-coach", "coach@en-agentur.example.org");
        Http staff = as("unfitting-en-staff", "staff@en-agentur.example.org");
        String carla = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        String staffPage = "/agentur/coaches/" + carla + "/kalender";
        LocalDate today = PortalTime.today(clock);
        try {
            saveHours(carla, "");
            String bookable = coach.get("/coach/kalender?lang=de").body();
            assertThat(bookable).contains("Mein Kalender").doesNotContain("calendar-unbookable")
                .doesNotContain("zurzeit nicht buchen");
            assertThat(staff.get(staffPage + "?lang=de").body()).doesNotContain("calendar-unbookable");

            // no hours at all
            calendars.update(carla, null, new Calendars.CalendarInput(Map.of(), "", "", "15", "15", "12", "56", "4",
                "30"), List.of());
            HttpResponse<String> none = coach.get("/coach/kalender?lang=de");
            assertThat(none.statusCode()).isEqualTo(200);
            assertThat(none.body()).contains("id=\"calendar-unbookable\"",
                "aria-labelledby=\"calendar-unbookable-title\"",
                ">Unternehmen können Sie zurzeit nicht buchen</h2>",
                "In diesem Kalender sind weder Wochenzeiten noch Tage mit eigenen Zeiten eingetragen.");
            assertThat(coach.get("/coach/kalender?lang=en").body()).contains(">Companies cannot book you at the moment</h2>",
                "This calendar has neither weekly hours nor days with hours of their own.");
            assertThat(staff.get(staffPage + "?lang=de").body()).contains(
                ">Unternehmen können Carla Coach zurzeit nicht buchen</h2>",
                "In diesem Kalender sind weder Wochenzeiten noch Tage mit eigenen Zeiten eingetragen.");

            // hours, but away from today to beyond the window's last day
            saveHours(carla, "", today + ".." + today.plusDays(60), "12", "56");
            assertThat(coach.get("/coach/kalender?lang=de").body()).contains("id=\"calendar-unbookable\"",
                "Im Buchungszeitraum (heute und die nächsten 56 Tage) bleibt keine Zeit, die gebucht werden kann: "
                    + "Abwesenheiten, gesperrte Tage, Feiertage und der Mindestvorlauf von 12 Stunden lassen keine übrig.")
                .doesNotContain("weder Wochenzeiten");
            assertThat(coach.get("/coach/kalender?lang=en").body())
                .contains("No time within the booking window (today and the next 56 days) can be booked");
            // back on the window's last day: bookable, no note
            saveHours(carla, "", today + ".." + today.plusDays(49), "12", "56");
            assertThat(coach.get("/coach/kalender?lang=de").body()).doesNotContain("calendar-unbookable");

            // a notice of 30 days and a window of 20
            saveHours(carla, "", "", String.valueOf(30 * 24), "20");
            assertThat(coach.get("/coach/kalender?lang=de").body()).contains("id=\"calendar-unbookable\"",
                "Der Mindestvorlauf von 720 Stunden reicht über den Buchungszeitraum hinaus: Gebucht werden kann nur "
                    + "bis 20 Tage im Voraus");
            assertThat(coach.get("/coach/kalender?lang=en").body())
                .contains("The minimum notice of 720 hours reaches past the booking window");

            // 20 minutes a day: shorter than every type Carla would offer (named on it, in a way she meets companies)
            Map<DayOfWeek, String> short20 = Map.of(DayOfWeek.MONDAY, "09:00-09:20", DayOfWeek.TUESDAY, "09:00-09:20",
                DayOfWeek.WEDNESDAY, "09:00-09:20", DayOfWeek.THURSDAY, "09:00-09:20", DayOfWeek.FRIDAY, "09:00-09:20");
            calendars.update(carla, null, new Calendars.CalendarInput(short20, "", "", "15", "15", "12", "56", "4", "30"),
                List.of());
            java.util.Set<MeetingMode> modes = coachProfiles(carla);
            AppointmentType shortest = calendars.typesOf("en-agentur").stream()
                .filter(t -> t.active() && t.coachIds().contains(carla) && modes.contains(t.mode()))
                .min(java.util.Comparator.comparingInt(AppointmentType::durationMinutes)).orElseThrow();
            assertThat(shortest.durationMinutes()).isGreaterThan(20);
            assertThat(coach.get("/coach/kalender?lang=de").body()).contains("id=\"calendar-unbookable\"",
                "Die längste Zeit am Stück, die gebucht werden kann, ist 20 Minuten lang",
                "Die kürzeste passende Terminart, „" + shortest.nameDe() + "“, dauert aber "
                    + shortest.durationMinutes() + " Minuten.");
            assertThat(coach.get("/coach/kalender?lang=en").body()).contains(
                "The longest time in one piece that can be booked is 20 minutes",
                "The shortest matching appointment type, “" + shortest.nameEn() + "”, takes "
                    + shortest.durationMinutes() + " minutes, though.");
            // as long as the shortest type: bookable again, no note
            String fits = "09:00-" + java.time.LocalTime.of(9, 0).plusMinutes(shortest.durationMinutes());
            Map<DayOfWeek, String> exact = Map.of(DayOfWeek.MONDAY, fits, DayOfWeek.TUESDAY, fits,
                DayOfWeek.WEDNESDAY, fits, DayOfWeek.THURSDAY, fits, DayOfWeek.FRIDAY, fits);
            calendars.update(carla, null, new Calendars.CalendarInput(exact, "", "", "15", "15", "12", "56", "4", "30"),
                List.of());
            assertThat(coach.get("/coach/kalender?lang=de").body()).doesNotContain("calendar-unbookable");
        } finally {
            saveHours(carla, "");
        }
        assertThat(coach.get("/coach/kalender?lang=de").body()).doesNotContain("calendar-unbookable");
    }

    private java.util.Set<MeetingMode> coachProfiles(String coachId) {
        return coaches.profile(coachId).orElseThrow().modes();
    }

    /** Carla's demo hours with these date overrides. */
    private void saveHours(String coachId, String overrides) {
        saveHours(coachId, overrides, "", "12", "56");
    }

    /** Carla's demo hours with these date overrides and absences, notice (hours) and window (days). */
    private void saveHours(String coachId, String overrides, String absences, String noticeHours, String window) {
        Map<DayOfWeek, String> weekly = Map.of(DayOfWeek.MONDAY, DEMO_HOURS, DayOfWeek.TUESDAY, DEMO_HOURS,
            DayOfWeek.WEDNESDAY, DEMO_HOURS, DayOfWeek.THURSDAY, DEMO_HOURS, DayOfWeek.FRIDAY, "09:00-12:00, 13:00-15:00");
        calendars.update(coachId, null, new Calendars.CalendarInput(weekly, overrides, absences, "15", "15",
            noticeHours, window, "4", "30"), List.of());
    }

    private static Map<String, Object> typeForm(Http staff, String url, int minutes, String coach) {
        return CalendarWorkspaceIntegrationTest.typeForm(staff, url, Map.of("nameDe", "Ganztagesworkshop",
            "nameEn", "Full-day workshop", "durationMinutes", String.valueOf(minutes), "mode", "VIDEO",
            "travelBufferMinutes", "0", "coachIds", List.of(coach), "active", "on"));
    }

    private static List<String> typeIds(Http http) {
        HttpResponse<String> types = http.get("/api/v1/appointment-types?agency=en-agentur");
        assertThat(types.statusCode()).isEqualTo(200);
        return http.list(types).stream().map(t -> (String) ((Map<?, ?>) t).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> slots(Http http, String typeId, LocalDate from, LocalDate to,
                                                   String coach) {
        HttpResponse<String> answer = http.get("/api/v1/slots?agency=en-agentur&type=" + typeId + "&from=" + from
            + "&to=" + to + (coach == null ? "" : "&coach=" + coach));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (List<Map<String, Object>>) http.map(answer).get("slots");
    }
}
