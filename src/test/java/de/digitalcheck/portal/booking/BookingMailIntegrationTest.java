package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confirmation of a booking through a real SMTP server (and the booking contract run once more with it): the company (in its language) and the coach each get a
 * mail with a {@code text/calendar; method=REQUEST} invitation; the invitation parsed back with ical4j.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingMailIntegrationTest extends BookingContract implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @Test
    void aBookingSendsTheInvitationToTheCompanyAndTheCoach() throws Exception {
        smtp.purge();
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String body = english(body(s, at(day, 9, 0), null, "mia@muster.example"));
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", body));
        String id = (String) made.get("id");
        String coachAddress = "coach0@" + s.agencyId() + ".example.org";
        MimeMessage[] mails = smtp.awaitMailsTo("mia@muster.example", coachAddress);
        MimeMessage company = Arrays.stream(mails).filter(m -> recipient(m).equals("mia@muster.example")).findFirst()
            .orElseThrow();
        MimeMessage coach = Arrays.stream(mails).filter(m -> recipient(m).equals(coachAddress)).findFirst().orElseThrow();
        assertThat(company.getSubject()).startsWith("Your appointment on ");
        assertThat(coach.getSubject()).startsWith("Neuer Termin am ").contains("Race GmbH");
        String text = textOf(company);
        // an English booking's link opens the appointment in English, also in a browser that never chose a language
        assertThat(text).contains("Rita Race").contains("/termin/buchung/" + id + "?token=" + made.get("token") + "&lang=en")
            .contains("09:00–10:00");
        BodyPart invitation = calendarPart(company);
        assertThat(invitation.getContentType()).contains("text/calendar").contains("method=REQUEST");
        // the attachment is named in the mail's language (the English mail attached "termin.ics")
        assertThat(invitation.getFileName()).isEqualTo("appointment.ics");
        assertThat(calendarPart(coach).getFileName()).as("the coach's German mail").isEqualTo("termin.ics");
        String ics;
        try (InputStream in = invitation.getInputStream()) {
            byte[] octets = in.readAllBytes();
            IcsFoldingTest.assertFolded(octets); // as the mail carried it: lines of at most 75 octets, CRLF
            ics = new String(octets, StandardCharsets.UTF_8);
        }
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:" + day.toString().replace("-", "") + "T090000");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:kontakt@bt.example.org");
        assertThat(event.getProperties("ATTENDEE").stream().map(p -> p.getValue()).toList())
            .containsExactlyInAnyOrder("mailto:mia@muster.example", "mailto:" + recipient(coach));
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).startsWith("By video");
        assertThat(calendar.getComponent("VTIMEZONE").map(c -> ((VTimeZone) c).getTimeZoneId().getValue()))
            .contains("Europe/Berlin");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue())
            .isEqualTo("By video: your coach sends you the link to the video call before the appointment");
        // the coach is told in the coach's terms (German) where the company reads that its coach sends the link
        String coachPlace = "Per Video: Bitte senden Sie dem Unternehmen den Link zum Videogespräch vor dem Termin.";
        assertThat(textOf(coach)).contains("Ort: " + coachPlace).doesNotContain("Ihr Coach");
        BodyPart coachInvitation = calendarPart(coach);
        try (InputStream in = coachInvitation.getInputStream()) {
            byte[] octets = in.readAllBytes();
            IcsFoldingTest.assertFolded(octets);
            String coachIcs = new String(octets, StandardCharsets.UTF_8);
            VEvent coachEvent = (VEvent) new CalendarBuilder().build(new StringReader(coachIcs)).getComponent("VEVENT")
                .orElseThrow();
            assertThat(coachEvent.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
            assertThat(coachEvent.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
            assertThat(coachEvent.getProperty("DTSTART").orElseThrow().getValue())
                .isEqualTo(event.getProperty("DTSTART").orElseThrow().getValue());
            // whoever reads the coach's mail or calendar must not get the company's link to move or cancel it
            assertThat(coachIcs.replace("\r\n ", "")).as("the coach's invitation, unfolded")
                .doesNotContain((String) made.get("token")).doesNotContain("/termin/buchung/");
            assertThat(coachEvent.getProperty("LOCATION").orElseThrow().getValue()).as("German, as the coach's mail")
                .isEqualTo(coachPlace);
        }
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).as("the company's invitation keeps its link")
            .contains("/termin/buchung/" + id + "?token=" + made.get("token") + "&lang=en");
    }

    /** Moved: the same UID, SEQUENCE 1, METHOD:REQUEST; cancelled: METHOD:CANCEL, SEQUENCE 2; cancelled again: no mail. */
    @Test
    void movingAndCancellingSendTheSameAppointmentWithARisingSequence() throws Exception {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String email = "life-" + s.agencyId() + "@example.org";
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, email)));
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        awaitFor(email, 1);
        java.net.http.HttpResponse<String> movedAnswer = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 11, 0) + "\"}");
        assertThat(movedAnswer.statusCode()).isEqualTo(200);
        String old = token;
        token = (String) http.map(movedAnswer).get("token");
        // the old link is spent: the update mail carries the new one
        assertThat(http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + old + "\"}").statusCode())
            .isEqualTo(404);
        MimeMessage moved = awaitFor(email, 2).get(1);
        assertThat(moved.getSubject()).startsWith("Ihr Termin ist verschoben auf ");
        assertThat(textOf(moved)).contains("/termin/buchung/" + id + "?token=" + token).doesNotContain(old);
        BodyPart movedPart = calendarPart(moved);
        assertThat(movedPart.getContentType()).contains("method=REQUEST");
        VEvent movedEvent = event(movedPart, "REQUEST");
        assertThat(movedEvent.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
        assertThat(movedEvent.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(movedEvent.getProperty("DTSTART").orElseThrow().getValue())
            .isEqualTo(day.toString().replace("-", "") + "T110000");
        // a move to a taken or refused time sends nothing
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token + "\",\"start\":\""
            + at(day, 11, 10) + "\"}").statusCode()).isEqualTo(422);
        assertThat(http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\"}").statusCode())
            .isEqualTo(200);
        MimeMessage cancelled = awaitFor(email, 3).get(2);
        assertThat(cancelled.getSubject()).contains("abgesagt");
        BodyPart cancelPart = calendarPart(cancelled);
        assertThat(cancelPart.getContentType()).contains("text/calendar").contains("method=CANCEL");
        VEvent cancelEvent = event(cancelPart, "CANCEL");
        assertThat(cancelEvent.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
        assertThat(cancelEvent.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelEvent.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\"}").statusCode())
            .isEqualTo(200);
        Thread.sleep(2000);
        assertThat(mailsTo(email)).hasSize(3);
        writeExamples(mailsTo(email));
        assertThat(Arrays.stream(smtp.received()).filter(m -> recipient(m).equals("coach0@" + s.agencyId()
            + ".example.org")).count()).isEqualTo(3);
    }

    /** A coach invited in English gets their mail and invitation in English, whatever the company's language. */
    @Test
    void aCoachInvitedInEnglishIsWrittenToInEnglish() throws Exception {
        smtp.purge();
        Setup s = agencyWithCoaches(1, 0);
        db().execute("UPDATE account SET language = 'en' WHERE id = ?", s.coachIds().get(0));
        Http http = http();
        assertThat(http.postJson("/api/v1/bookings", body(s, at(bookableDay(), 10, 0), null, "gerd@muster.example"))
            .statusCode()).isEqualTo(201);
        String coachAddress = "coach0@" + s.agencyId() + ".example.org";
        MimeMessage[] mails = smtp.awaitMailsTo("gerd@muster.example", coachAddress);
        MimeMessage company = Arrays.stream(mails).filter(m -> recipient(m).equals("gerd@muster.example")).findFirst()
            .orElseThrow();
        MimeMessage coach = Arrays.stream(mails).filter(m -> recipient(m).equals(coachAddress)).findFirst().orElseThrow();
        assertThat(company.getSubject()).as("the company's German booking").startsWith("Ihr Termin am ");
        assertThat(company.getContentLanguage()).containsExactly("de");
        assertThat(coach.getSubject()).startsWith("New appointment on ").contains("Race GmbH");
        assertThat(coach.getContentLanguage()).containsExactly("en");
        assertThat(calendarPart(coach).getFileName()).isEqualTo("appointment.ics");
        assertThat(textOf(coach)).contains("Hello ", "Company: Race GmbH", "Place: By video: Please send the company")
            .doesNotContain("Guten Tag", "Ort:");
    }

    /**
     * With {@code -Dbooking.examples=docs/examples} the company's three mails of one booking's life (confirmed,
     * moved, cancelled) and their invitations are written there (see docs/examples/README.md).
     */
    private static void writeExamples(List<MimeMessage> mails) throws Exception {
        String dir = System.getProperty("booking.examples");
        if (dir == null || dir.isBlank()) {
            return;
        }
        java.nio.file.Path target = java.nio.file.Path.of(dir);
        java.nio.file.Files.createDirectories(target);
        String[] names = {"1-confirmed", "2-moved", "3-cancelled"};
        for (int i = 0; i < names.length; i++) {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target.resolve("booking-" + names[i]
                + ".eml"))) {
                mails.get(i).writeTo(out);
            }
            try (InputStream in = calendarPart(mails.get(i)).getInputStream()) {
                java.nio.file.Files.write(target.resolve("booking-" + names[i] + ".ics"), in.readAllBytes());
            }
        }
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.received()).filter(m -> recipient(m).equals(email)).toList();
    }

    private List<MimeMessage> awaitFor(String email, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (mailsTo(email).size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(mailsTo(email)).hasSize(count);
        return mailsTo(email);
    }

    private static VEvent event(BodyPart part, String method) throws Exception {
        try (InputStream in = part.getInputStream()) {
            byte[] octets = in.readAllBytes();
            IcsFoldingTest.assertFolded(octets);
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(octets, StandardCharsets.UTF_8)));
            assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
            return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        }
    }

    /**
     * An address with characters a URI does not take as they are ({@code { } %}, allowed in an address) is booked and
     * invited: the invitation's mailto: URI encodes them (the booking once answered 500 and could not be made).
     */
    @Test
    void anAddressWithBracesAndAPercentSignIsBookedAndInvited() throws Exception {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        String email = "a{" + s.agencyId().substring(0, 8) + "}%zz@example.org";
        assertThat(http().postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, email)).statusCode()).isEqualTo(201);
        VEvent event = event(calendarPart(awaitFor(email, 1).get(0)), "REQUEST");
        assertThat(event.getProperties("ATTENDEE").stream()
            .map(a -> ((net.fortuna.ical4j.model.property.Attendee) a).getCalAddress().getSchemeSpecificPart()))
            .contains(email);
    }

    @Test
    void aRefusedBookingSendsNothing() throws Exception {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, "first@example.org")).statusCode())
            .isEqualTo(201);
        smtp.awaitMailsTo("first@example.org");
        Thread.sleep(1500);
        smtp.purge();
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 30), null, "late@example.org")).statusCode())
            .isEqualTo(409);
        Thread.sleep(1500);
        assertThat(smtp.received()).noneMatch(m -> recipient(m).equals("late@example.org"));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage m) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) inner.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no text part");
    }

    private static BodyPart calendarPart(MimeMessage m) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        List<BodyPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            parts.add(multipart.getBodyPart(i));
        }
        return parts.stream().filter(p -> {
            try {
                return p.isMimeType("text/calendar");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no text/calendar part"));
    }
}
