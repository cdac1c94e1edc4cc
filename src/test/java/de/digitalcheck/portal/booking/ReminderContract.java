package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.digitalcheck.portal.booking.BookingFixture.at;
import static de.digitalcheck.portal.booking.BookingFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder job with a test clock, against a real database and SMTP server: due 24 hours before, sent once even
 * when two instances run at the same moment, not before its time, not for cancelled appointments, not when booked
 * less than 24 hours before; a move re-arms it; its link is the newest (earlier links stop working). Run on H2 and
 * MySQL/MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReminderContract implements TestPropertyProvider {

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
    BookingChangeRows changes;
    @Inject
    BookingMails bookingMails;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ScheduledJobs jobs;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    BookingReminders reminders(Clock clock) {
        return new BookingReminders(changes, bookingMails, clock, transactions, jobs, Duration.ofHours(24),
            Duration.ofMinutes(5));
    }

    Database db() {
        return new Database(dataSource);
    }

    record Made(String id, String token, Instant start, String email) {
    }

    Made book(BookingFixture.Setup s, LocalDate day, int hour, String language) {
        String email = "remind-" + Long.toHexString(System.nanoTime()) + "@life.example";
        Http http = new Http(server, json);
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", booking(s, at(day, hour, 0),
            s.coachIds().get(0), email).replace("\"language\":\"de\"", "\"language\":\"" + language + "\"")));
        return new Made((String) made.get("id"), (String) made.get("token"),
            BookingContract.instant((String) made.get("start")), email);
    }

    List<MimeMessage> reminders(String email) {
        return mails.to(email).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Erinnerung") || m.getSubject().startsWith("Reminder");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void twoInstancesRacingSendEachDueReminderOnce() throws Exception {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, coachProfiles).agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(15);
        List<Made> made = List.of(book(s, day, 9, "de"), book(s, day, 12, "en"), book(s, day, 15, "de"));
        mails.await(made.get(2).email(), 1);
        TestClock clock = new TestClock(made.get(0).start().minus(Duration.ofHours(25)));
        BookingReminders one = reminders(clock);
        BookingReminders two = reminders(clock);
        // 25 hours before the first: nothing is due
        assertThat(one.sendDue()).isZero();
        // 20 hours before the first (23 before the second, 26 before the third): two are due, claimed by both instances
        clock.set(made.get(0).start().minus(Duration.ofHours(20)));
        int sent = 0;
        for (int round = 0; round < 5; round++) {
            sent += race(one, two);
        }
        System.out.printf("REMINDER race (%s): two instances x 5 rounds, sent=%d%n", getClass().getSimpleName(), sent);
        assertThat(sent).isEqualTo(2);
        mails.await(made.get(0).email(), 2);
        MimeMessage german = reminders(made.get(0).email()).get(0);
        assertThat(german.getSubject()).startsWith("Erinnerung: Ihr Termin am ");
        assertThat(german.getContentLanguage()).containsExactly("de");
        String text = LifeMails.text(german);
        assertThat(text).contains("09:00–10:00 Uhr", "/termin/buchung/" + made.get(0).id() + "?token=");
        mails.await(made.get(1).email(), 2);
        MimeMessage english = reminders(made.get(1).email()).get(0);
        assertThat(english.getSubject()).startsWith("Reminder: your appointment on ");
        assertThat(english.getContentLanguage()).containsExactly("en");
        assertThat(LifeMails.calendarPart(english)).isNull();
        // the reminder's link is the newest: it opens the appointment, the confirmation's does not any more
        String token = URLDecoder.decode(text.substring(text.indexOf("?token=") + 7).lines().findFirst().orElseThrow()
            .strip(), StandardCharsets.UTF_8);
        Http http = new Http(server, json);
        assertThat(http.get("/api/v1/bookings/" + made.get(0).id() + "?token=" + token).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/bookings/" + made.get(0).id() + "?token=" + made.get(0).token()).statusCode())
            .isEqualTo(404);
        // later runs send nothing more; the third is due at its time, once
        clock.set(made.get(2).start().minus(Duration.ofHours(23)));
        assertThat(race(one, two)).isEqualTo(1);
        assertThat(race(one, two)).isZero();
        Thread.sleep(1000);
        for (Made m : made) {
            assertThat(reminders(m.email())).hasSize(1);
        }
    }

    @Test
    void noReminderForCancelledOrLateBookingsAndAMoveReArmsIt() throws Exception {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, coachProfiles).agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(16);
        Made cancelled = book(s, day, 9, "de");
        Made late = book(s, day, 12, "de");
        Made moved = book(s, day, 15, "de");
        Http http = new Http(server, json);
        assertThat(http.postJson("/api/v1/bookings/" + cancelled.id() + "/cancel", "{\"token\":\"" + cancelled.token()
            + "\"}").statusCode()).isEqualTo(200);
        // booked two hours before its start (the time written back: the portal's clock cannot be moved for the API)
        db().execute("UPDATE booking SET created_at = ? WHERE id = ?",
            Timestamp.from(late.start().minus(Duration.ofHours(2))), late.id());
        // moved three days on before the reminder: due 24 hours before the new time
        Map<String, Object> answer = http.map(http.postJson("/api/v1/bookings/" + moved.id() + "/reschedule",
            "{\"token\":\"" + moved.token() + "\",\"start\":\"" + at(day.plusDays(3), 15, 0) + "\"}"));
        Instant newStart = BookingContract.instant((String) answer.get("start"));
        mails.await(moved.email(), 2); // confirmation and update: the mails of one address arrive in any order
        TestClock clock = new TestClock(late.start().minus(Duration.ofHours(1)));
        BookingReminders job = reminders(clock);
        assertThat(job.sendDue()).isZero();
        assertThat(db().value("SELECT reminder_claimed_at FROM booking WHERE id = ?", late.id())).isNotNull();
        assertThat(db().value("SELECT reminder_claimed_at FROM booking WHERE id = ?", cancelled.id())).isNull();
        assertThat(db().value("SELECT reminder_claimed_at FROM booking WHERE id = ?", moved.id())).isNull();
        clock.set(newStart.minus(Duration.ofHours(23)));
        assertThat(job.sendDue()).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(reminders(cancelled.email())).isEmpty();
        assertThat(reminders(late.email())).isEmpty();
        mails.await(moved.email(), 3);
        assertThat(reminders(moved.email())).hasSize(1);
        // moved again after the reminder, further ahead: re-armed, reminded again at the new time
        String token = URLDecoder.decode(LifeMails.text(reminders(moved.email()).get(0))
            .replaceAll("(?s).*\\?token=", "").lines().findFirst().orElseThrow().strip(), StandardCharsets.UTF_8);
        Map<String, Object> again = http.map(http.postJson("/api/v1/bookings/" + moved.id() + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day.plusDays(5), 10, 0) + "\"}"));
        assertThat(again).containsKey("token");
        assertThat(db().value("SELECT reminder_claimed_at FROM booking WHERE id = ?", moved.id())).isNull();
        clock.set(BookingContract.instant((String) again.get("start")).minus(Duration.ofHours(2)));
        assertThat(job.sendDue()).isEqualTo(1);
        mails.await(moved.email(), 5);
        assertThat(reminders(moved.email())).hasSize(2);
    }

    /** Both instances at once; how many reminders they sent together. */
    private static int race(BookingReminders one, BookingReminders two) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (BookingReminders job : List.of(one, two)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.sendDue();
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            return sent;
        } finally {
            pool.shutdownNow();
        }
    }
}
