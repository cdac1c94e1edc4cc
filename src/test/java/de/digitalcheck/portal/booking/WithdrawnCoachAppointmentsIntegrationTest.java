package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static de.digitalcheck.portal.booking.BookingFixture.at;
import static de.digitalcheck.portal.booking.BookingFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invited coach is bookable before the first sign-in. Withdrawing the invitation while appointments are still to
 * come is refused with the reason (once it went through and left the appointments with a coach nobody could see: no
 * name on the company's page, no week for the staff, nobody told); once they are cancelled it goes through.
 */
@MicronautTest(transactional = false)
class WithdrawnCoachAppointmentsIntegrationTest extends SignedInTests {

    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches profiles;
    @Inject
    BookingChanges changes;

    @Test
    void anInvitedCoachWithAppointmentsToComeIsNotWithdrawnUntilTheyAreCancelled() {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, profiles).agencyWithCoaches(1);
        String coach = s.coachIds().get(0);
        assertThat(accounts.find(coach).orElseThrow().bound()).as("an invitation nobody used yet").isFalse();
        Http company = new Http(server, json);
        HttpResponse<String> made = company.postJson("/api/v1/bookings", booking(s,
            at(BookingFixture.bookableDay(9), 10, 0), coach, "withdrawn-" + System.nanoTime() + "@example.org"));
        assertThat(made.statusCode()).isEqualTo(201);
        String id = (String) company.map(made).get("id");

        Http admin = everyDemoUser("withdrawn-coach-").get("admin");
        HttpResponse<String> refused = admin.postForm("/admin/konten/" + coach + "/zurueckziehen", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("noch kommende Termine (1)", "bevor Sie die Einladung zurückziehen",
            "Es wurde nichts geändert.");
        assertThat(accounts.find(coach)).as("the invitation stays").isPresent();
        assertThat(company.get("/api/v1/bookings/" + id + "?token=" + Http.enc((String) company.map(made).get("token")))
            .body()).contains("\"name\":\"" + accounts.find(coach).orElseThrow().name() + "\"");
        HttpResponse<String> english = admin.postForm("/admin/konten/" + coach + "/zurueckziehen?lang=en", Map.of(),
            "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("appointments to come as a coach of their agency (1)");
        assertThat(admin.get("/admin/konten/" + coach + "?lang=de").body()).as("a first load shows no refusal")
            .doesNotContain("noch kommende Termine");

        changes.cancelByStaff(id, coach, "Doris", null);
        assertThat(admin.postForm("/admin/konten/" + coach + "/zurueckziehen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.find(coach)).as("withdrawn once nothing is to come").isEmpty();
    }
}
