package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
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
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.BERLIN;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's pages in the night the clocks go back name the zone of a time that occurs twice, as the booking pages
 * and the mails do: the times an appointment can move to (the company's, the coach's and the staff's move page list
 * them alike) and the outcome form's appointment read "02:00–02:00" for an hour from 02:00 summer time.
 */
@MicronautTest(transactional = false)
class RepeatedHourPagesIntegrationTest extends SignedInTests {

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

    BookableAgency a;
    Http coach;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        coach = as("rh-" + a.agencyId(), a.coachEmails().get(0));
    }

    String book() {
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(bookableDay(10), 10),
            "rh-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return (String) http.map(made).get("id");
    }

    /**
     * The next change from summer to winter time at least two days ahead (the test is skipped in the few days a year
     * when it lies beyond a booking window), or the last one before now.
     */
    static ZoneOffsetTransition fallBack(boolean next) {
        if (next) {
            ZoneOffsetTransition change = BookableAgency.nextClockChange(false);
            BookableAgency.assumeWithinLongestWindow(change.getDateTimeBefore().toLocalDate());
            return change;
        }
        Instant at = Instant.now();
        while (true) {
            ZoneOffsetTransition t = BERLIN.getRules().previousTransition(at);
            if (t.isOverlap()) {
                return t;
            }
            at = t.getInstant();
        }
    }

    @Test
    void theTimesToMoveToInTheRepeatedHourNameTheirZone() {
        ZoneOffsetTransition change = fallBack(true);
        LocalDate night = change.getDateTimeBefore().toLocalDate();
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        calendars.update(a.coachIds().get(0), a.agencyId(), new Calendars.CalendarInput(weekly,
            night + " 00:00-06:00", "", "0", "0", "0", "365", "0", "30"), List.of());
        String id = book();

        String page = coach.get("/coach/termine/" + id + "?woche=" + night).body();
        assertThat(page).contains("02:00 MESZ–02:00 MEZ", "01:30 MESZ–02:30 MESZ", "00:00–01:00")
            .doesNotContain("02:00–02:00", "01:30–02:30", "error-summary");
        assertThat(coach.get("/coach/termine/" + id + "?woche=" + night + "&lang=en").body())
            .contains("02:00 CEST–02:00 CET").doesNotContain("02:00–02:00");
        coach.get("/coach/termine?lang=de");
    }

    @Test
    void theOutcomeFormOfAnAppointmentInTheRepeatedHourNamesItsZone() {
        ZoneOffsetTransition change = fallBack(false);
        String id = book();
        // from the first 02:00 (summer time) to the second (winter time)
        Instant start = change.getInstant().minus(change.getDuration().abs());
        Instant end = change.getInstant();
        new Database(dataSource).execute(
            "UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(start), Timestamp.from(end), Timestamp.from(start), Timestamp.from(end), id);

        HttpResponse<String> form = coach.get("/coach/termine/" + id + "/ergebnis");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("02:00 MESZ–02:00 MEZ").doesNotContain("02:00–02:00");
    }
}
