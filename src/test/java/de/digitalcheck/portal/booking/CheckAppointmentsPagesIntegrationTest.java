package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's appointments on its pages: the booking page says what the check booked already (two tabs once booked two
 * coaches at once and nothing said so), the result page lists every appointment still to come (it showed the first
 * one only). A check without appointments lists none.
 */
@MicronautTest(transactional = false)
class CheckAppointmentsPagesIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;
    @Inject
    Questionnaires questionnaires;

    @Test
    void theBookingAndResultPagesListEveryAppointmentOfTheCheckToCome() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles,
            "ca-" + UUID.randomUUID().toString().substring(0, 12), "Termine Test", "TT", "kontakt@tt.example.org",
            "https://tt.example.org", 2, 0);
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Zwei Termine GmbH")
            .at("44135").contact("Tina Termin", "tina-" + UUID.randomUUID() + "@termine.example").submit(http);
        LocalDate day = BookableAgency.bookableWeek(10);
        String[] names = new String[2];
        for (int i = 0; i < 2; i++) {
            String coach = a.coachIds().get(i);
            names[i] = accounts.find(coach).orElseThrow().name();
            HttpResponse<String> made = http.postJson("/api/v1/bookings", "{\"agencyId\":\"" + a.agencyId()
                + "\",\"typeId\":\"" + a.typeId() + "\",\"start\":\"" + BookingFixture.at(day, 10 + 4 * i, 0)
                + "\",\"coachId\":\"" + coach + "\",\"company\":{\"name\":\"Zwei Termine GmbH\",\"postalCode\":"
                + "\"44135\"},\"contact\":{\"name\":\"Tina Termin\",\"email\":\"tina@termine.example\"},"
                + "\"language\":\"de\",\"assessmentId\":\"" + check.id() + "\",\"assessmentToken\":\"" + check.token()
                + "\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }

        String booking = http.get("/check/" + check.token() + "/termin").body();
        assertThat(booking).contains("id=\"booking-booked\"", "Zu diesem Selbstcheck haben Sie schon diese Termine:",
            "10:00–11:00 Uhr · Erstgespräch mit " + names[0], "14:00–15:00 Uhr · Erstgespräch mit " + names[1],
            "können Sie jeden Termin über den Link");
        String result = http.get(check.resultPath()).body();
        assertThat(result).contains("Ihre Termine", ">" + names[0] + "</dd>", ">" + names[1] + "</dd>",
                "können Sie jeden Termin über den Link")
            .doesNotContain("id=\"booking-link\"");

        CompletedChecks.Completed without = CompletedChecks.of(questionnaires.current()).named("Ohne Termin GmbH")
            .at("44135").submit(http);
        assertThat(http.get("/check/" + without.token() + "/termin").body()).contains("id=\"booking-type\"")
            .doesNotContain("booking-booked", "Zu diesem Selbstcheck haben Sie schon");
    }
}
