package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An appointment's changes through the pages, without JavaScript, with a real SMTP server: the company moves and
 * cancels under the private link of its newest mail (a move spends the old link: a clear page, no data, no second
 * change, no second mail); the coach and the agency's staff move and cancel with a message that reaches the company
 * and the coach; another coach or agency finds the appointment not at all (404); an appointment that has begun
 * changes no more.
 */
@MicronautTest(transactional = false)
class AppointmentChangesIntegrationTest extends SignedInTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String AGENCY = "en-agentur";
    static final String COACH_EMAIL = "coach@en-agentur.example.org";
    private static final Pattern TIME_LINK = Pattern.compile("href=\"([^\"]*start=[^\"]+)\"");

    final SmtpServer smtp = new SmtpServer();
    final LifeMails mails = new LifeMails(smtp);

    @Inject
    Accounts accounts;
    @Inject
    DataSource dataSource;
    @Inject
    AppointmentRows appointments;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(smtp.portalProperties());
        return properties;
    }

    Database db() {
        return new Database(dataSource);
    }

    /** Waits (at most 10 s) until the mail outbox has sent every mail queued so far (a sent mail's row goes). */
    void awaitOutboxSent() throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (db().count("mail_outbox") > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(db().count("mail_outbox")).as("mails not sent within 10 s").isZero();
    }

    /** A booking of the demo coach (a free time some weeks ahead) made through the API: {id, token, start, …}. */
    Map<String, Object> book(String email) {
        Http http = new Http(server, json);
        String coach = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
        @SuppressWarnings("unchecked")
        String type = (String) ((Map<String, Object>) http.list(http.get("/api/v1/appointment-types?agency=" + AGENCY))
            .get(0)).get("id");
        LocalDate from = LocalDate.now(BERLIN).plusDays(14 + ThreadLocalRandom.current().nextInt(20));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slots = (List<Map<String, Object>>) http.map(http.get("/api/v1/slots?agency="
            + AGENCY + "&type=" + type + "&from=" + from + "&to=" + from.plusDays(10) + "&coach=" + coach)).get("slots");
        assertThat(slots).isNotEmpty();
        String start = (String) slots.get(ThreadLocalRandom.current().nextInt(slots.size())).get("start");
        HttpResponse<String> made = http.postJson("/api/v1/bookings", "{\"agencyId\":\"" + AGENCY + "\",\"typeId\":\""
            + type + "\",\"start\":\"" + start + "\",\"coachId\":\"" + coach + "\",\"company\":{\"name\":\"Life GmbH\","
            + "\"postalCode\":\"58452\"},\"contact\":{\"name\":\"Lena Life\",\"email\":\"" + email + "\"},"
            + "\"language\":\"de\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        return http.map(made);
    }

    static String email(String what) {
        return what + "-" + Long.toHexString(System.nanoTime()) + "@life.example";
    }

    static String firstTimeLink(String page) {
        Matcher m = TIME_LINK.matcher(page);
        assertThat(m.find()).as("a free time on the page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static Map<String, String> hidden(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(token|start)\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    static String tokenOf(String location) {
        String raw = location.substring(location.indexOf("token=") + 6).replaceAll("&.*", "");
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Test
    void theCompanyMovesAndCancelsUnderItsNewestLinkAndOldLinksOpenNothing() throws Exception {
        String email = email("company");
        Map<String, Object> made = book(email);
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        mails.await(email, 1);
        Http http = new Http(server, json);
        String show = "/termin/buchung/" + id + "?token=" + Http.enc(token);
        String page = http.get(show).body();
        assertThat(page).contains("Ihr Termin ist gebucht", "Termin verschieben", "Termin absagen")
            .doesNotContain("error-summary", "Ihr Termin wurde verschoben", "id=\"book-again\"");
        assertThat(page).as("the mail's link, opened later: no news of a mail on its way")
            .contains("Hier sehen Sie Ihren Termin und können ihn verschieben oder absagen.")
            .doesNotContain("Wir haben Ihren Termin gespeichert", "Sie bekommen eine E-Mail");
        String confirmedMail = LifeMails.text(mails.await(email, 1).get(0));
        assertThat(confirmedMail).as("German quotes: „…“").containsPattern("Ihr Termin „[^“\"\n]+“ mit")
            .doesNotContainPattern("„[^“]*\"");
        Http english = new Http(server, json); // ?lang= sets a cookie: another browser
        assertThat(english.get("/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token) + "&lang=en").body())
            .contains("Move the appointment", "Choose a new time").doesNotContain("Termin verschieben");
        assertThat(english.get("/termin/buchung/" + id + "?token=" + "x".repeat(43)).body())
            .contains("This link is not valid (any more)");

        // the move page lists other free times of the coach; choosing one asks to confirm it
        HttpResponse<String> movePage = http.get("/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token));
        assertThat(movePage.statusCode()).isEqualTo(200);
        assertThat(movePage.body()).contains("Neue Zeit wählen", "Carla Coach")
            .doesNotContain("error-summary", "role=\"alert\"");
        String confirm = http.get(firstTimeLink(movePage.body())).body();
        Map<String, String> form = hidden(confirm);
        assertThat(form).containsEntry("token", token).containsKey("start");
        assertThat(confirm).contains("Neue Zeit: ", "Termin auf diese Zeit verschieben");
        HttpResponse<String> moved = http.postForm("/termin/buchung/" + id + "/verschieben", form);
        assertThat(moved.statusCode()).isEqualTo(303);
        String location = moved.headers().firstValue("Location").orElseThrow();
        String newToken = tokenOf(location);
        assertThat(newToken).isNotEqualTo(token);
        // "moved" once, on the page the post leads to (a Flash note for the appointment's page: "&verschoben" in the
        // address said so on any link that carried it, and on every reload)
        assertThat(location).isEqualTo("/termin/buchung/" + id + "?token=" + Http.enc(newToken));
        assertThat(moved.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("flash=")
            .contains("Path=/termin/buchung/" + id + ";"));
        assertThat(http.get(location).body()).contains("Ihr Termin ist verschoben")
            .contains("<h1 class=\"kern-heading-large\">Ihr Termin wurde verschoben</h1>")
            .doesNotContain("Ihr Termin ist gebucht", "id=\"book-again\"");
        assertThat(http.get(location).body()).as("a reload").contains("Ihr Termin ist gebucht",
                "Hier sehen Sie Ihren Termin und können ihn verschieben oder absagen.")
            .doesNotContain("Ihr Termin ist verschoben", "Ihr Termin wurde verschoben");
        for (String typed : new String[] {location + "&verschoben", location + "&gebucht", location + "&abgesagt"}) {
            HttpResponse<String> old = http.get(typed);
            assertThat(old.statusCode()).as(typed).isEqualTo(200);
            assertThat(old.body()).as(typed).contains("Ihr Termin ist gebucht", "Hier sehen Sie Ihren Termin")
                .doesNotContain("Ihr Termin ist verschoben", "Ihr Termin wurde verschoben", "Ihr Termin ist abgesagt",
                    "Wir haben Ihren Termin gespeichert");
        }
        assertThat(db().value("SELECT start_at FROM booking WHERE id = ?", id).toString())
            .isNotEqualTo(made.get("start"));
        List<MimeMessage> companyMails = mails.await(email, 2);
        assertThat(LifeMails.text(companyMails.get(1))).contains("?token=" + newToken).doesNotContain(token);
        VEvent update = (VEvent) LifeMails.calendar(companyMails.get(1)).getComponent("VEVENT").orElseThrow();
        assertThat(update.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(update.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .format(Instant.parse(form.get("start")).atZone(BERLIN)));

        // the old link: a clear page (404), nothing of the appointment, and the same move again changes nothing
        HttpResponse<String> stale = http.get(show);
        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(stale.body()).contains("Dieser Link gilt nicht (mehr)", "gilt nur der neueste Link",
            "href=\"/mein-unternehmen\"")
            .doesNotContain("Life GmbH", "Carla Coach");
        HttpResponse<String> again = http.postForm("/termin/buchung/" + id + "/verschieben", form);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("Dieser Link gilt nicht (mehr)");
        assertThat(http.get("/termin/buchung/" + id + "/absagen?token=" + Http.enc(token)).statusCode()).isEqualTo(404);
        assertThat(http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token", token)).statusCode())
            .isEqualTo(404);
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CONFIRMED");

        // cancelling asks for an optional reason; a reason too long: 422 naming the field, nothing changed
        String cancelPage = http.get("/termin/buchung/" + id + "/absagen?token=" + Http.enc(newToken)).body();
        assertThat(cancelPage).contains("Grund der Absage (freiwillig)", "Ja, Termin absagen")
            .doesNotContain("error-summary");
        HttpResponse<String> tooLong = http.postForm("/termin/buchung/" + id + "/absagen",
            Map.of("token", newToken, "reason", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"error-summary\"", "href=\"#cancel-reason\"", "aria-invalid=\"true\"")
            .contains("x".repeat(501));
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CONFIRMED");
        HttpResponse<String> cancelled = http.postForm("/termin/buchung/" + id + "/absagen",
            Map.of("token", newToken, "reason", "Krankheit im Team"));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        String afterCancel = cancelled.headers().firstValue("Location").orElseThrow();
        assertThat(afterCancel).isEqualTo("/termin/buchung/" + id + "?token=" + Http.enc(newToken));
        assertThat(http.get(afterCancel).body())
            .contains("Termin abgesagt", "Ihr Termin ist abgesagt", "href=\"/termin/" + AGENCY + "\"", "Neuen Termin buchen")
            .doesNotContain("Termin verschieben");
        // "cancelled" once (a Flash note): a reload, or "&abgesagt" typed in, shows the cancelled appointment only
        for (String reload : new String[] {afterCancel, afterCancel + "&abgesagt"}) {
            assertThat(http.get(reload).body()).as(reload).contains("Termin abgesagt", "Neuen Termin buchen")
                .doesNotContain("Ihr Termin ist abgesagt");
        }
        assertThat(db().value("SELECT cancel_reason FROM booking WHERE id = ?", id)).isEqualTo("Krankheit im Team");
        String cancelMail = LifeMails.text(mails.await(email, 3).get(2));
        assertThat(cancelMail).as("a way to a new appointment with the same agency")
            .contains("Einen neuen Termin bei ", "hier buchen:").containsPattern("/termin/" + AGENCY + "\\r?\\n")
            .doesNotContain("auf unserer Seite").doesNotContainPattern("„[^“]*\"");
        assertThat(mails.awaitText(COACH_EMAIL, "Grund der Absage: Krankheit im Team")).isTrue();
        // cancelling twice: the same answer, no second mail
        assertThat(http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token", newToken)).statusCode())
            .isEqualTo(303);
        Thread.sleep(1500);
        assertThat(mails.to(email)).hasSize(3);
        assertThat(http.get("/termin/buchung/" + id + "/verschieben?token=" + Http.enc(newToken)).body())
            .contains("Dieser Termin ist abgesagt.").doesNotContain("Termin auf diese Zeit verschieben");
    }

    @Test
    void aTakenTimeGets409WithTheWeekAgainAndTheAppointmentStays() {
        String first = email("first");
        Map<String, Object> a = book(first);
        Map<String, Object> b = book(email("second"));
        Http http = new Http(server, json);
        String id = (String) a.get("id");
        String token = (String) a.get("token");
        HttpResponse<String> taken = http.postForm("/termin/buchung/" + id + "/verschieben",
            Map.of("token", token, "start", OffsetDateTime.parse((String) b.get("start")).toInstant().toString()));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("gerade vergeben", "Neue Zeit wählen");
        HttpResponse<String> bad = http.postForm("/termin/buchung/" + id + "/verschieben",
            Map.of("token", token, "start", "morgen"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("ISO 8601");
        assertThat(db().value("SELECT token_hash FROM booking WHERE id = ?", id))
            .isEqualTo(de.digitalcheck.portal.shared.security.Tokens.hash(token));
        assertThat(db().value("SELECT sequence_no FROM booking WHERE id = ?", id)).isEqualTo(0);
    }

    @Test
    void theCoachAndTheStaffMoveAndCancelWithAMessageAndOthersFindNothing() throws Exception {
        String email = email("desk");
        Map<String, Object> made = book(email);
        String id = (String) made.get("id");
        String coachId = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
        String doCoach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        Map<String, Http> users = everyDemoUser("life-desk-");
        mails.await(email, 1);

        // other coaches and other agencies: 404, for pages and forms alike, and nothing changes
        assertThat(users.get("do-coach").get("/coach/termine/" + id).statusCode()).isEqualTo(404);
        assertThat(users.get("do-coach").postForm("/coach/termine/" + id + "/absagen", Map.of("message", "x"))
            .statusCode()).isEqualTo(404);
        assertThat(users.get("do-staff").get("/agentur/coaches/" + coachId + "/termine/" + id).statusCode())
            .isEqualTo(404);
        assertThat(users.get("do-staff").postForm("/agentur/coaches/" + coachId + "/termine/" + id + "/absagen",
            Map.of("message", "x")).statusCode()).isEqualTo(404);
        assertThat(users.get("en-staff").get("/agentur/coaches/" + doCoach + "/termine/" + id).statusCode())
            .isEqualTo(404);
        assertThat(users.get("en-coach").get("/coach/termine/" + java.util.UUID.randomUUID()).statusCode())
            .isEqualTo(404);
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CONFIRMED");

        // the coach finds it in the week view and moves it with a message
        Http coach = users.get("en-coach");
        LocalDate day = OffsetDateTime.parse((String) made.get("start")).atZoneSameInstant(BERLIN).toLocalDate();
        assertThat(coach.get("/coach/termine?woche=" + day).body()).contains("/coach/termine/" + id);
        String page = coach.get("/coach/termine/" + id).body();
        assertThat(page).contains("Termin mit Life GmbH", "Nachricht an das Unternehmen").doesNotContain("error-summary");
        String confirm = coach.get(firstTimeLink(page)).body();
        String start = hidden(confirm).get("start");
        HttpResponse<String> longMessage = coach.postForm("/coach/termine/" + id + "/verschieben",
            Map.of("start", start, "message", "y".repeat(501)));
        assertThat(longMessage.statusCode()).isEqualTo(422);
        assertThat(longMessage.body()).contains("href=\"#move-message\"", "y".repeat(501));
        assertThat(db().value("SELECT sequence_no FROM booking WHERE id = ?", id)).isEqualTo(0);
        HttpResponse<String> moved = coach.postForm("/coach/termine/" + id + "/verschieben",
            Map.of("start", start, "message", "Ich bin am Vormittag beim Kunden."));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location")).hasValue("/coach/termine/" + id);
        assertThat(coach.get("/coach/termine/" + id).body()).contains("id=\"changed\"", "Der Termin ist verschoben");
        // said once, after the post that moved it (a Flash note): not on a reload, nor from "?geaendert" typed in,
        // which said "moved" (or "cancelled") on any link that carried it
        assertThat(coach.get("/coach/termine/" + id).body()).as("a reload").contains("Termin mit Life GmbH")
            .doesNotContain("id=\"changed\"", "Der Termin ist verschoben");
        HttpResponse<String> typed = coach.get("/coach/termine/" + id + "?geaendert");
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).as("the old address").doesNotContain("id=\"changed\"", "Der Termin ist verschoben");
        List<MimeMessage> toCompany = mails.await(email, 2);
        assertThat(toCompany.get(1).getSubject()).startsWith("Ihr Termin ist verschoben auf ");
        assertThat(LifeMails.text(toCompany.get(1))).contains("Nachricht von Carla Coach: Ich bin am Vormittag beim Kunden.")
            .contains("/termin/buchung/" + id + "?token=");
        // the company's first link is spent by the coach's move; the update mail's link works
        assertThat(new Http(server, json).get("/termin/buchung/" + id + "?token=" + Http.enc((String) made.get("token")))
            .statusCode()).isEqualTo(404);
        String link = LifeMails.text(toCompany.get(1)).lines().filter(l -> l.contains("/termin/buchung/")).findFirst()
            .orElseThrow().strip();
        assertThat(new Http(server, json).get(link.substring(link.indexOf("/termin/buchung/"))).statusCode())
            .isEqualTo(200);

        // the staff cancels it with a message: CANCEL with the same UID and a higher SEQUENCE, to company and coach
        Http staff = users.get("en-staff");
        LocalDate movedDay = Instant.parse(start).atZone(BERLIN).toLocalDate();
        assertThat(staff.get("/agentur/coaches/" + coachId + "/termine?woche=" + movedDay).body())
            .contains("/agentur/coaches/" + coachId + "/termine/" + id);
        String staffPage = staff.get("/agentur/coaches/" + coachId + "/termine/" + id).body();
        assertThat(staffPage).contains("Termin absagen und Unternehmen benachrichtigen");
        // the move's mail to the coach may still be on its way (the outbox sends after the commit): counted once sent
        awaitOutboxSent();
        int coachBefore = mails.to(COACH_EMAIL).size();
        HttpResponse<String> cancelled = staff.postForm("/agentur/coaches/" + coachId + "/termine/" + id + "/absagen",
            Map.of("message", "Frau Coach ist erkrankt; wir melden uns mit einem neuen Termin."));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        String staffDesk = "/agentur/coaches/" + coachId + "/termine/" + id;
        assertThat(cancelled.headers().firstValue("Location")).hasValue(staffDesk);
        assertThat(staff.get(staffDesk).body())
            .contains("Der Termin ist abgesagt").doesNotContain("Termin absagen und Unternehmen benachrichtigen");
        for (String again : new String[] {staffDesk, staffDesk + "?geaendert"}) {
            assertThat(staff.get(again).body()).as(again + ": once, after the post")
                .contains("Dieser Termin ist abgesagt.")
                .doesNotContain("id=\"changed\"", "Der Termin ist abgesagt");
        }
        MimeMessage cancel = mails.await(email, 3).get(2);
        assertThat(LifeMails.text(cancel)).contains("Nachricht von Emil Ennepe: Frau Coach ist erkrankt");
        VEvent event = (VEvent) LifeMails.calendar(cancel).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid(id));
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(LifeMails.calendarPart(cancel).getContentType()).contains("method=CANCEL");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).doesNotContain("token=");
        mails.await(COACH_EMAIL, coachBefore + 1);
        // cancelling again from the coach's page: nothing more is sent
        assertThat(coach.postForm("/coach/termine/" + id + "/absagen", Map.of("message", "")).statusCode())
            .isEqualTo(303);
        Thread.sleep(1500);
        assertThat(mails.to(email)).hasSize(3);
    }

    /**
     * The coach's and the staff's page of a cancelled appointment say what was given with the cancellation — the
     * company's reason, or the message of whoever cancelled it — which only the mail had; escaped as all that people
     * type, and nothing where none was given.
     */
    @Test
    void theCoachsPageOfACancelledAppointmentShowsTheReason() throws Exception {
        String coachId = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
        Http coach = as("life-desk-en-coach", COACH_EMAIL);
        Http staff = as("life-desk-en-staff", "staff@en-agentur.example.org");
        Map<String, Object> made = book(email("reason"));
        String id = (String) made.get("id");
        String reason = "Umzug <b>&</b> „Inventur“";
        assertThat(new Http(server, json).postForm("/termin/buchung/" + id + "/absagen",
            Map.of("token", (String) made.get("token"), "reason", reason)).statusCode()).isEqualTo(303);
        String escaped = "Umzug &lt;b&gt;&amp;&lt;/b&gt; „Inventur“";
        for (String page : List.of(coach.get("/coach/termine/" + id).body(),
            staff.get("/agentur/coaches/" + coachId + "/termine/" + id).body())) {
            assertThat(page).contains("Dieser Termin ist abgesagt.", "id=\"cancel-reason\"",
                "Grund der Absage: </span><span>" + escaped + "</span>").doesNotContain("<b>&</b>");
        }
        // a browser of its own: ?lang= is remembered in a cookie
        assertThat(as("life-desk-en-coach", COACH_EMAIL).get("/coach/termine/" + id + "?lang=en").body())
            .contains("Reason for the cancellation: </span><span>" + escaped);

        // cancelled by the coach with a message: that message; cancelled without one: no line
        Map<String, Object> second = book(email("reason-coach"));
        assertThat(coach.postForm("/coach/termine/" + second.get("id") + "/absagen",
            Map.of("message", "Ich bin krank.")).statusCode()).isEqualTo(303);
        assertThat(coach.get("/coach/termine/" + second.get("id")).body())
            .contains("Grund der Absage: </span><span>Ich bin krank.</span>");
        Map<String, Object> third = book(email("reason-none"));
        assertThat(new Http(server, json).postForm("/termin/buchung/" + third.get("id") + "/absagen",
            Map.of("token", (String) third.get("token"))).statusCode()).isEqualTo(303);
        assertThat(coach.get("/coach/termine/" + third.get("id")).body()).contains("Dieser Termin ist abgesagt.")
            .doesNotContain("id=\"cancel-reason\"");
    }

    @Test
    void anAppointmentThatHasBegunChangesNoMore() throws Exception {
        String email = email("begun");
        Map<String, Object> made = book(email);
        String id = (String) made.get("id");
        String token = (String) made.get("token");
        mails.await(email, 1);
        Instant begun = Instant.now().minusSeconds(600);
        db().execute("UPDATE booking SET start_at = ?, end_at = ? WHERE id = ?", java.sql.Timestamp.from(begun),
            java.sql.Timestamp.from(begun.plusSeconds(3600)), id);
        Http http = new Http(server, json);
        String page = http.get("/termin/buchung/" + id + "?token=" + Http.enc(token)).body();
        assertThat(page).contains("schon begonnen").doesNotContain("Termin verschieben");
        HttpResponse<String> cancel = http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token", token));
        assertThat(cancel.statusCode()).isEqualTo(422);
        // the error summary names the cancellation, not the move's step
        assertThat(cancel.body()).contains("schon begonnen", ">Termin absagen: Dieser Termin hat schon begonnen")
            .doesNotContain("Neue Zeit wählen: ");
        HttpResponse<String> coachCancel = as("life-desk-en-coach", COACH_EMAIL).postForm("/coach/termine/" + id
            + "/absagen", Map.of("message", "Bin krank"));
        assertThat(coachCancel.statusCode()).isEqualTo(422);
        assertThat(coachCancel.body()).contains("id=\"error-summary\"", "href=\"#change-closed\"",
            ">Termin absagen: Dieser Termin hat schon begonnen").doesNotContain("Neue Zeit wählen: ");
        HttpResponse<String> api = http.postJson("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\"}",
            "Accept-Language", "en");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("already begun");
        HttpResponse<String> move = http.postJson("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token
            + "\",\"start\":\"" + OffsetDateTime.now(BERLIN).plusDays(20).withHour(10).withMinute(0).withSecond(0)
            .withNano(0) + "\"}");
        assertThat(move.statusCode()).isEqualTo(422);
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CONFIRMED");
        Thread.sleep(1500);
        assertThat(mails.to(email)).hasSize(1);
    }

    /**
     * An appointment whose company had its data erased (name and contact emptied; one still to come is cancelled too,
     * one that has taken place stays in the week) says so on the staff's pages: once its heading read "Termin mit"
     * with nothing after it, and its contact a lone "·".
     */
    @Test
    void anErasedCompanysAppointmentSaysSoOnTheStaffsPages() {
        Map<String, Object> made = book(email("erased"));
        String id = (String) made.get("id");
        String coachId = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
        Instant now = Instant.now();
        appointments.erase(List.of(id), now); // as for one that has taken place (kept confirmed, in the week)
        Http staff = everyDemoUser("life-desk-").get("en-staff");

        String page = staff.get("/agentur/coaches/" + coachId + "/termine/" + id).body();
        assertThat(page).contains("Termin mit (Angaben gelöscht) – Digitalcheck 4.0</title>", ">Termin mit (Angaben gelöscht)</h1>")
            .doesNotContain("Life GmbH", "Lena Life").doesNotContainPattern(">\\s*·\\s*<");
        LocalDate day = OffsetDateTime.parse((String) made.get("start")).atZoneSameInstant(BERLIN).toLocalDate();
        String week = staff.get("/agentur/coaches/" + coachId + "/termine?woche=" + day).body();
        // its row in the week (other appointments of the coach may be in the same week)
        int link = week.indexOf("/agentur/coaches/" + coachId + "/termine/" + id);
        assertThat(link).as("the appointment is in its week").isPositive();
        String row = week.substring(week.lastIndexOf("<tr", link), week.indexOf("</tr>", link));
        assertThat(row).contains("(Angaben gelöscht)").doesNotContain("Life GmbH", "Lena Life")
            .doesNotContainPattern(">\\s*·\\s*<");
    }
}
