package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.CompanyAppointments;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
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
 * free times) or, for a spent token, 404; a loser's appointment keeps its time, token and {@code SEQUENCE}. A move and
 * a cancellation sent at once with the same token: one of them, and the mails say which. The counts are printed
 * ({@code RACE reschedule …}) for the closing note. Run on H2 and MySQL/MariaDB, with a real SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RescheduleRaceContract implements TestPropertyProvider {

    static final int RACERS = 12;
    /** Rounds of a move against a cancellation with the same token. */
    static final int ROUNDS = 20;

    final SmtpServer smtp = new SmtpServer();
    final LifeMails mails = new LifeMails(smtp);

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
    @Inject
    CompanyAppointments companyAppointments;
    @Inject
    BookingChangeRows changeRows;
    @Inject
    BookingChanges bookingChanges;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

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
    /**
     * A move and a cancellation of one appointment sent at the same moment with the same token, {@value #ROUNDS}
     * times: in every round exactly one of them takes effect. The move wins: 200 with a new token, the cancellation
     * (its token spent by the move) is an old link, 404, and the appointment stays at its new time. The cancellation
     * wins: 200, the move finds the appointment cancelled (422) or its token spent (404). The row, the answers and
     * the company's and the coach's mails (the confirmation and one change each) agree.
     */
    @Test
    void aMoveAndACancellationWithTheSameTokenAtOnceChangeTheAppointmentOnce() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(ROUNDS);
        LocalDate day = BookingFixture.bookableWeek(15);
        int moves = 0;
        int cancellations = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String coach = s.coachIds().get(round);
            String email = "cancel-race-" + round + "-" + Long.toHexString(System.nanoTime()) + "@example.org";
            String coachEmail = accounts.find(coach).orElseThrow().email();
            HttpResponse<String> made = http().postJson("/api/v1/bookings", booking(s, at(day, 9, 0), coach, email));
            assertThat(made.statusCode()).isEqualTo(201);
            Map<String, Object> booked = http().map(made);
            String id = (String) booked.get("id");
            String token = (String) booked.get("token");
            String target = at(day, 14, 0);
            List<HttpResponse<String>> answers = atOnce(List.of(
                new Call("/api/v1/bookings/" + id + "/reschedule", reschedule(token, target)),
                new Call("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\"}")));
            HttpResponse<String> move = answers.get(0);
            HttpResponse<String> cancel = answers.get(1);
            Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", id).get(0);
            String what = "round " + round + ": move " + move.statusCode() + " " + move.body() + ", cancel "
                + cancel.statusCode() + " " + cancel.body();
            assertThat(((Number) row.get("sequence_no")).intValue()).as(what).isEqualTo(1);
            List<MimeMessage> company = mails.await(email, 2);
            List<MimeMessage> toCoach = mails.await(coachEmail, 2);
            if (move.statusCode() == 200) {
                moves++;
                assertThat(cancel.statusCode()).as(what).isEqualTo(404);
                assertThat(cancel.body()).contains("neueste Token");
                Map<String, Object> moved = http().map(move);
                assertThat(moved).containsEntry("start", target).containsEntry("status", "confirmed");
                assertThat(row.get("status")).as(what).isEqualTo("CONFIRMED");
                assertThat(row.get("token_hash")).isEqualTo(Tokens.hash((String) moved.get("token")));
                assertThat(http().get("/api/v1/bookings/" + id + "?token=" + moved.get("token")).body())
                    .contains("\"status\":\"confirmed\"", "\"start\":\"" + target + "\"");
                assertThat(company).extracting(MimeMessage::getSubject)
                    .anyMatch(subject -> subject.startsWith("Ihr Termin ist verschoben"))
                    .noneMatch(subject -> subject.contains("abgesagt"));
            } else {
                cancellations++;
                assertThat(cancel.statusCode()).as(what).isEqualTo(200);
                assertThat(http().map(cancel)).containsEntry("status", "cancelled")
                    .containsEntry("start", booked.get("start"));
                assertThat(move.statusCode()).as(what).isIn(404, 422);
                assertThat(row.get("status")).as(what).isEqualTo("CANCELLED");
                assertThat(row.get("token_hash")).isEqualTo(Tokens.hash(token));
                assertThat(company).extracting(MimeMessage::getSubject)
                    .anyMatch(subject -> subject.contains("abgesagt"))
                    .noneMatch(subject -> subject.contains("verschoben"));
            }
            assertThat(toCoach).hasSize(2);
        }
        System.out.printf("RACE move vs cancel with one token (%s): rounds=%d moves won=%d cancellations won=%d%n",
            getClass().getSimpleName(), ROUNDS, moves, cancellations);
        assertThat(moves + cancellations).isEqualTo(ROUNDS);
    }

    /**
     * A coach or staff member moves an appointment while the company's link is renewed again and again (what a
     * reminder or "Mein Unternehmen" does at that moment), {@value #ROUNDS} rounds: the move never fails for it (it
     * used to answer as if the appointment were gone), and the row holds the move's time and its new link.
     */
    @Test
    void aStaffMoveIsNotStoppedByTheCompanysLinkBeingRenewedMeanwhile() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(ROUNDS);
        LocalDate day = BookingFixture.bookableWeek(17);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String coach = s.coachIds().get(round);
                HttpResponse<String> made = http().postJson("/api/v1/bookings", booking(s, at(day, 9, 0), coach,
                    "staff-move-" + round + "-" + Long.toHexString(System.nanoTime()) + "@example.org"));
                assertThat(made.statusCode()).isEqualTo(201);
                String id = (String) http().map(made).get("id");
                String target = at(day, 14, 0);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> renewals = pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        db().execute("UPDATE booking SET token_hash = ? WHERE id = ?",
                            Tokens.hash("renewed-" + i + "-" + System.nanoTime()), id);
                    }
                    return null;
                });
                Future<BookingChanges.Changed> move = pool.submit(() -> {
                    start.await();
                    return bookingChanges.move(id, coach, BookingContract.instant(target), "Doris Dortmund", null);
                });
                BookingChanges.Changed moved = move.get();
                renewals.get();
                assertThat(moved.booking().start()).as("round " + round).isEqualTo(BookingContract.instant(target));
                assertThat(((Number) db().value("SELECT COUNT(*) FROM booking WHERE id = ? AND status = 'CONFIRMED' "
                    + "AND start_at = ?", id, java.sql.Timestamp.from(BookingContract.instant(target)))).longValue())
                    .as("round " + round + ": the row at the move's time").isEqualTo(1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One after the other: a link spent by a move, by a new link from "Mein Unternehmen" and by the reminder's renewal
     * neither cancels nor moves (404, as an old link; the row and the mails stay as they are); the newest link does.
     */
    @Test
    void aSpentLinkNeitherCancelsNorMovesTheAppointment() throws Exception {
        BookingFixture.Setup s = fixture().agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(16);
        String email = "spent-" + Long.toHexString(System.nanoTime()) + "@example.org";
        Map<String, Object> made = book(s, at(day, 9, 0), email);
        String id = (String) made.get("id");
        String first = (String) made.get("token");
        String cancelPath = "/api/v1/bookings/" + id + "/cancel";
        String movePath = "/api/v1/bookings/" + id + "/reschedule";
        HttpResponse<String> moved = http().postJson(movePath, reschedule(first, at(day, 14, 0)));
        assertThat(moved.statusCode()).isEqualTo(200);
        String second = (String) http().map(moved).get("token");

        HttpResponse<String> byMovedLink = http().postJson(cancelPath, "{\"token\":\"" + first + "\"}");
        assertThat(byMovedLink.statusCode()).isEqualTo(404);
        assertThat(byMovedLink.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(byMovedLink.body()).contains("nur das neueste Token").doesNotContain("cancelled");

        String reissued = companyAppointments.reissueLink(email, id).orElseThrow();
        String third = URLDecoder.decode(reissued.substring(reissued.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(http().postJson(cancelPath, "{\"token\":\"" + second + "\"}").statusCode()).isEqualTo(404);
        assertThat(http().postJson(movePath, reschedule(second, at(day, 16, 0))).statusCode()).isEqualTo(404);

        String fourth = Tokens.newToken();
        assertThat(changeRows.claimReminder(id, BookingContract.instant(at(day, 14, 0)), Tokens.hash(fourth),
            java.time.Instant.now())).isEqualTo(1);
        assertThat(http().postJson(cancelPath, "{\"token\":\"" + third + "\",\"reason\":\"x\"}").statusCode())
            .isEqualTo(404);

        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", id).get(0);
        assertThat(row.get("status")).isEqualTo("CONFIRMED");
        assertThat(row.get("cancel_reason")).isNull();
        assertThat(((Number) row.get("sequence_no")).intValue()).isEqualTo(1);
        assertThat(row.get("token_hash")).isEqualTo(Tokens.hash(fourth));
        Map<String, Object> newest = http().map(http().get("/api/v1/bookings/" + id + "?token=" + fourth));
        assertThat(BookingContract.instant((String) newest.get("start"))).isEqualTo(BookingContract.instant(at(day, 14,
            0)));
        List<MimeMessage> sent = mails.await(email, 2); // the confirmation and the move's
        assertThat(sent).extracting(MimeMessage::getSubject).noneMatch(subject -> subject.contains("abgesagt"));

        HttpResponse<String> cancelled = http().postJson(cancelPath, "{\"token\":\"" + fourth + "\"}");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(http().map(cancelled)).containsEntry("status", "cancelled");
        assertThat(mails.await(email, 3)).extracting(MimeMessage::getSubject)
            .anyMatch(subject -> subject.contains("abgesagt"));
    }

    /** The calls sent from their own threads, released together by a barrier; the answers in the calls' order. */
    List<HttpResponse<String>> atOnce(List<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier barrier = new CyclicBarrier(calls.size());
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Call call : calls) {
                Http http = http();
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return http.postJson(call.path(), call.body());
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
