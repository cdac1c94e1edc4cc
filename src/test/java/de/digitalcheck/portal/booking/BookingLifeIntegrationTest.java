package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static de.digitalcheck.portal.booking.BookingFixture.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One booking's whole life through the API, the reminder job and a real SMTP server: confirmed on Saturday
 * 27 March 2027 at 10:00 (CET), moved across the change to summer time to Saturday 3 April at 10:00 (CEST), reminded
 * 24 hours before, cancelled with the reminder's link and a reason. The company's invitations are parsed back with
 * ical4j field by field (the wall-clock times survive the change); with {@code -Dbooking.examples=docs/examples} the
 * mails and invitations are written there as {@code life-*} (see docs/examples/README.md). The portal's clock starts at
 * {@link #NOW} and runs on: the appointments are on fixed days of 2027, which would otherwise lie in the past one day.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingLifeIntegrationTest implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();
    final LifeMails mails = new LifeMails(smtp);

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
    de.digitalcheck.portal.booking.Coaches coachProfiles;
    @Inject
    BookingChangeRows changes;
    @Inject
    BookingMails bookingMails;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ScheduledJobs jobs;

    /** When the portal's clock starts in this class: Tuesday 1 December 2026, 10:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    }

    @Test
    void confirmedMovedAcrossSummerTimeRemindedAndCancelled() throws Exception {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, coachProfiles).agencyWithCoaches(1);
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        String coach = s.coachIds().get(0);
        calendars.update(coach, s.agencyId(), new Calendars.CalendarInput(weekly, "", "", "15", "15", "0", "365", "0",
            "30"), List.of());
        String email = "lena@leuchten.example";
        Http http = new Http(server, json);
        LocalDateTime first = LocalDateTime.parse("2027-03-27T10:00");
        LocalDateTime moved = LocalDateTime.parse("2027-04-03T10:00");
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", BookingFixture.booking(s,
            BookingFixture.at(first.toLocalDate(), 10, 0), coach, email).replace("Race GmbH", "Leuchten GmbH")
            .replace("Rita Race", "Lena Leuchte")));
        String id = (String) made.get("id");
        assertThat(made.get("start")).isEqualTo("2027-03-27T10:00:00+01:00");
        mails.await(email, 1);

        Map<String, Object> movedAnswer = http.map(http.postJson("/api/v1/bookings/" + id + "/reschedule",
            BookingFixture.reschedule((String) made.get("token"), BookingFixture.at(moved.toLocalDate(), 10, 0))));
        assertThat(movedAnswer.get("start")).isEqualTo("2027-04-03T10:00:00+02:00");
        // both sides are told the time it had before, written as the new one (a coach with two appointments with one
        // company could not tell which had moved); the invitation carries the new time only
        MimeMessage movedMail = mails.await(email, 2).get(1);
        assertThat(LifeMails.text(movedMail)).contains("Samstag, 3. April 2027, 10:00–11:00 Uhr"
            + " (bisher: Samstag, 27. März 2027, 10:00–11:00 Uhr)");
        assertThat(LifeMails.ics(LifeMails.calendarPart(movedMail))).doesNotContain("bisher", "20270327");
        String coachEmail = "coach0@" + s.agencyId() + ".example.org";
        assertThat(mails.awaitText(coachEmail, "Neue Zeit: Samstag, 3. April 2027, 10:00–11:00 Uhr"
            + " (bisher: Samstag, 27. März 2027, 10:00–11:00 Uhr)")).isTrue();

        Instant start = moved.atZone(BERLIN).toInstant();
        ReminderContract.TestClock clock = new ReminderContract.TestClock(start.minus(Duration.ofHours(23)));
        assertThat(new BookingReminders(changes, bookingMails, clock, transactions, jobs, Duration.ofHours(24),
            Duration.ofMinutes(5)).sendDue()).isEqualTo(1);
        MimeMessage reminder = mails.await(email, 3).get(2);
        String text = LifeMails.text(reminder);
        String token = URLDecoder.decode(text.replaceAll("(?s).*\\?token=", "").lines().findFirst().orElseThrow()
            .strip(), StandardCharsets.UTF_8);
        assertThat(text).contains("Samstag, 3. April 2027, 10:00–11:00 Uhr");

        assertThat(http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + movedAnswer.get("token")
            + "\"}").statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token
            + "\",\"reason\":\"Inventur im Lager\"}").statusCode()).isEqualTo(200);
        List<MimeMessage> life = mails.await(email, 4);

        Calendar confirmedIcs = LifeMails.calendar(life.get(0));
        Calendar movedIcs = LifeMails.calendar(life.get(1));
        Calendar cancelledIcs = LifeMails.calendar(life.get(3));
        assertThat(LifeMails.calendarPart(life.get(2))).isNull();
        checkEvent(confirmedIcs, "REQUEST", id, 0, first, "CONFIRMED", email);
        checkEvent(movedIcs, "REQUEST", id, 1, moved, "CONFIRMED", email);
        checkEvent(cancelledIcs, "CANCEL", id, 2, moved, "CANCELLED", email);
        assertThat(LifeMails.calendarPart(life.get(1)).getContentType()).contains("method=REQUEST");
        assertThat(LifeMails.calendarPart(life.get(3)).getContentType()).contains("method=CANCEL");
        assertThat(mails.awaitText(coachEmail, "Grund der Absage: Inventur im Lager")).isTrue();
        // the company's confirmation, move, reminder and cancellation in the booking's language, and the coach's
        // notices in German, each saying so in Content-Language
        for (MimeMessage mail : life) {
            assertThat(mail.getContentLanguage()).as(mail.getSubject()).containsExactly("de");
        }
        assertThat(mails.to(coachEmail)).isNotEmpty().allSatisfy(mail -> {
            assertThat(mail.getContentLanguage()).containsExactly("de");
            assertThat(LifeMails.text(mail)).contains("Guten Tag");
        });
        writeExamples(life, mails.to(coachEmail));
    }

    /**
     * An appointment in the night the clocks go back (Sunday 31 October 2027): every mail of its life, the company's
     * and the coach's, names the zone of each time where the time alone would not say which it is (it read
     * "02:00–02:00" for an hour from 02:00 summer time); German MESZ/MEZ, English CEST/CET; an ordinary time of the
     * same day stays as it was.
     */
    @Test
    void theMailsOfAnAppointmentInTheRepeatedHourNameTheZones() throws Exception {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, coachProfiles).agencyWithCoaches(1);
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        String coach = s.coachIds().get(0);
        calendars.update(coach, s.agencyId(), new Calendars.CalendarInput(weekly, "2027-10-31 00:00-12:00", "", "0",
            "0", "0", "365", "0", "30"), List.of());
        String coachEmail = "coach0@" + s.agencyId() + ".example.org";
        String email = "nacht@uhren.example";
        Http http = new Http(server, json);
        // 02:00 summer time (the first 02:00) to 02:00 winter time
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", BookingFixture.booking(s,
            "2027-10-31T02:00:00+02:00", coach, email)));
        assertThat(made.get("end")).isEqualTo("2027-10-31T02:00:00+01:00");
        String night = "Sonntag, 31. Oktober 2027, 02:00 MESZ–02:00 MEZ";
        MimeMessage confirmed = mails.await(email, 1).get(0);
        assertThat(confirmed.getSubject()).contains(night);
        assertThat(LifeMails.text(confirmed)).contains(night).doesNotContain("02:00–02:00");
        assertThat(mails.awaitText(coachEmail, night)).isTrue();

        // moved to 01:30 summer time: it ends at the first 02:30, which happens twice that night
        Map<String, Object> moved = http.map(http.postJson("/api/v1/bookings/" + made.get("id") + "/reschedule",
            BookingFixture.reschedule((String) made.get("token"), "2027-10-31T01:30:00+02:00")));
        assertThat(moved.get("start")).isEqualTo("2027-10-31T01:30:00+02:00");
        String movedNight = "Sonntag, 31. Oktober 2027, 01:30 MESZ–02:30 MESZ";
        assertThat(LifeMails.text(mails.await(email, 2).get(1))).contains(movedNight + " Uhr (bisher: " + night
            + " Uhr)");
        assertThat(mails.awaitText(coachEmail, movedNight + " Uhr (bisher: " + night + " Uhr)")).isTrue();

        Instant start = Instant.parse("2027-10-30T23:30:00Z");
        ReminderContract.TestClock clock = new ReminderContract.TestClock(start.minus(Duration.ofHours(23)));
        new BookingReminders(changes, bookingMails, clock, transactions, jobs, Duration.ofHours(24),
            Duration.ofMinutes(5)).sendDue();
        MimeMessage reminder = mails.await(email, 3).get(2);
        assertThat(LifeMails.text(reminder)).contains(movedNight);
        String token = URLDecoder.decode(LifeMails.text(reminder).replaceAll("(?s).*\\?token=", "").lines().findFirst()
            .orElseThrow().strip(), StandardCharsets.UTF_8);
        assertThat(http.postJson("/api/v1/bookings/" + made.get("id") + "/cancel", "{\"token\":\"" + token + "\"}")
            .statusCode()).isEqualTo(200);
        assertThat(LifeMails.text(mails.await(email, 4).get(3))).contains(movedNight);
        // the coach's three mails (no reminder), in German
        assertThat(mails.await(coachEmail, 3)).extracting(LifeMails::text)
            .allSatisfy(t -> assertThat(t).contains(" MESZ–02:").doesNotContain("02:00–02:00"));

        // in English: CEST and CET; a time of the same day outside the repeated hour names no zone
        String english = "night@clocks.example";
        assertThat(http.postJson("/api/v1/bookings", BookingFixture.booking(s, "2027-10-31T02:00:00+02:00", coach,
            english).replace("\"language\":\"de\"", "\"language\":\"en\"")).statusCode()).isEqualTo(201);
        MimeMessage englishConfirmation = mails.await(english, 1).get(0);
        assertThat(LifeMails.text(englishConfirmation))
            .contains("Sunday, 31 October 2027, 02:00 CEST–02:00 CET").doesNotContain("Guten Tag");
        assertThat(englishConfirmation.getContentLanguage()).containsExactly("en");
        String later = "later@clocks.example";
        java.net.http.HttpResponse<String> laterBooked = http.postJson("/api/v1/bookings", BookingFixture.booking(s,
            "2027-10-31T10:00:00+01:00", coach, later).replace("\"language\":\"de\"", "\"language\":\"en\""));
        assertThat(laterBooked.statusCode()).isEqualTo(201);
        assertThat(LifeMails.text(mails.await(later, 1).get(0))).contains("Sunday, 31 October 2027, 10:00–11:00")
            .doesNotContain("CET");
        // moved an hour on: the English mail says it has been moved, and from when (the German coach's too)
        Map<String, Object> laterMade = http.map(laterBooked);
        assertThat(http.postJson("/api/v1/bookings/" + laterMade.get("id") + "/reschedule", BookingFixture.reschedule(
            (String) laterMade.get("token"), "2027-10-31T11:00:00+01:00")).statusCode()).isEqualTo(200);
        MimeMessage laterMoved = mails.await(later, 2).get(1);
        assertThat(laterMoved.getSubject()).startsWith("Your appointment has been moved to Sunday, 31 October 2027, "
            + "11:00–12:00");
        assertThat(LifeMails.text(laterMoved)).containsPattern("Hello Rita Race,\\R\\RYour appointment “").contains(
            ") has been moved:", "Sunday, 31 October 2027, 11:00–12:00 (German time; previously: Sunday, 31 October "
                + "2027, 10:00–11:00)");
        assertThat(mails.awaitText(coachEmail, "Neue Zeit: Sonntag, 31. Oktober 2027, 11:00–12:00 Uhr (bisher: "
            + "Sonntag, 31. Oktober 2027, 10:00–11:00 Uhr)")).isTrue();
    }

    /** The invitation's fields as a calendar program reads them. */
    private static void checkEvent(Calendar calendar, String method, String id, int sequence, LocalDateTime start,
                                   String status, String company) {
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getComponent("VTIMEZONE").map(c -> ((VTimeZone) c).getTimeZoneId().getValue()))
            .contains("Europe/Berlin");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo(String.valueOf(sequence));
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo(status);
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
            .isEqualTo("Europe/Berlin");
        Temporal begin = event.getDateTimeStart().getDate();
        assertThat(ZonedDateTime.from(begin).toLocalDateTime()).isEqualTo(start);
        assertThat(Instant.from(begin)).isEqualTo(start.atZone(BERLIN).toInstant());
        Temporal end = event.getDateTimeEnd().getDate();
        assertThat(ZonedDateTime.from(end).toLocalDateTime()).isEqualTo(start.plusHours(1));
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:kontakt@lt.example.org");
        assertThat(event.getProperties("ATTENDEE").stream().map(p -> p.getValue()).toList())
            .contains("mailto:" + company);
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).startsWith("Per Video");
    }

    /**
     * With {@code -Dbooking.examples=docs/examples}: the company's four mails ({@code .eml}, and subject and text as
     * {@code .txt}), their invitations ({@code .ics}; the reminder has none) and the coach's cancellation.
     */
    private static void writeExamples(List<MimeMessage> company, List<MimeMessage> coach) throws Exception {
        String dir = System.getProperty("booking.examples");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path target = Path.of(dir);
        Files.createDirectories(target);
        String[] names = {"life-1-confirmed", "life-2-moved", "life-3-reminder", "life-4-cancelled"};
        for (int i = 0; i < names.length; i++) {
            write(target, names[i], company.get(i));
        }
        write(target, "life-4-cancelled-coach", coach.get(coach.size() - 1));
    }

    private static void write(Path target, String name, MimeMessage mail) throws Exception {
        try (OutputStream out = Files.newOutputStream(target.resolve(name + ".eml"))) {
            mail.writeTo(out);
        }
        Files.writeString(target.resolve(name + ".txt"), "To: " + LifeMails.recipient(mail) + "\nSubject: "
            + mail.getSubject() + "\n\n" + LifeMails.text(mail).replace("\r\n", "\n"));
        if (LifeMails.calendarPart(mail) != null) {
            Files.writeString(target.resolve(name + ".ics"), LifeMails.ics(LifeMails.calendarPart(mail)));
        }
    }
}
