package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the pages around one booked appointment: an agency of {@link BookableAgency}, a staff member of it, the
 * first coach and the staff member signed in, and an appointment with the first coach booked through the API (its
 * id and private token), cancelled after the class.
 */
abstract class BookedAppointmentTests extends SignedInTests {

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
    Http staff;
    String bookingId;
    String token;

    /**
     * Signs in the first coach of {@link #a} and a new staff member of its agency (subjects named after
     * {@code prefix}) and books an appointment at 10:00 on the {@code day}th bookable day.
     */
    void signInAndBook(String prefix, int day) {
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org",
            "Sabine Stab", Role.AGENCY_STAFF, a.agencyId())));
        coach = as(prefix + "-c-" + a.agencyId(), a.coachEmails().get(0));
        staff = as(prefix + "-s-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(bookableDay(day), 10),
            prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        bookingId = (String) http.map(made).get("id");
        token = (String) http.map(made).get("token");
    }

    @AfterAll
    void cancel() {
        new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", bookingId);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
