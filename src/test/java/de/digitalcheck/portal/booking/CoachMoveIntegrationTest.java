package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static de.digitalcheck.portal.booking.BookingFixture.at;
import static de.digitalcheck.portal.booking.BookingFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A coach whose role or agency changes: the calendar subscription ends with it (its address showed the old agency's
 * companies, and kept doing so), a coach with appointments still to come at the agency is neither moved nor made
 * something else (the agency would lose them), and a coach who moved sees none of the old agency's appointments.
 */
@MicronautTest(transactional = false)
class CoachMoveIntegrationTest {

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
    Coaches profiles;
    @Inject
    CoachFeeds feeds;
    @Inject
    Bookings bookings;
    @Inject
    BookingChanges changes;

    private Http http() {
        return new Http(server, json);
    }

    private Database db() {
        return new Database(dataSource);
    }

    private int feedStatus(String token) {
        return http().get(CoachFeeds.path(token)).statusCode();
    }

    @Test
    void aCoachWithAppointmentsToComeIsNotMovedAndOneWithoutLosesTheFeedAndTheOldAgencysAppointments() {
        BookingFixture fixture = new BookingFixture(agencies, accounts, calendars, profiles);
        BookingFixture.Setup from = fixture.agencyWithCoaches(1);
        BookingFixture.Setup to = fixture.agencyWithCoaches(1);
        String coach = from.coachIds().get(0);
        String token = feeds.renew(coach);
        LocalDate day = BookingFixture.bookableDay(10);
        HttpResponse<String> made = http().postJson("/api/v1/bookings",
            booking(from, at(day, 10, 0), coach, "move-" + System.nanoTime() + "@example.org"));
        assertThat(made.statusCode()).isEqualTo(201);
        String id = (String) http().map(made).get("id");
        assertThat(http().get(CoachFeeds.path(token)).body()).contains("Race GmbH");

        // an appointment to come: neither another agency nor another role
        assertThatThrownBy(() -> accounts.changeRole(coach, "COACH", to.agencyId()))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                .satisfies(f -> {
                    assertThat(f.field()).isEqualTo("agencyId");
                    assertThat(f.key()).isEqualTo("error.role.coachAppointments");
                    assertThat(f.args()).containsExactly(1L);
                }));
        assertThatThrownBy(() -> accounts.changeRole(coach, "AGENCY_STAFF", from.agencyId()))
            .isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("role")));
        assertThat(accounts.find(coach).orElseThrow().agencyId()).as("nothing changed").isEqualTo(from.agencyId());
        assertThat(db().value("SELECT agency_id FROM coach WHERE account_id = ?", coach)).isEqualTo(from.agencyId());
        assertThat(feedStatus(token)).as("the feed still works").isEqualTo(200);

        // the appointment is over: the move goes through
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        db().execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(lastWeek), Timestamp.from(lastWeek.plusSeconds(3600)), Timestamp.from(lastWeek),
            Timestamp.from(lastWeek.plusSeconds(3600)), id);
        accounts.changeRole(coach, "COACH", to.agencyId());
        assertThat(db().value("SELECT agency_id FROM coach WHERE account_id = ?", coach)).isEqualTo(to.agencyId());
        assertThat(feedStatus(token)).as("the old feed address ends").isEqualTo(404);
        assertThat(db().value("SELECT COUNT(*) FROM coach_feed WHERE coach_id = ?", coach).toString()).isEqualTo("0");
        assertThat(bookings.ofCoach(coach, lastWeek.minusSeconds(60), lastWeek.plusSeconds(7200)))
            .as("the old agency's appointment is not the coach's to see any more").isEmpty();
        assertThatThrownBy(() -> changes.ofCoach(id, coach)).isInstanceOf(UnknownBooking.class);
        // a new feed at the new agency holds nothing of the old one
        String fresh = feeds.renew(coach);
        assertThat(http().get(CoachFeeds.path(fresh)).body()).doesNotContain("Race GmbH", "Rita Race");
    }

    /**
     * The open leads a coach held at the agency go back to nobody when the coach moves (with a trail entry); the old
     * agency's lead page and API no longer name someone who is not theirs. A closed lead keeps the name as history.
     */
    @Test
    void aCoachWhoMovesNoLongerHoldsTheOldAgencysOpenLeads() {
        BookingFixture fixture = new BookingFixture(agencies, accounts, calendars, profiles);
        BookingFixture.Setup from = fixture.agencyWithCoaches(1);
        BookingFixture.Setup to = fixture.agencyWithCoaches(1);
        String coach = from.coachIds().get(0);
        String coachName = accounts.find(coach).orElseThrow().name();
        String[] leads = new String[2];
        for (int i = 0; i < 2; i++) {
            String email = "lead-move-" + i + "-" + System.nanoTime() + "@example.org";
            String body = booking(from, at(BookingFixture.bookableDay(11), 9 + 2 * i, 0), coach, email)
                .replace("\"language\":\"de\"", "\"consent\":{\"shareWithAgency\":true},\"language\":\"de\"");
            HttpResponse<String> made = http().postJson("/api/v1/bookings", body);
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            changes.cancelByStaff((String) http().map(made).get("id"), coach, "Doris", null);
            leads[i] = (String) db().value("SELECT id FROM agency_lead WHERE contact_email = ?", email);
            db().execute("UPDATE agency_lead SET assignee_id = ?, assignee_name = ? WHERE id = ?", coach, coachName,
                leads[i]);
        }
        db().execute("UPDATE agency_lead SET status = 'WITHDRAWN' WHERE id = ?", leads[1]);

        accounts.changeRole(coach, "COACH", to.agencyId());

        Map<String, Object> open = db().rows("SELECT * FROM agency_lead WHERE id = ?", leads[0]).get(0);
        assertThat(open.get("assignee_id")).isNull();
        assertThat(open.get("assignee_name")).isNull();
        assertThat(db().rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'ASSIGN'", leads[0]))
            .singleElement().satisfies(a -> assertThat(a).containsEntry("from_value", coachName)
                .containsEntry("to_value", null).containsEntry("actor_id", null));
        assertThat(db().value("SELECT assignee_id FROM agency_lead WHERE id = ?", leads[1]))
            .as("a closed lead keeps its history").isEqualTo(coach);
    }

    /** A booking whose company's data were erased says so in the feed instead of showing empty values. */
    @Test
    void anErasedBookingSaysSoInTheFeed() {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, profiles).agencyWithCoaches(1);
        String coach = s.coachIds().get(0);
        HttpResponse<String> made = http().postJson("/api/v1/bookings", booking(s,
            at(BookingFixture.bookableDay(12), 10, 0), coach, "erased-" + System.nanoTime() + "@example.org"));
        assertThat(made.statusCode()).isEqualTo(201);
        db().execute("UPDATE booking SET company_name = '', contact_name = '', contact_phone = NULL WHERE id = ?",
            http().map(made).get("id"));
        String feed = http().get(CoachFeeds.path(feeds.renew(coach))).body().replace("\r\n ", "");
        assertThat(feed).contains("SUMMARY:Erstgespräch: (Angaben gelöscht)", "Unternehmen: (Angaben gelöscht)")
            .doesNotContain("Race GmbH", "Rita Race").doesNotContainPattern("SUMMARY:[^\r\n]*: \r\n");
    }

    @Test
    void aFeedThatOutlivedItsCoachRoleShowsNothing() {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, profiles).agencyWithCoaches(1);
        String coach = s.coachIds().get(0);
        String token = feeds.renew(coach);
        assertThat(feedStatus(token)).isEqualTo(200);
        // a feed row left from before the change ended it (an older version did not revoke it)
        accounts.changeRole(coach, "AGENCY_STAFF", s.agencyId());
        db().execute("INSERT INTO coach_feed (coach_id, token_hash, created_at) VALUES (?, ?, ?)", coach,
            de.digitalcheck.portal.shared.security.Tokens.hash(token), Timestamp.from(Instant.now()));
        assertThat(feedStatus(token)).isEqualTo(404);
        assertThat(http().get(CoachFeeds.path(token)).body()).doesNotContain("BEGIN:VCALENDAR");
        Map<String, Object> account = db().rows("SELECT role FROM account WHERE id = ?", coach).get(0);
        assertThat(account.get("role")).isEqualTo("AGENCY_STAFF");
    }
}
