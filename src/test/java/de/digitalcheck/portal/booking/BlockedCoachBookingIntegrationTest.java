package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach blocked by their agency is offered no slots and cannot be booked either: the booking path asks the same
 * rule as the slot search (an active coach account of the agency who offers the type).
 */
@MicronautTest(transactional = false)
class BlockedCoachBookingIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;

    @Test
    void aBlockedCoachIsNeitherOfferedNorBookableWithOrWithoutTheirId() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String coach = a.coachIds().get(0);
        LocalDate day = BookableAgency.bookableDay(10);
        Http http = new Http(server, json);
        String slots = "/api/v1/slots?agency=" + a.agencyId() + "&type=" + a.typeId() + "&from=" + day + "&to=" + day;
        assertThat((List<?>) http.map(http.get(slots)).get("slots")).isNotEmpty();

        String types = "/api/v1/appointment-types?agency=" + a.agencyId();
        assertThat(http.list(http.get(types))).hasSize(1);

        accounts.setDisabled(coach, true, a.agencyId());

        assertThat((List<?>) http.map(http.get(slots)).get("slots")).isEmpty();
        // nobody else offers the type: it is not offered to companies either
        assertThat(http.list(http.get(types))).isEmpty();
        assertThat(http.get("/termin/" + a.agencyId()).body()).doesNotContain(a.typeId());
        // the type's own link (bookmarked, shared) says that the agency offers it online no more and how to reach it,
        // not "look at the next week" (which had no time either, nor any week after it)
        HttpResponse<String> typePage = http.get("/termin/" + a.agencyId() + "?type=" + a.typeId());
        assertThat(typePage.statusCode()).isEqualTo(200);
        assertThat(typePage.body()).contains("id=\"booking-not-offered\"",
                "Diese Terminart bietet die Wirtschaftsförderung zurzeit nicht online an.", "mailto:" + a.agencyEmail())
            .doesNotContain("Bitte sehen Sie in der nächsten Woche nach", "Nächste Woche", "id=\"week\"");
        assertThat(http.get("/termin/" + a.agencyId() + "?type=" + a.typeId() + "&lang=en").body())
            .contains("The agency does not offer this kind of appointment online at the moment.")
            .doesNotContain("Please look at the next week");
        http.get("/termin/" + a.agencyId() + "?lang=de");
        String withCoach = BookingFixture.booking(new BookingFixture.Setup(a.agencyId(), a.typeId(), a.coachIds()),
            BookingFixture.at(day, 10, 0), coach, "blocked@example.org").replace("\"language\":\"de\"",
            "\"language\":\"en\"");
        HttpResponse<String> chosen = http.postJson("/api/v1/bookings", withCoach);
        assertThat(chosen.statusCode()).isEqualTo(422);
        assertThat(chosen.body()).contains("coachId").contains("does not offer");
        HttpResponse<String> any = http.postJson("/api/v1/bookings",
            withCoach.replace("\"coachId\":\"" + coach + "\",", ""));
        assertThat(any.statusCode()).isEqualTo(422);
        assertThat(any.body()).contains("No appointments are offered");
        assertThat(bookings(a)).isZero();

        // unblocked, the same requests book again: the refusal was the block's
        accounts.setDisabled(coach, false, a.agencyId());
        assertThat(http.list(http.get(types))).hasSize(1);
        assertThat(http.get("/termin/" + a.agencyId() + "?type=" + a.typeId()).body()).contains("id=\"week\"")
            .doesNotContain("booking-not-offered");
        assertThat(http.postJson("/api/v1/bookings", withCoach).statusCode()).isEqualTo(201);
        assertThat(bookings(a)).isEqualTo(1);
    }

    private long bookings(BookableAgency a) {
        return ((Number) new Database(dataSource).value("SELECT COUNT(*) FROM booking WHERE agency_id = ?",
            a.agencyId())).longValue();
    }
}
