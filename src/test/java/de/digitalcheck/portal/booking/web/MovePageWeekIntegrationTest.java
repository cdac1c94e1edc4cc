package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.BERLIN;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static de.digitalcheck.portal.support.BookableAgency.onToday;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page to move an appointment opened on the current week: whoever moved an appointment some weeks ahead first
 * paged forward to it. It opens on the appointment's week now — the company's page under its private link, the
 * coach's and the staff's, and a refused move without a readable time — while the links to other weeks (no
 * JavaScript needed) and a week asked for stay as they were.
 */
@MicronautTest(transactional = false)
class MovePageWeekIntegrationTest extends SignedInTests {

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
    BookingChanges changes;
    @Inject
    ChangeViews views;

    BookableAgency a;
    Http coach;
    Http staff;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org",
            "Sabine Stab", Role.AGENCY_STAFF, a.agencyId())));
        coach = as("move-week-c-" + a.agencyId(), a.coachEmails().get(0));
        staff = as("move-week-s-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
    }

    /** A booking of the coach: {id, token, …}. */
    Map<String, Object> book(LocalDate day, int hour) {
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(day, hour),
            "mw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return http.map(made);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String week(LocalDate day) {
        return "Woche vom " + Dates.longDate(Language.DE, monday(day)) + " bis "
            + Dates.longDate(Language.DE, monday(day).plusDays(6));
    }

    @Test
    void theMovePagesOpenOnTheAppointmentsWeek() {
        LocalDate day = bookableDay(24);
        LocalDate today = LocalDate.now(BERLIN);
        Map<String, Object> made = book(day, 10);
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        assertThat(monday(day)).as("some weeks ahead").isAfter(monday(today).plusWeeks(2));

        String company = new Http(server, json).get("/termin/buchung/" + id + "/verschieben?token="
            + Http.enc(token)).body();
        String coachPage = coach.get("/coach/termine/" + id).body();
        String staffPage = staff.get("/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + id).body();
        for (String page : List.of(company, coachPage, staffPage)) {
            assertThat(page).contains(week(day), "woche=" + monday(day).minusWeeks(1), "woche=" + monday(day).plusWeeks(1))
                .doesNotContain(week(today));
            // the week's free times are listed, the appointment's own time is not
            assertThat(page).contains("start=").doesNotContain("start=" + Http.enc(
                java.time.OffsetDateTime.parse((String) made.get("start")).toInstant().toString()));
        }
        // another week asked for, through the links: as before
        assertThat(coach.get("/coach/termine/" + id + "?woche=" + today).body()).contains(week(today));
        assertThat(new Http(server, json).get("/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token)
            + "&woche=" + monday(day).plusWeeks(1)).body()).contains(week(day.plusWeeks(1)));
        // a past week asked for: this week (the test's, or the next should a new week begin meanwhile), without a link
        // to the one before
        onToday(now -> {
            String past = coach.get("/coach/termine/" + id + "?woche=" + now.minusWeeks(3)).body();
            assertThat(past).contains(week(now)).doesNotContain("woche=" + monday(now).minusWeeks(1));
        });

        // a move refused without a readable time shows the appointment's week again
        HttpResponse<String> refused = coach.postForm("/coach/termine/" + id + "/verschieben", Map.of("start", "kaputt"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains(week(day));
        new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
    }

    /**
     * The move page's title says its step — the week of times (which week: the pages of two weeks were told apart by
     * nothing), or the new time to confirm (it had the same title as the list) — and first whether something was
     * refused; the week's links lead to the week's heading, before its days.
     */
    @Test
    void theMovePagesTitleSaysTheWeekOrTheTimeToConfirmAndWhatWasRefused() {
        LocalDate day = bookableDay(24);
        Map<String, Object> made = book(day, 10);
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        String path = "/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token);
        Http http = new Http(server, json);
        String other = id;
        try {
            String times = http.get(path).body();
            LocalDate monday = monday(day);
            assertThat(times).contains("<title>Neue Zeit wählen: " + Dates.dayRange(Language.DE, monday,
                monday.plusDays(6)) + " – Termin verschieben – Digitalcheck 4.0</title>",
                "<h3 class=\"kern-heading-small\" id=\"week\" tabindex=\"-1\">",
                "woche=" + monday.plusWeeks(1) + "#week\"", "woche=" + monday.minusWeeks(1) + "#week\"");
            assertThat(times.indexOf("woche=" + monday.plusWeeks(1))).as("the weeks before the days")
                .isGreaterThan(times.indexOf("id=\"week\"")).isLessThan(times.indexOf("id=\"day-0\""));
            String next = http.get(path + "&woche=" + monday.plusWeeks(1)).body();
            assertThat(next).contains("<title>Neue Zeit wählen: " + Dates.dayRange(Language.DE, monday.plusWeeks(1),
                monday.plusWeeks(1).plusDays(6)) + " – Termin verschieben – ",
                "id=\"week\" tabindex=\"-1\" data-dc-ask");
            assertThat(staff.get("/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + id).body())
                .contains("<title>Neue Zeit wählen: " + Dates.dayRange(Language.DE, monday, monday.plusDays(6))
                    + " – Termin mit ");

            java.util.regex.Matcher time = java.util.regex.Pattern.compile("href=\"([^\"]*&amp;start=[^\"]+)\"")
                .matcher(times);
            assertThat(time.find()).isTrue();
            String confirm = http.get(time.group(1).replace("&amp;", "&")).body();
            assertThat(confirm).contains("<title>Neue Zeit bestätigen – Termin verschieben – Digitalcheck 4.0</title>",
                "id=\"move-chosen\"").containsPattern("href=\"[^\"]*#week\">Andere Zeit wählen<");
            assertThat(http.get(time.group(1).replace("&amp;", "&") + "&lang=en").body())
                .contains("<title>Confirm the new time – Move the appointment – Digitalcheck 4.0</title>");
            http.get(path + "&lang=de");

            // a time taken meanwhile: said in the title, and its alert takes the focus (there is no error summary)
            other = (String) book(day, 12).get("id");
            HttpResponse<String> taken = http.postForm("/termin/buchung/" + id + "/verschieben",
                Map.of("token", token, "start", java.time.OffsetDateTime.parse(at(day, 12)).toInstant().toString()));
            assertThat(taken.statusCode()).isIn(409, 422);
            assertThat(taken.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – Neue Zeit wählen: ")
                .containsPattern("id=\"move-start\"\\s+data-dc-ask=\"true\"");
            HttpResponse<String> noSuchWeek = http.get(path + "&woche=2026-02-31");
            assertThat(noSuchWeek.statusCode()).isEqualTo(400);
            assertThat(noSuchWeek.body())
                .contains("<title>Angabe in der Adresse nicht verstanden – Neue Zeit wählen: ");
        } finally {
            new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id IN (?, ?)", id, other);
        }
    }

    /**
     * A coach who no longer offers the appointment's kind (its meeting mode switched off): no week has a time, and the
     * move pages said "no time free this week" for every week; they say why instead, for the company and the staff.
     */
    @Test
    void aCoachWhoNoLongerOffersTheKindSaysSoInsteadOfEmptyWeeks() {
        Map<String, Object> made = book(bookableDay(6), 11);
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        String companyPath = "/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token);
        assertThat(new Http(server, json).get(companyPath).body()).as("while the coach offers it")
            .contains("start=").doesNotContain("move-not-offered");
        Database db = new Database(dataSource);
        String coachId = a.coachIds().get(0);
        Object modes = db.value("SELECT meeting_modes FROM coach WHERE account_id = ?", coachId);
        db.execute("UPDATE coach SET meeting_modes = 'PHONE' WHERE account_id = ?", coachId);
        try {
            String company = new Http(server, json).get(companyPath).body();
            assertThat(company).contains("id=\"move-not-offered\"",
                "Der Coach bietet diese Art von Termin zurzeit nicht an. Deshalb gibt es keine Zeit")
                .doesNotContain("start=", "In dieser Woche ist keine Zeit frei");
            assertThat(staff.get("/agentur/coaches/" + coachId + "/termine/" + id).body())
                .contains("die Art des Treffens ist in seinem Profil abgeschaltet").doesNotContain("start=");
        } finally {
            db.execute("UPDATE coach SET meeting_modes = ? WHERE account_id = ?", modes, coachId);
            db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
        }
    }

    /**
     * An appointment that has begun cannot be moved and its pages list no times; asked for its times all the same, it
     * opens on this week, never on its own week in the past.
     */
    @Test
    void anAppointmentThatHasBegunListsNoTimesAndOpensOnThisWeek() {
        Map<String, Object> made = book(bookableDay(5), 9);
        String id = (String) made.get("id");
        Instant begun = Instant.now().minusSeconds(600);
        Database db = new Database(dataSource);
        db.execute("UPDATE booking SET start_at = ?, end_at = ? WHERE id = ?", Timestamp.from(begun),
            Timestamp.from(begun.plusSeconds(3600)), id);
        try {
            Booking booking = changes.ofCoach(id, a.coachIds().get(0));
            assertThat(changes.changeable(booking)).isFalse();
            assertThat(coach.get("/coach/termine/" + id).body()).doesNotContain("start=");
            Map<String, Object> model = new HashMap<>();
            LocalDate before = LocalDate.now(BERLIN);
            views.times(model, Language.DE, booking, null, "/coach/termine/" + id + "?");
            // this week: the one before or after the call, should a new week begin meanwhile (Sunday midnight)
            assertThat(model.get("weekLabel")).isIn(week(before), week(LocalDate.now(BERLIN)));
        } finally {
            db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
        }
    }
}
