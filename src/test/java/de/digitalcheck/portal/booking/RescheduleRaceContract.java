package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.digitalcheck.portal.booking.BookingFixture.at;
import static de.digitalcheck.portal.booking.BookingFixture.booking;
import static de.digitalcheck.portal.booking.BookingFixture.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A move racing other requests for the same new time, through the API against a real database: a new booking, another
 * appointment's move, the same appointment moved twice with one token. Exactly one wins; the others get 409 (with the
 * free times) or, for a spent token, 404; a loser's appointment keeps its time, token and {@code SEQUENCE}. The counts
 * are printed ({@code RACE reschedule …}) for the closing note. Run on H2 and MySQL/MariaDB.
 */
abstract class RescheduleRaceContract {

    static final int RACERS = 12;

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

    BookingFixture fixture() {
        return new BookingFixture(agencies, accounts, calendars, coachProfiles);
    }

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    /** A request of the race: a path and its JSON body. */
    record Call(String path, String body) {
    }

    List<HttpResponse<String>> race(List<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Call call : calls) {
                Http http = http();
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.postJson(call.path(), call.body());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(a -> a.statusCode() == status).count();
    }

    long confirmedAt(BookingFixture.Setup s, String start) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ? AND status = 'CONFIRMED' "
            + "AND start_at = ?", s.agencyId(), java.sql.Timestamp.from(BookingContract.instant(start)))).longValue();
    }

    long doubleBookings(BookingFixture.Setup s) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking a JOIN booking b ON a.coach_id = b.coach_id "
            + "AND a.id < b.id WHERE a.agency_id = ? AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED' "
            + "AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until", s.agencyId())).longValue();
    }

    Map<String, Object> book(BookingFixture.Setup s, String start, String email) {
        HttpResponse<String> made = http().postJson("/api/v1/bookings", booking(s, start, s.coachIds().get(0), email));
        assertThat(made.statusCode()).isEqualTo(201);
        return http().map(made);
    }

    /** The appointment is where it was: same start, same token, nothing sent ({@code SEQUENCE} 0). */
    void unchanged(Map<String, Object> booking) {
        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", booking.get("id")).get(0);
        assertThat(row.get("token_hash")).isEqualTo(de.digitalcheck.portal.shared.security.Tokens.hash(
            (String) booking.get("token")));
        assertThat(((Number) row.get("sequence_no")).intValue()).isZero();
        assertThat(row.get("status")).isEqualTo("CONFIRMED");
        assertThat(http().get("/api/v1/bookings/" + booking.get("id") + "?token=" + booking.get("token")).body())
            .contains("\"start\":\"" + booking.get("start") + "\"");
    }

    /** One appointment moves to 14:00 while eleven new bookings ask for 14:00 of the same coach. */
    @Test
    void aMoveRacingNewBookingsForTheSameTimeWinsOrLosesWhole() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(12);
        Map<String, Object> mover = book(s, at(day, 9, 0), "mover@example.org");
        String target = at(day, 14, 0);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("/api/v1/bookings/" + mover.get("id") + "/reschedule",
            reschedule((String) mover.get("token"), target)));
        for (int i = 1; i < RACERS; i++) {
            calls.add(new Call("/api/v1/bookings", booking(s, target, s.coachIds().get(0), "new" + i + "@example.org")));
        }
        List<HttpResponse<String>> answers = race(calls);
        HttpResponse<String> move = answers.get(0);
        long newWins = count(answers.subList(1, answers.size()), 201);
        long conflicts = count(answers, 409);
        System.out.printf("RACE reschedule vs new bookings (%s): requests=%d move=%d new bookings won=%d 409s=%d "
                + "other=%d at the time=%d double bookings=%d%n", getClass().getSimpleName(), answers.size(),
            move.statusCode(), newWins, conflicts, answers.size() - newWins - conflicts - (move.statusCode() == 200 ? 1 : 0),
            confirmedAt(s, target), doubleBookings(s));
        assertThat((move.statusCode() == 200 ? 1 : 0) + newWins).isEqualTo(1);
        assertThat(conflicts).isEqualTo(RACERS - 1);
        assertThat(confirmedAt(s, target)).isEqualTo(1);
        assertThat(doubleBookings(s)).isZero();
        if (move.statusCode() == 409) {
            unchanged(mover);
            assertThat(move.body()).contains("freeSlots");
        } else {
            assertThat(http().map(move)).containsEntry("start", target).containsEntry("id", mover.get("id"));
        }
    }

    /** Six appointments of one coach all move to 14:00 at once: one moves, five keep their times. */
    @Test
    void movesOfSeveralAppointmentsToOneTimeLetOneWin() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(13);
        List<Map<String, Object>> movers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            movers.add(book(s, at(day.plusDays(i / 3), 8 + 3 * (i % 3), 0), "m" + i + "@example.org"));
        }
        String target = at(day.plusDays(2), 14, 0);
        List<Call> calls = movers.stream().map(m -> new Call("/api/v1/bookings/" + m.get("id") + "/reschedule",
            reschedule((String) m.get("token"), target))).toList();
        List<HttpResponse<String>> answers = race(calls);
        System.out.printf("RACE reschedule vs reschedule (%s): requests=%d wins=%d 409s=%d at the time=%d "
                + "double bookings=%d%n", getClass().getSimpleName(), answers.size(), count(answers, 200),
            count(answers, 409), confirmedAt(s, target), doubleBookings(s));
        assertThat(count(answers, 200)).isEqualTo(1);
        assertThat(count(answers, 409)).isEqualTo(5);
        assertThat(confirmedAt(s, target)).isEqualTo(1);
        for (int i = 0; i < movers.size(); i++) {
            if (answers.get(i).statusCode() == 409) {
                unchanged(movers.get(i));
            }
        }
        assertThat(doubleBookings(s)).isZero();
    }

    /** One appointment moved six times at once with the same token, to six different free times: one move. */
    @Test
    void theSameTokenMovesOnce() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(14);
        Map<String, Object> mover = book(s, at(day, 8, 0), "twice@example.org");
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(new Call("/api/v1/bookings/" + mover.get("id") + "/reschedule",
                reschedule((String) mover.get("token"), at(day.plusDays(1), 8 + i, 0))));
        }
        List<HttpResponse<String>> answers = race(calls);
        System.out.printf("RACE one token moved six times (%s): requests=%d wins=%d 404s=%d other=%d%n",
            getClass().getSimpleName(), answers.size(), count(answers, 200), count(answers, 404),
            answers.size() - count(answers, 200) - count(answers, 404));
        assertThat(count(answers, 200)).isEqualTo(1);
        assertThat(count(answers, 404)).isEqualTo(5);
        assertThat(db().value("SELECT sequence_no FROM booking WHERE id = ?", mover.get("id"))).isEqualTo(1);
        assertThat(((Number) db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ?", s.agencyId())).longValue())
            .isEqualTo(1);
    }
}
