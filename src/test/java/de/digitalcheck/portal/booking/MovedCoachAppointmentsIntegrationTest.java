package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach with appointments still to come at the agency is not moved to another (the old agency's staff would reach
 * them no more, and the coach would keep another agency's companies): the admin's page refuses it, in the page's
 * language, and nothing changes. Once they are cancelled the move goes through, and the appointments stay the old
 * agency's: neither the new agency's staff nor the coach see them (no company, no contact), nor reach, move or cancel
 * one (404).
 */
@MicronautTest(transactional = false)
class MovedCoachAppointmentsIntegrationTest extends SignedInTests {

    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coaches;
    @Inject
    DataSource dataSource;
    @Inject
    BookingChanges changes;

    @Test
    void theNewAgencysStaffNeitherSeeNorChangeTheOldAgencysAppointments() {
        BookableAgency old = BookableAgency.create(agencies, accounts, calendars, coaches, 1);
        String coachId = old.coachIds().get(0);
        LocalDate day = BookableAgency.bookableDay(10);
        HttpResponse<String> booked = new Http(server, json).postJson("/api/v1/bookings",
            old.body(BookableAgency.at(day, 10), "mona@moved-coach.example.org", false, null));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String bookingId = (String) new Http(server, json).map(booked).get("id");

        Http admin = as("moved-coach-admin", "admin@digitalcheck.example.org");
        HttpResponse<String> refused = admin.postForm("/admin/konten/" + coachId + "/rolle",
            Map.of("role", "COACH", "agencyId", "en-agentur"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("noch kommende Termine (1)", "href=\"#");
        assertThat(admin.postForm("/admin/konten/" + coachId + "/rolle?lang=en",
            Map.of("role", "COACH", "agencyId", "en-agentur")).body()).contains("still has appointments to come");
        assertThat(accounts.find(coachId).orElseThrow().agencyId()).isEqualTo(old.agencyId());

        changes.cancelByStaff(bookingId, coachId, "Olga Old", null); // the old agency cancels it
        assertThat(admin.postForm("/admin/konten/" + coachId + "/rolle",
            Map.of("role", "COACH", "agencyId", "en-agentur")).statusCode()).isEqualTo(303);
        assertThat(accounts.find(coachId).orElseThrow().agencyId()).isEqualTo("en-agentur");
        Http en = as("moved-coach-en-staff", "staff@en-agentur.example.org");
        HttpResponse<String> week = en.get("/agentur/coaches/" + coachId + "/termine?woche=" + day);
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(week.body()).doesNotContain("mona@moved-coach.example.org", "Tina Termin", bookingId);
        String desk = "/agentur/coaches/" + coachId + "/termine/" + bookingId;
        assertThat(en.get(desk).statusCode()).as("the old agency's appointment").isEqualTo(404);
        assertThat(en.postForm(desk + "/absagen", Map.of("message", "Fremd abgesagt")).statusCode()).isEqualTo(404);
        assertThat(en.postForm(desk + "/verschieben", Map.of("start", BookableAgency.at(day, 14), "message", ""))
            .statusCode()).isEqualTo(404);
        Database db = new Database(dataSource);
        assertThat(db.value("SELECT COUNT(*) FROM booking WHERE id = ? AND start_at = ?", bookingId,
            java.sql.Timestamp.from(java.time.OffsetDateTime.parse(BookableAgency.at(day, 10)).toInstant())))
            .as("not moved").isEqualTo(1L);

        Http coach = as("moved-coach-coach", old.coachEmails().get(0));
        assertThat(coach.get("/coach/termine?woche=" + day).body()).as("the old agency's appointment")
            .doesNotContain("mona@moved-coach.example.org", "Tina Termin");
        assertThat(coach.get("/coach/termine/" + bookingId).statusCode()).isEqualTo(404);
    }
}
