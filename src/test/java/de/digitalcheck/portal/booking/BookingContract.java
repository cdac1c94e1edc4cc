package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.AtOnce;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.BookableAgency;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking through the API against a real database: no coach is ever double-booked under racing requests (one coach;
 * "any coach" with one free), the idempotency key, bad input (a clear 4xx, nothing stored), cancel and reschedule.
 * Run on H2 and MySQL/MariaDB. The race counts are printed ({@code RACE …}) for the closing note.
 */
abstract class BookingContract {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int RACERS = 24;

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
    Bookings bookings;
    @Inject
    Questionnaires questionnaires;

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    /** A new agency with {@code coaches} coaches, who all offer a 60-minute video talk; every day 08:00–18:00. */
    record Setup(String agencyId, String typeId, List<String> coachIds) {
    }

    Setup agencyWithCoaches(int coaches, int maxPerDay) {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles,
            "bk-" + UUID.randomUUID().toString().substring(0, 12), "Booking Test", "BT", "kontakt@bt.example.org",
            "https://bt.example.org", coaches, maxPerDay);
        return new Setup(a.agencyId(), a.typeId(), a.coachIds());
    }

    /** A day in the coming weeks beginning a week without a public holiday (every weekday has hours in these tests). */
    static LocalDate bookableDay() {
        return de.digitalcheck.portal.support.BookableAgency.bookableWeek(10);
    }

    static String at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, 0).plusMinutes(minute).atZone(BERLIN).toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String body(Setup s, String start, String coachId, String email) {
        return "{\"agencyId\":\"" + s.agencyId() + "\",\"typeId\":\"" + s.typeId() + "\",\"start\":\"" + start + "\","
            + (coachId == null ? "" : "\"coachId\":\"" + coachId + "\",")
            + "\"company\":{\"name\":\"Race GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Rita Race\",\"email\":\"" + email + "\"},\"language\":\"de\"}";
    }

    /** The request in English: its problems are answered in English. */
    static String english(String body) {
        return body.replace("\"language\":\"de\"", "\"language\":\"en\"");
    }

    long bookingsOf(Setup s) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ?", s.agencyId())).longValue();
    }

    /** Pairs of confirmed bookings of one coach whose times (with buffers) overlap: must be none. */
    long doubleBookings(Setup s) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking a JOIN booking b ON a.coach_id = b.coach_id AND a.id < b.id"
            + " WHERE a.agency_id = ? AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'"
            + " AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until", s.agencyId())).longValue();
    }

    record Race(int requests, int wins, int conflicts, int other, List<HttpResponse<String>> answers) {
    }

    Race race(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String body : bodies) {
                Http http = http();
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("/api/v1/bookings", body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            int wins = (int) answers.stream().filter(a -> a.statusCode() == 201).count();
            int conflicts = (int) answers.stream().filter(a -> a.statusCode() == 409).count();
            return new Race(answers.size(), wins, conflicts, answers.size() - wins - conflicts, answers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Inject
    de.digitalcheck.portal.accounts.CompanyAppointments companyAppointments;

    Bookings.Made bookFor(Setup s, LocalDate day, int hour, String coachId, String email) {
        return bookings.book(new Bookings.Request(s.agencyId(), s.typeId(), OffsetDateTime.parse(at(day, hour, 0))
            .toInstant(), coachId, "Eigen GmbH", "44135", "Ida Eigen", email, null, null, null, false,
            de.digitalcheck.portal.shared.i18n.Language.DE, null));
    }

    /** Mein Unternehmen: a contact's appointments by its address (any case), and a new link only to its own to come. */
    @Test
    void aCompanysAppointmentsAreFoundByItsAddressAndOnlyItsOwnUpcomingOneGetsANewLink() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        String coach = s.coachIds().get(0);
        String own = "ida-" + UUID.randomUUID() + "@eigen.example.org";
        Bookings.Made upcoming = bookFor(s, day, 9, coach, own.toUpperCase(java.util.Locale.ROOT));
        Bookings.Made past = bookFor(s, day, 11, coach, own);
        Bookings.Made cancelled = bookFor(s, day, 13, coach, own);
        Bookings.Made theirs = bookFor(s, day, 15, coach, "other-" + UUID.randomUUID() + "@example.org");
        db().execute("UPDATE booking SET start_at = ?, end_at = ? WHERE id = ?",
            java.sql.Timestamp.from(Instant.now().minusSeconds(3 * 86_400)),
            java.sql.Timestamp.from(Instant.now().minusSeconds(3 * 86_400 - 3600)), past.booking().id());
        db().execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", cancelled.booking().id());

        var found = companyAppointments.ofContact(own, de.digitalcheck.portal.shared.i18n.Language.EN);
        assertThat(found).extracting(de.digitalcheck.portal.accounts.CompanyAppointments.CompanyAppointment::id)
            .containsExactly(past.booking().id(), upcoming.booking().id(), cancelled.booking().id());
        assertThat(found).allSatisfy(a -> assertThat(a.typeName()).isEqualTo("First talk"));
        assertThat(found.get(0).changeable()).as("past").isFalse();
        assertThat(found.get(1).changeable()).isTrue();
        assertThat(found.get(2).cancelled()).isTrue();
        assertThat(found.get(2).changeable()).isFalse();

        assertThat(companyAppointments.reissueLink(own, theirs.booking().id())).as("another address's").isEmpty();
        assertThat(companyAppointments.reissueLink(own, past.booking().id())).as("past").isEmpty();
        assertThat(companyAppointments.reissueLink(own, cancelled.booking().id())).as("cancelled").isEmpty();
        assertThat(companyAppointments.reissueLink(own, "unknown")).isEmpty();
        assertThat(bookings.find(theirs.booking().id(), theirs.token()).id()).as("its link still works")
            .isEqualTo(theirs.booking().id());

        String path = companyAppointments.reissueLink(own, upcoming.booking().id()).orElseThrow();
        assertThat(path).startsWith("/termin/buchung/" + upcoming.booking().id() + "?token=");
        String token = path.substring(path.indexOf("token=") + 6);
        assertThat(bookings.find(upcoming.booking().id(), token).id()).isEqualTo(upcoming.booking().id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bookings.find(upcoming.booking().id(),
            upcoming.token())).as("the mail's link is spent").isInstanceOf(UnknownBooking.class);
    }

    /** Overlapping times of one coach (10:00, 10:30, 11:00, 60 minutes, 15-minute buffers): exactly one wins. */
    @Test
    void racingRequestsForOverlappingTimesOfOneCoachBookItOnce() throws Exception {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            bodies.add(body(s, at(day, 10, 30 * (i % 3)), s.coachIds().get(0), "race" + i + "@example.org"));
        }
        Race race = race(bodies);
        System.out.printf("RACE one coach (%s): requests=%d wins=%d 409s=%d other=%d double bookings=%d%n",
            getClass().getSimpleName(), race.requests(), race.wins(), race.conflicts(), race.other(), doubleBookings(s));
        assertThat(race.wins()).isEqualTo(1);
        assertThat(race.conflicts()).isEqualTo(RACERS - 1);
        assertThat(bookingsOf(s)).isEqualTo(1);
        assertThat(doubleBookings(s)).isZero();
        HttpResponse<String> refused = race.answers().stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        Map<String, Object> problem = http().map(refused);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> free = (List<Map<String, Object>>) problem.get("freeSlots");
        assertThat(free).isNotEmpty();
        // the fresh list leaves out what was just booked, with its buffers (60 minutes + 15 on each side)
        Instant won = instant((String) http().map(race.answers().stream().filter(a -> a.statusCode() == 201)
            .findFirst().orElseThrow()).get("start"));
        assertThat(free).noneMatch(f -> {
            Instant start = instant((String) f.get("start"));
            return start.isAfter(won.minusSeconds(90 * 60)) && start.isBefore(won.plusSeconds(90 * 60));
        });
        assertThat(free).anyMatch(f -> instant((String) f.get("start")).equals(won.plusSeconds(90 * 60)));
    }

    /** Three coaches, two blocked that day: "any coach" requests for one time all race for the one who is free. */
    @Test
    void anyCoachWithOnlyOneFreeIsBookedOnce() throws Exception {
        Setup s = agencyWithCoaches(3, 0);
        LocalDate day = bookableDay();
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        for (String blocked : s.coachIds().subList(0, 2)) {
            calendars.update(blocked, s.agencyId(), new Calendars.CalendarInput(weekly, day.toString(), "", "15", "15",
                "0", "60", "0", "30"), List.of());
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            bodies.add(body(s, at(day, 14, 0), null, "any" + i + "@example.org"));
        }
        Race race = race(bodies);
        System.out.printf("RACE any coach, one free (%s): requests=%d wins=%d 409s=%d other=%d double bookings=%d%n",
            getClass().getSimpleName(), race.requests(), race.wins(), race.conflicts(), race.other(), doubleBookings(s));
        assertThat(race.wins()).isEqualTo(1);
        assertThat(race.conflicts()).isEqualTo(RACERS - 1);
        assertThat(db().value("SELECT coach_id FROM booking WHERE agency_id = ?", s.agencyId()))
            .isEqualTo(s.coachIds().get(2));
        assertThat(doubleBookings(s)).isZero();
    }

    /** With all three free, the same time goes to each coach once, least recently booked first, reason recorded. */
    @Test
    void anyCoachSpreadsOverTheFreeCoachesLeastRecentlyBookedFirst() throws Exception {
        Setup s = agencyWithCoaches(3, 0);
        LocalDate day = bookableDay();
        // coach 0 was booked before (another day): the other two come first
        assertThat(http().postJson("/api/v1/bookings", body(s, at(day.plusDays(1), 9, 0), s.coachIds().get(0),
            "earlier@example.org")).statusCode()).isEqualTo(201);
        HttpResponse<String> first = http().postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, "a@example.org"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat((Object) ((Map<?, ?>) http().map(first).get("coach")).get("id")).isIn(s.coachIds().get(1), s.coachIds().get(2));
        assertThat((String) db().value("SELECT assignment FROM booking WHERE contact_email = 'a@example.org' AND agency_id = ?",
            s.agencyId())).startsWith("any coach: least recently booked of 3 free (never booked)");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add(body(s, at(day, 9, 30), null, "spread" + i + "@example.org"));
        }
        Race race = race(bodies);
        System.out.printf("RACE any coach, three free (%s): requests=%d wins=%d 409s=%d double bookings=%d%n",
            getClass().getSimpleName(), race.requests(), race.wins(), race.conflicts(), doubleBookings(s));
        // 09:30 overlaps 09:00 of the coach just booked: the two others take it
        assertThat(race.wins()).isEqualTo(2);
        assertThat(race.conflicts()).isEqualTo(8);
        assertThat(doubleBookings(s)).isZero();
    }

    @Test
    void theSameIdempotencyKeyBooksOnceAndAnotherBodyWithItIsRefused() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        String key = "key-" + UUID.randomUUID();
        String body = body(s, at(day, 9, 0), null, "idem@example.org");
        HttpResponse<String> first = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
        HttpResponse<String> again = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        Map<String, Object> a = http().map(first);
        Map<String, Object> b = http().map(again);
        assertThat(b).isEqualTo(a);
        assertThat(bookingsOf(s)).isEqualTo(1);
        // the token of the answer opens the booking
        assertThat(http().get("/api/v1/bookings/" + a.get("id") + "?token=" + a.get("token")).statusCode()).isEqualTo(200);
        HttpResponse<String> other = http().postJson("/api/v1/bookings", english(body(s, at(day, 11, 0), null,
            "idem@example.org")), "Idempotency-Key", key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("already been used");
        // like every other 422, it names what broke the rule: the key
        assertThat(errors(other)).containsExactly(Map.of("field", "Idempotency-Key",
            "message", "This Idempotency-Key has already been used for another booking."));
        assertThat(bookingsOf(s)).isEqualTo(1);
    }

    /**
     * A key is 1 to 100 characters: an empty (or blank) {@code Idempotency-Key} is refused as a too long one is, a
     * {@code 422} naming the field in the body's language, listed with the body's other problems, nothing stored — not
     * taken as no key, which would book again on every retry the client meant to be one.
     */
    @Test
    void anEmptyIdempotencyKeyIsRefusedAsATooLongOneIs() {
        Setup s = agencyWithCoaches(1, 0);
        String body = english(body(s, at(bookableDay(), 9, 0), null, "keyless@example.org"));
        Map<String, Object> refusal = Map.of("field", "Idempotency-Key",
            "message", "The Idempotency-Key must be 1 to 100 characters long.");
        for (String key : List.of("", " ", "x".repeat(101))) {
            HttpResponse<String> refused = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
            assertThat(refused.statusCode()).as("key of " + key.length()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(errors(refused)).as("key of " + key.length()).containsExactly(refusal);
            HttpResponse<String> withMore = http().postJson("/api/v1/bookings",
                body.replace("keyless@example.org", "not-an-address"), "Idempotency-Key", key);
            assertThat(errors(withMore)).as("with the body's problems").contains(refusal)
                .anySatisfy(e -> assertThat(e).containsEntry("field", "contact.email"));
        }
        HttpResponse<String> german = http().postJson("/api/v1/bookings", body.replace("\"language\":\"en\"",
            "\"language\":\"de\""), "Idempotency-Key", "");
        assertThat(errors(german)).containsExactly(Map.of("field", "Idempotency-Key",
            "message", "Der Idempotency-Key muss 1 bis 100 Zeichen lang sein."));
        assertThat(bookingsOf(s)).as("nothing stored").isZero();
        assertThat(http().postJson("/api/v1/bookings", body, "Idempotency-Key", "x".repeat(100)).statusCode())
            .as("100 characters are a key").isEqualTo(201);
    }

    /**
     * A key of the right length that holds a tab or another control character (HTTP lets a header carry tabs and the
     * bytes 0x80–0x9F, read as U+0080–U+009F) is told which characters a key may hold, in the body's language: it was
     * told that a key "must be 1 to 100 characters long", which it was. Listed with the body's other problems, nothing
     * stored.
     */
    @Test
    void anIdempotencyKeyWithAControlCharacterIsToldWhichCharactersAKeyMayHold() {
        Setup s = agencyWithCoaches(1, 0);
        String body = english(body(s, at(bookableDay(), 9, 0), null, "controlled@example.org"));
        Map<String, Object> refusal = Map.of("field", "Idempotency-Key", "message",
            "The Idempotency-Key may hold only printable characters on one line: no tabs, line breaks or other "
                + "control characters.");
        // the JDK's client sends header values as ASCII: a tab it sends, the bytes 0x80–0x9F only written by hand
        for (String key : List.of("order\u00854711", "order\u009f4711")) {
            String answer = rawBooking(body, key);
            assertThat(answer).as("key with U+%04X", (int) key.charAt(5)).startsWith("HTTP/1.1 422 ")
                .contains("\"field\":\"Idempotency-Key\"", (String) refusal.get("message"))
                .doesNotContain("characters long");
        }
        for (String key : List.of("order\t4711", "order\t\t4711")) {
            String as = "key with a tab";
            HttpResponse<String> refused = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
            assertThat(refused.statusCode()).as(as).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(errors(refused)).as(as).containsExactly(refusal);
            HttpResponse<String> withMore = http().postJson("/api/v1/bookings",
                body.replace("controlled@example.org", "not-an-address"), "Idempotency-Key", key);
            assertThat(errors(withMore)).as(as + ", with the body's problems").contains(refusal)
                .anySatisfy(e -> assertThat(e).containsEntry("field", "contact.email"));
        }
        HttpResponse<String> german = http().postJson("/api/v1/bookings", body.replace("\"language\":\"en\"",
            "\"language\":\"de\""), "Idempotency-Key", "order\t4711");
        assertThat(errors(german)).containsExactly(Map.of("field", "Idempotency-Key", "message",
            "Der Idempotency-Key darf nur druckbare Zeichen in einer Zeile enthalten: keine Tabulatoren, "
                + "Zeilenumbrüche oder anderen Steuerzeichen."));
        // too long is told its length, whatever it holds
        assertThat(errors(http().postJson("/api/v1/bookings", body, "Idempotency-Key",
            "x".repeat(50) + "\t" + "x".repeat(51))))
            .containsExactly(Map.of("field", "Idempotency-Key",
                "message", "The Idempotency-Key must be 1 to 100 characters long."));
        assertThat(bookingsOf(s)).as("nothing stored").isZero();
    }

    /** A booking request written byte for byte, its key's characters as ISO-8859-1 bytes; the whole answer. */
    private String rawBooking(String body, String key) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(15_000);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + key + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A move spends the booking's token. Repeating the first request with its key afterwards must not hand out the
     * first answer's token (it opens nothing any more): the answer says the booking was changed and its link replaced.
     */
    @Test
    void aRepeatedRequestAfterAMoveSaysItsLinkWasReplacedInsteadOfHandingOutADeadToken() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        String key = "moved-" + UUID.randomUUID();
        String body = english(body(s, at(day, 9, 0), null, "moved@example.org"));
        HttpResponse<String> first = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        Map<String, Object> made = http().map(first);
        HttpResponse<String> moved = http().postJson("/api/v1/bookings/" + made.get("id") + "/reschedule",
            "{\"token\":\"" + made.get("token") + "\",\"start\":\"" + at(day, 11, 0) + "\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        String newToken = (String) http().map(moved).get("token");

        HttpResponse<String> again = http().postJson("/api/v1/bookings", body, "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(errors(again)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "Idempotency-Key");
            assertThat((String) e.get("message")).contains("changed since", "replaced");
        });
        // neither the dead token nor the new one is in the answer; nothing was booked again, the move stands
        assertThat(again.body()).doesNotContain((String) made.get("token")).doesNotContain(newToken);
        assertThat(bookingsOf(s)).isEqualTo(1);
        assertThat(http().map(http().get("/api/v1/bookings/" + made.get("id") + "?token=" + newToken)))
            .containsEntry("start", at(day, 11, 0));
    }

    /** A self-check is attached to a booking only by its id together with its private token. */
    @Test
    void aBookingAttachesASelfCheckOnlyWithItsPrivateToken() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        // the victim's check, shared with the agency of its location (Dortmund), not with the booking's agency
        CompletedChecks.Completed victim = CompletedChecks.of(questionnaires.current()).named("Opfer Metall GmbH")
            .at("44135").contact("Vera Opfer", "vera-" + UUID.randomUUID() + "@opfer.example").sharedWithAgency()
            .submit(http);
        CompletedChecks.Completed own = CompletedChecks.of(questionnaires.current()).named("Angreifer GmbH")
            .at("58452").contact("Anton Angreifer", "anton@angreifer.example").submit(http);
        String shared = "\"consent\":{\"shareWithAgency\":true},\"language\":\"en\"";
        String base = body(s, at(day, 9, 0), null, "anton@angreifer.example").replace("\"language\":\"de\"", shared);

        HttpResponse<String> idAlone = http.postJson("/api/v1/bookings",
            base.replace(shared, shared + ",\"assessmentId\":\"" + victim.id() + "\""));
        HttpResponse<String> wrongToken = http.postJson("/api/v1/bookings",
            base.replace(shared, shared + ",\"assessmentId\":\"" + victim.id() + "\",\"assessmentToken\":\""
                + own.token() + "\""));
        HttpResponse<String> unknownId = http.postJson("/api/v1/bookings",
            base.replace(shared, shared + ",\"assessmentId\":\"" + UUID.randomUUID() + "\",\"assessmentToken\":\""
                + own.token() + "\""));
        HttpResponse<String> unknownIdAlone = http.postJson("/api/v1/bookings",
            base.replace(shared, shared + ",\"assessmentId\":\"" + UUID.randomUUID() + "\""));
        for (HttpResponse<String> refused : List.of(idAlone, wrongToken, unknownId, unknownIdAlone)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            // the very same answer whether the id exists or not: nobody learns which ids exist
            assertThat(refused.body()).isEqualTo(idAlone.body());
        }
        assertThat(errors(idAlone)).containsExactly(Map.of("field", "assessmentId",
            "message", "There is no self-check with this id and token (assessmentToken)."));
        // nothing stored: no booking, and no lead at the booking's agency carrying the victim's check
        assertThat(bookingsOf(s)).isZero();
        assertThat(db().value("SELECT COUNT(*) FROM agency_lead WHERE agency_id = ?", s.agencyId())).isEqualTo(0L);
        assertThat(db().value("SELECT COUNT(*) FROM agency_lead WHERE assessment_id = ? AND (agency_id IS NULL"
            + " OR agency_id <> 'wf-dortmund')", victim.id())).isEqualTo(0L);

        // the company itself, with its check's token: the booking carries the check, the lead its data
        HttpResponse<String> legitimate = http.postJson("/api/v1/bookings",
            base.replace("anton@angreifer.example", "vera@opfer.example").replace(shared, shared
                + ",\"assessmentId\":\"" + victim.id() + "\",\"assessmentToken\":\"" + victim.token() + "\""));
        assertThat(legitimate.statusCode()).as(legitimate.body()).isEqualTo(201);
        assertThat(db().value("SELECT assessment_id FROM booking WHERE agency_id = ?", s.agencyId())).isEqualTo(victim.id());
        assertThat(db().value("SELECT assessment_id FROM agency_lead WHERE agency_id = ?", s.agencyId()))
            .isEqualTo(victim.id());
        assertThat(bookingsOf(s)).isEqualTo(1);
    }

    /**
     * One check, two coaches, several tabs at the same moment: the check gets one appointment at a time, never two that
     * overlap (one with each coach, as an exploratory test found), and the others are told why (422 at {@code start},
     * naming the check's appointment). Appointments one after the other stay possible; a move onto the other
     * appointment's time is refused the same way.
     */
    @Test
    void oneChecksAppointmentsNeverOverlapEvenFromRacingTabsButMayFollowEachOther() throws Exception {
        Setup s = agencyWithCoaches(2, 0);
        LocalDate day = bookableDay();
        Http http = http();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Zwei Tabs GmbH")
            .at("44135").contact("Tina Tab", "tina-" + UUID.randomUUID() + "@tabs.example").submit(http);
        String withCheck = "\"language\":\"de\",\"assessmentId\":\"" + check.id() + "\",\"assessmentToken\":\""
            + check.token() + "\"";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add(body(s, at(day, 10, 0), s.coachIds().get(i % 2), "tab" + i + "-" + UUID.randomUUID()
                + "@tabs.example").replace("\"language\":\"de\"", withCheck));
        }
        // one booking first (at another time, without the check): a JVM's first booking prepares its mail templates
        // inside its transaction, and the racers' lock waits would time out behind it on a busy machine
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 16, 0), s.coachIds().get(0),
            "warm-" + UUID.randomUUID() + "@tabs.example")).statusCode()).isEqualTo(201);
        Race race = race(bodies);
        assertThat(race.wins()).as("one appointment of the check at 10:00").isEqualTo(1);
        assertThat(db().value("SELECT COUNT(*) FROM booking WHERE assessment_id = ? AND status = 'CONFIRMED'",
            check.id())).isEqualTo(1L);
        Map<String, Object> won = http.map(race.answers().stream().filter(a -> a.statusCode() == 201).findFirst()
            .orElseThrow());
        Map<String, Object> overlap = Map.of("field", "start", "message", "Zu dieser Zeit hat dieser Selbstcheck schon"
            + " einen Termin (10:00 Uhr bei " + bookings.find((String) won.get("id"), (String) won.get("token"))
            .coachName() + "). Zwei Termine zur selben Zeit kann niemand wahrnehmen; bitte wählen Sie eine Zeit, die"
            + " sich damit nicht überschneidet.");
        assertThat(race.answers()).filteredOn(a -> a.statusCode() != 201).hasSize(5).allSatisfy(a -> {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(422);
            assertThat(errors(a)).containsExactly(overlap);
        });

        // a first talk and, right after it, a second appointment (with the other coach): both kept
        String other = s.coachIds().stream().filter(c -> !c.equals(db().value("SELECT coach_id FROM booking WHERE id = ?",
            won.get("id")))).findFirst().orElseThrow();
        HttpResponse<String> later = http.postJson("/api/v1/bookings", body(s, at(day, 11, 0), other,
            "later-" + UUID.randomUUID() + "@tabs.example").replace("\"language\":\"de\"", withCheck));
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        String id = (String) http.map(later).get("id");
        String token = (String) http.map(later).get("token");
        // moved onto the first appointment's time (its coach is free then): refused, the appointment stays
        HttpResponse<String> onto = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 10, 30) + "\"}");
        assertThat(onto.statusCode()).as(onto.body()).isEqualTo(422);
        assertThat(errors(onto)).containsExactly(overlap);
        assertThat(db().value("SELECT start_at FROM booking WHERE id = ?", id)).isNotNull();
        assertThat(http.get("/api/v1/bookings/" + id + "?token=" + token).statusCode()).as("nothing changed")
            .isEqualTo(200);
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token
            + "\",\"start\":\"" + at(day, 14, 0) + "\"}").statusCode()).isEqualTo(200);
        assertThat(db().value("SELECT COUNT(*) FROM booking WHERE assessment_id = ? AND status = 'CONFIRMED'",
            check.id())).isEqualTo(2L);

        // what the pages show of them: CheckAppointmentsPagesIntegrationTest
    }

    /** Dates and times no calendar can hold: a 400 where they are read (never a 500); a far but real time a 422. */
    @Test
    void datesAtTheExtremesAreRefusedWhereTheyAreReadAndStoreNothing() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String slots = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + s.typeId();
        HttpResponse<String> min = http.get(slots + "&from=-999999999-01-01&to=-999999999-01-02", "Accept-Language", "en");
        assertThat(min.statusCode()).as(min.body()).isEqualTo(400);
        assertThat(min.body()).contains("\"field\":\"from\"", "between 1900 and 2999");
        assertThat(http.get(slots + "&from=%2B999999999-12-30&to=%2B999999999-12-31").statusCode()).isEqualTo(400);
        assertThat(http.get(slots + "&from=2999-12-30&to=%2B999999999-12-31").statusCode()).isEqualTo(400);
        assertThat(http.get(slots + "&from=1899-12-31&to=1900-01-01").statusCode()).isEqualTo(400);
        // the last day that can be read: nothing free so far ahead, but an answer
        HttpResponse<String> last = http.get(slots + "&from=2999-12-30&to=2999-12-31");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat((List<?>) http.map(last).get("slots")).isEmpty();

        for (String extreme : List.of("+999999999-12-31T23:59:59+01:00", "-999999999-01-01T00:00:00+01:00",
            "+1000000000-01-01T00:00:00Z", "3000-01-01T00:00:00+01:00")) {
            HttpResponse<String> refused = http.postJson("/api/v1/bookings",
                english(body(s, extreme, null, "far@example.org")));
            assertThat(refused.statusCode()).as(extreme + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"start\"");
        }
        // a real time beyond the booking window
        HttpResponse<String> beyond = http.postJson("/api/v1/bookings", english(body(s, "2999-12-31T10:00:00+01:00",
            null, "far@example.org")));
        assertThat(beyond.statusCode()).isEqualTo(422);
        assertThat(bookingsOf(s)).isZero();

        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, "x@example.org")));
        for (String extreme : List.of("+999999999-12-31T23:59:59+01:00", "-999999999-01-01T00:00:00+01:00")) {
            HttpResponse<String> refused = http.postJson("/api/v1/bookings/" + made.get("id") + "/reschedule",
                "{\"token\":\"" + made.get("token") + "\",\"start\":\"" + extreme + "\"}");
            assertThat(refused.statusCode()).as(extreme + ": " + refused.body()).isEqualTo(400);
        }
        assertThat(http.postJson("/api/v1/bookings/" + made.get("id") + "/reschedule",
            "{\"token\":\"" + made.get("token") + "\",\"start\":\"2999-12-31T10:00:00+01:00\"}").statusCode())
            .isEqualTo(422);
        // the booking stays as it was, its token still valid
        assertThat(http.map(http.get("/api/v1/bookings/" + made.get("id") + "?token=" + made.get("token"))))
            .containsEntry("start", at(day, 9, 0));
        assertThat(bookingsOf(s)).isEqualTo(1);

        // the booking pages' week and time: the extremes are not understood (this week, saying so), never a 500
        for (String page : List.of("/termin/" + s.agencyId() + "?type=" + s.typeId() + "&woche=%2B999999999-12-31",
            "/termin/" + s.agencyId() + "?type=" + s.typeId() + "&woche=-999999999-01-01",
            "/termin/" + s.agencyId() + "?type=" + s.typeId() + "&start=%2B1000000000-01-01T00:00:00Z",
            "/termin/buchung/" + made.get("id") + "/verschieben?token=" + made.get("token") + "&woche=%2B999999999-12-31",
            "/termin/buchung/" + made.get("id") + "/verschieben?token=" + made.get("token")
                + "&start=%2B1000000000-01-01T00:00:00Z")) {
            assertThat(http.get(page).statusCode()).as(page).isEqualTo(400);
        }
    }

    @Test
    void anUnknownLanguageIsRefusedWithAFieldErrorAndStoresNothing() {
        Setup s = agencyWithCoaches(1, 0);
        HttpResponse<String> refused = http().postJson("/api/v1/bookings",
            body(s, at(bookableDay(), 9, 0), null, "lang@example.org").replace("\"language\":\"de\"", "\"language\":\"xx\""),
            "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(errors(refused)).containsExactly(Map.of("field", "language",
            "message", "Unknown language: de and en are allowed."));
        assertThat(bookingsOf(s)).isZero();
    }

    /**
     * Codes are read as documented (api.md, "Language of messages"): a postal code or a language with spaces around it
     * ({@code " 44135"}, {@code "en "}) was trimmed and booked; it is a {@code 422} naming the field, in the request's
     * language, nothing stored. Names and addresses are no codes and keep their trimming.
     */
    @Test
    void aCodeWithSpacesAroundItIsRefusedNamingTheField() {
        Setup s = agencyWithCoaches(1, 0);
        String body = english(body(s, at(bookableDay(), 9, 0), null, "spaces@example.org"));
        String spaces = "Please give this code exactly as documented, without spaces before or after it.";
        for (String postalCode : List.of(" 44135", "44135 ", "\\t44135")) {
            HttpResponse<String> refused = http().postJson("/api/v1/bookings",
                body.replace("\"postalCode\":\"44135\"", "\"postalCode\":\"" + postalCode + "\""));
            assertThat(refused.statusCode()).as(postalCode).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(errors(refused)).as(postalCode).contains(Map.of("field", "company.postalCode", "message",
                postalCode.startsWith("\\t") ? "Please use printable characters on one line only: no line breaks or control characters."
                    : spaces));
        }
        for (String language : List.of("en ", " en", " EN ")) {
            HttpResponse<String> refused = http().postJson("/api/v1/bookings",
                body.replace("\"language\":\"en\"", "\"language\":\"" + language + "\""), "Accept-Language", "de");
            assertThat(refused.statusCode()).as(language).isEqualTo(422);
            assertThat(errors(refused)).as(language).containsExactly(Map.of("field", "language", "message",
                "Bitte geben Sie diesen Code genau wie beschrieben an, ohne Leerzeichen davor oder danach."));
        }
        assertThat(bookingsOf(s)).as("nothing stored").isZero();
        HttpResponse<String> made = http().postJson("/api/v1/bookings", body.replace("\"name\":\"Race GmbH\"",
            "\"name\":\" Race GmbH \""));
        assertThat(made.statusCode()).as("a name with spaces around it is a name: " + made.body()).isEqualTo(201);
    }

    /**
     * A language code in capitals is that language, as {@code lang=EN} is (api.md, "Language of messages": language
     * tags are case-insensitive): the booking is English and kept as {@code en}, its messages are English. A code
     * that is no language stays a {@code 422} (above).
     */
    @Test
    void aLanguageCodeInCapitalsIsThatLanguage() {
        Setup s = agencyWithCoaches(1, 0);
        Http http = http();
        HttpResponse<String> made = http.postJson("/api/v1/bookings", body(s, at(bookableDay(), 9, 0), null,
            "caps@example.org").replace("\"language\":\"de\"", "\"language\":\"EN\""));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        assertThat((String) http.map(made).get("manageUrl")).endsWith("&lang=en");
        assertThat(db().value("SELECT language FROM booking WHERE id = ?", id)).isEqualTo("en");
        HttpResponse<String> refused = http.postJson("/api/v1/bookings", body(s, at(bookableDay(), 9, 0), null,
            "caps@example.org").replace("\"language\":\"de\"", "\"language\":\"De\"")
            .replace("\"name\":\"Race GmbH\"", "\"name\":\"\""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(errors(refused)).contains(Map.of("field", "company.name", "message", "Bitte füllen Sie dieses Feld aus."));
        assertThat(bookingsOf(s)).isOne();
    }

    /**
     * The body's {@code language} comes first (api.md, "Language of messages"), for the 404s too: an unknown agency, a
     * type of another agency and an unknown type were German whatever the body asked for. Without a language in the
     * body, the header's still counts; a German body is German against an English header.
     */
    @Test
    void theNotFoundAnswersOfABookingFollowTheBodysLanguage() {
        Setup s = agencyWithCoaches(1, 0);
        Setup other = agencyWithCoaches(1, 0);
        String body = body(s, at(bookableDay(), 9, 0), null, "lang404@example.org");
        HttpResponse<String> agency = http().postJson("/api/v1/bookings",
            english(body).replace(s.agencyId(), "no-such-agency"));
        assertThat(agency.statusCode()).isEqualTo(404);
        assertThat(agency.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
            assertThat(t).startsWith("application/problem+json"));
        assertThat(http().map(agency)).containsEntry("title", "Not found")
            .containsEntry("detail", "There is no agency with this id.");
        for (String typeId : List.of(other.typeId(), UUID.randomUUID().toString())) {
            HttpResponse<String> type = http().postJson("/api/v1/bookings", english(body).replace(s.typeId(), typeId),
                "Accept-Language", "de");
            assertThat(type.statusCode()).as(typeId).isEqualTo(404);
            assertThat(http().map(type)).as(typeId).containsEntry("title", "Not found")
                .containsEntry("detail", "This agency has no bookable appointment type with this id.");
        }
        HttpResponse<String> german = http().postJson("/api/v1/bookings?lang=en",
            body.replace(s.agencyId(), "no-such-agency"), "Accept-Language", "en");
        assertThat(http().map(german)).containsEntry("title", "Nicht gefunden");
        HttpResponse<String> header = http().postJson("/api/v1/bookings",
            body.replace(",\"language\":\"de\"", "").replace(s.agencyId(), "no-such-agency"), "Accept-Language", "en");
        assertThat(header.statusCode()).isEqualTo(404);
        assertThat(http().map(header)).containsEntry("title", "Not found");
        assertThat(bookingsOf(s)).isZero();
        assertThat(bookingsOf(other)).isZero();
    }

    @Test
    void aCoachWhoDoesNotOfferTheTypeIsNamedByTheSlotsParameterCoach() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        HttpResponse<String> refused = http().get("/api/v1/slots?agency=" + s.agencyId() + "&type=" + s.typeId()
            + "&from=" + day + "&to=" + day + "&coach=" + UUID.randomUUID());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(errors(refused)).extracting(e -> e.get("field")).containsExactly("coach");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors(HttpResponse<String> problem) {
        return (List<Map<String, Object>>) http().map(problem).get("errors");
    }

    /**
     * A client that retries at once (its first request timed out on its side, say) sends the same key several times
     * at the same moment: one booking, and every answer is that booking — not a 409 for the time its own first
     * request just took.
     */
    @Test
    void theSameIdempotencyKeySentSeveralTimesAtOnceBooksOnceAndEveryAnswerIsThatBooking() throws Exception {
        Setup s = agencyWithCoaches(1, 0);
        String key = "retry-" + UUID.randomUUID();
        String body = body(s, at(bookableDay(), 10, 0), null, "retry@example.org");
        List<HttpResponse<String>> answers = AtOnce.times(8,
            () -> http().postJson("/api/v1/bookings", body, "Idempotency-Key", key));
        java.util.Set<Object> ids = new java.util.HashSet<>();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (HttpResponse<String> response : answers) {
            statuses.add(response.statusCode());
            if (response.statusCode() < 300) {
                ids.add(http().map(response).get("id"));
            }
        }
        assertThat(statuses).as("one 201, the repeats 200").containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(ids).as("every answer is the one booking").hasSize(1);
        assertThat(bookingsOf(s)).isEqualTo(1);
    }

    /** A key belongs to the client (the contact) that sent it: another's same key books its own, learns nothing. */
    @Test
    void twoClientsWithTheSameIdempotencyKeyGetTwoBookingsAndNeitherSeesTheOther() {
        Setup s = agencyWithCoaches(2, 0);
        LocalDate day = bookableDay();
        String key = "shared-" + UUID.randomUUID();
        HttpResponse<String> first = http().postJson("/api/v1/bookings", body(s, at(day, 9, 0), null,
            "first@example.org"), "Idempotency-Key", key);
        HttpResponse<String> second = http().postJson("/api/v1/bookings", body(s, at(day, 11, 0), null,
            "second@example.org"), "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        Map<String, Object> a = http().map(first);
        Map<String, Object> b = http().map(second);
        assertThat(b.get("id")).isNotEqualTo(a.get("id"));
        assertThat(b.get("token")).isNotEqualTo(a.get("token"));
        assertThat(b.get("start")).isNotEqualTo(a.get("start"));
        assertThat(second.body()).doesNotContain("first@example.org").doesNotContain((String) a.get("id"));
        assertThat(bookingsOf(s)).isEqualTo(2);
        // each client's repeat finds its own booking; the key itself is not stored
        HttpResponse<String> again = http().postJson("/api/v1/bookings", body(s, at(day, 11, 0), null,
            "second@example.org"), "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(http().map(again).get("id")).isEqualTo(b.get("id"));
        assertThat(db().value("SELECT COUNT(*) FROM booking WHERE idempotency_key = ?", key)).isEqualTo(0L);
        assertThat(bookingsOf(s)).isEqualTo(2);
    }

    @Test
    void badInputGetsAClear4xxInTheCallersLanguageAndStoresNothing() {
        Setup s = agencyWithCoaches(2, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String coach = s.coachIds().get(0);
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach, "x@example.org").replace(s.agencyId(),
            "no-such-agency"), "Accept-Language", "en").statusCode()).isEqualTo(404);
        HttpResponse<String> unknownType = http.postJson("/api/v1/bookings",
            body(s, at(day, 9, 0), coach, "x@example.org").replace(s.typeId(), UUID.randomUUID().toString()));
        assertThat(unknownType.statusCode()).isEqualTo(404);
        assertThat(unknownType.body()).contains("Terminart");
        HttpResponse<String> malformed = http.postJson("/api/v1/bookings",
            body(s, "next tuesday", coach, "x@example.org"), "Accept-Language", "en");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("ISO 8601");
        HttpResponse<String> past = http.postJson("/api/v1/bookings",
            english(body(s, at(LocalDate.now(BERLIN).minusDays(3), 9, 0), coach, "x@example.org")));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("lies in the past");
        HttpResponse<String> far = http.postJson("/api/v1/bookings",
            body(s, at(LocalDate.now(BERLIN).plusDays(90), 9, 0), coach, "x@example.org"));
        assertThat(far.statusCode()).isEqualTo(422);
        assertThat(far.body()).contains("im Voraus");
        HttpResponse<String> offGrid = http.postJson("/api/v1/bookings", body(s, at(day, 9, 10), coach, "x@example.org"));
        assertThat(offGrid.statusCode()).isEqualTo(422);
        HttpResponse<String> badContact = http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach, "not-an-email"));
        assertThat(badContact.statusCode()).isEqualTo(422);
        assertThat(badContact.body()).contains("contact.email");
        // a postal code the table does not know (the type is a phone call: no visit, but a company of this country)
        HttpResponse<String> unknownPlace = http.postJson("/api/v1/bookings", english(body(s, at(day, 9, 0), coach,
            "x@example.org").replace("\"postalCode\":\"44135\"", "\"postalCode\":\"99999\"")));
        assertThat(unknownPlace.statusCode()).as(unknownPlace.body()).isEqualTo(422);
        assertThat(http.map(unknownPlace).get("errors")).asList().containsExactly(Map.of("field", "company.postalCode",
            "message", "We do not know this postal code. Please check it."));
        // a coach of the agency who does not offer the type
        AppointmentType onlyFirst = calendars.saveType(s.agencyId(), null, new Calendars.TypeInput("Nur A", "Only A",
            "30", "PHONE", "0", List.of(s.coachIds().get(0)), true), List.of());
        HttpResponse<String> notOffered = http.postJson("/api/v1/bookings", english(body(s, at(day, 9, 0),
            s.coachIds().get(1), "x@example.org").replace(s.typeId(), onlyFirst.id())));
        assertThat(notOffered.statusCode()).isEqualTo(422);
        assertThat(notOffered.body()).contains("does not offer");
        assertThat(http.postJson("/api/v1/bookings", "{not json").statusCode()).isEqualTo(400);
        assertThat(bookingsOf(s)).isZero();
        // a slot that is not free
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach, "x@example.org")).statusCode())
            .isEqualTo(201);
        HttpResponse<String> taken = http.postJson("/api/v1/bookings", english(body(s, at(day, 9, 30), coach,
            "y@example.org")));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("no longer free");
        assertThat(bookingsOf(s)).isEqualTo(1);
    }

    @Test
    void typesAndSlotsAsTheApiDescribesThem() {
        Setup s = agencyWithCoaches(2, 2);
        LocalDate day = bookableDay();
        Http http = http();
        List<Object> types = http.list(http.get("/api/v1/appointment-types?agency=" + s.agencyId() + "&lang=en"));
        assertThat(types).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> type = (Map<String, Object>) types.get(0);
        assertThat(type).containsEntry("name", "First talk").containsEntry("durationMinutes", 60)
            .containsEntry("mode", "VIDEO");
        assertThat(http.get("/api/v1/appointment-types?agency=nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/appointment-types").statusCode()).isEqualTo(400);
        String slotsPath = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + s.typeId() + "&from=" + day + "&to=" + day;
        Map<String, Object> slots = http.map(http.get(slotsPath + "&coach=" + s.coachIds().get(0)));
        assertThat(slots).containsEntry("timeZone", "Europe/Berlin");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) slots.get("slots");
        // 08:00 to 17:00 every 30 minutes
        assertThat(list).hasSize(19);
        assertThat(list.get(0)).containsEntry("start", at(day, 8, 0)).containsEntry("end", at(day, 9, 0))
            .containsEntry("coachId", s.coachIds().get(0)).containsEntry("mode", "VIDEO");
        assertThat(OffsetDateTime.parse((String) list.get(0).get("start")).toInstant())
            .isEqualTo(day.atTime(8, 0).atZone(BERLIN).toInstant());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> both = (List<Map<String, Object>>) http.map(http.get(slotsPath)).get("slots");
        assertThat(both).hasSize(38);
        // daily limit 2: after two bookings the coach offers nothing more that day
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 8, 0), s.coachIds().get(0), "d1@example.org"))
            .statusCode()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 15, 0), s.coachIds().get(0), "d2@example.org"))
            .statusCode()).isEqualTo(201);
        assertThat((List<?>) http.map(http.get(slotsPath + "&coach=" + s.coachIds().get(0))).get("slots")).isEmpty();
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 12, 0), s.coachIds().get(0), "d3@example.org"))
            .statusCode()).isEqualTo(409);
        assertThat(http.get(slotsPath.replace("&to=" + day, "&to=" + day.plusDays(100))).statusCode()).isEqualTo(422);
        assertThat(http.get(slotsPath.replace("&from=" + day, "&from=tomorrow")).statusCode()).isEqualTo(400);
        assertThat(http.get(slotsPath + "&coach=" + UUID.randomUUID()).statusCode()).isEqualTo(422);
    }

    /**
     * An active type that no coach offers is not offered to companies (the API's list, the booking page): they would
     * find no time. A link to it finds none and books nothing. Once a coach offers it, it is listed.
     */
    @Test
    void aTypeNoCoachOffersIsNotOfferedToCompanies() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        AppointmentType nobodys = calendars.saveType(s.agencyId(), null, new Calendars.TypeInput("Niemandes Termin",
            "Nobody’s appointment", "30", "PHONE", "0", List.of(), true), List.of());
        assertThat(calendars.typesOf(s.agencyId())).extracting(AppointmentType::id).contains(nobodys.id());
        assertThat(bookings.typesOf(s.agencyId())).extracting(AppointmentType::id).containsExactly(s.typeId());
        assertThat(http.get("/api/v1/appointment-types?agency=" + s.agencyId()).body()).contains(s.typeId())
            .doesNotContain(nobodys.id()).doesNotContain("Niemandes");
        assertThat(http.get("/termin/" + s.agencyId()).body()).contains(s.typeId()).doesNotContain(nobodys.id())
            .doesNotContain("Niemandes Termin");
        String slots = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + nobodys.id() + "&from=" + day + "&to=" + day;
        assertThat((List<?>) http.map(http.get(slots)).get("slots")).isEmpty();
        HttpResponse<String> refused = http.postJson("/api/v1/bookings", english(body(s, at(day, 9, 0), null,
            "nobody@example.org").replace(s.typeId(), nobodys.id())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(bookingsOf(s)).isZero();

        calendars.saveType(s.agencyId(), nobodys.id(), new Calendars.TypeInput("Niemandes Termin",
            "Nobody’s appointment", "30", "PHONE", "0", List.of(s.coachIds().get(0)), true), List.of());
        assertThat(http.get("/api/v1/appointment-types?agency=" + s.agencyId()).body()).contains(nobodys.id());
        assertThat((List<?>) http.map(http.get(slots)).get("slots")).isNotEmpty();
    }

    /**
     * A company or contact name of nothing visible (no-break and zero-width spaces, joiners) is no name: 422 naming
     * the field, in the request's language, nothing stored; a real name with such spaces around it books.
     */
    @Test
    void aNameOfNothingVisibleIsRefused() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String coach = s.coachIds().get(0);
        HttpResponse<String> company = http.postJson("/api/v1/bookings", english(body(s, at(day, 9, 0), coach,
            "nbsp@example.org").replace("Race GmbH", "\\u00a0\\u200b\\u00a0")));
        assertThat(company.statusCode()).isEqualTo(422);
        assertThat(company.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(company.body()).contains("company.name", "Please enter visible characters");
        HttpResponse<String> contact = http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach,
            "zwsp@example.org").replace("Rita Race", "\\u200b\\u2060\\u200d"));
        assertThat(contact.statusCode()).isEqualTo(422);
        assertThat(contact.body()).contains("contact.name", "Bitte geben Sie sichtbare Zeichen ein")
            .doesNotContain("company.name");
        assertThat(bookingsOf(s)).isZero();
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach, "real@example.org")
            .replace("Rita Race", "\\u00a0Rita Race\\u200b")).statusCode()).isEqualTo(201);
        assertThat(bookingsOf(s)).isEqualTo(1);
    }

    /**
     * A coach is offered for a type only if they meet companies in its mode (their profile's modes): a coach who only
     * phones gets no visit at the company in the slots, the booking page's choice of coaches, a booking with or
     * without their id, nor a move to it; the same rule as for a blocked coach. A type whose coaches all lack its
     * mode is not offered to companies. Once the coach adds the mode, the same requests book.
     */
    @Test
    void aCoachIsOfferedOnlyForTypesWhoseModeTheyOffer() {
        Setup s = agencyWithCoaches(2, 0);
        String phoneOnly = s.coachIds().get(0);
        String visiting = s.coachIds().get(1);
        coachProfiles.update(phoneOnly, "Paula Phone", "", List.of("PHONE"), List.of());
        AppointmentType visit = calendars.saveType(s.agencyId(), null, new Calendars.TypeInput("Besuch", "Visit",
            "60", "ON_SITE", "0", s.coachIds(), true), List.of());
        LocalDate day = bookableDay();
        Http http = http();
        String slots = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + visit.id() + "&from=" + day + "&to=" + day;
        List<?> free = (List<?>) http.map(http.get(slots)).get("slots");
        assertThat(free).isNotEmpty().allSatisfy(slot -> assertThat(((Map<?, ?>) slot).get("coachId")).isEqualTo(visiting));
        assertThat(http.get(slots + "&coach=" + phoneOnly).statusCode()).isEqualTo(422);
        assertThat(bookings.offeredBy(visit)).containsExactly(visiting);
        assertThat(http.get("/termin/" + s.agencyId() + "?type=" + visit.id()).body()).contains(visiting)
            .doesNotContain(phoneOnly).doesNotContain("Paula Phone");
        // the video talk of the same agency: the phoning coach offers no video either
        assertThat(bookings.offeredBy(bookings.type(s.agencyId(), s.typeId()))).containsExactly(visiting);

        String visitBody = english(body(s, at(day, 9, 0), phoneOnly, "visit@example.org")
            .replace(s.typeId(), visit.id()).replace("\"company\":{\"name\":\"Race GmbH\",\"postalCode\":\"44135\"}",
                "\"company\":{\"name\":\"Race GmbH\",\"postalCode\":\"44135\",\"street\":\"Rennweg 1\","
                + "\"town\":\"Dortmund\"}"));
        HttpResponse<String> chosen = http.postJson("/api/v1/bookings", visitBody);
        assertThat(chosen.statusCode()).isEqualTo(422);
        assertThat(chosen.body()).contains("coachId").contains("does not offer");
        assertThat(bookingsOf(s)).isZero();
        // any coach: the visiting coach takes it, never the phoning one
        HttpResponse<String> any = http.postJson("/api/v1/bookings",
            visitBody.replace("\"coachId\":\"" + phoneOnly + "\",", ""));
        assertThat(any.statusCode()).as(any.body()).isEqualTo(201);
        assertThat(db().value("SELECT coach_id FROM booking WHERE agency_id = ?", s.agencyId())).isEqualTo(visiting);
        Map<String, Object> made = http.map(any);

        // the visiting coach stops visiting: the type is not offered any more, a booking is refused
        coachProfiles.update(visiting, "Vera Visit", "", List.of("VIDEO"), List.of());
        assertThat(http.get("/api/v1/appointment-types?agency=" + s.agencyId()).body()).contains(s.typeId())
            .doesNotContain(visit.id());
        assertThat((List<?>) http.map(http.get(slots)).get("slots")).isEmpty();
        HttpResponse<String> none = http.postJson("/api/v1/bookings", visitBody.replace("\"coachId\":\"" + phoneOnly
            + "\",", "").replace("visit@", "visit2@").replace(at(day, 9, 0), at(day, 14, 0)));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(bookingsOf(s)).isEqualTo(1);
        // nor does the booked visit move: the rule of a new booking
        HttpResponse<String> move = http.postJson("/api/v1/bookings/" + made.get("id") + "/reschedule",
            "{\"token\":\"" + made.get("token") + "\",\"start\":\"" + at(day, 15, 0) + "\"}");
        assertThat(move.statusCode()).isEqualTo(422);
        assertThat(http.map(http.get("/api/v1/bookings/" + made.get("id") + "?token=" + made.get("token"))))
            .containsEntry("start", at(day, 9, 0));

        // the phoning coach adds the mode: the same request books with them
        coachProfiles.update(phoneOnly, "Paula Phone", "", List.of("PHONE", "ON_SITE"), List.of());
        assertThat(http.postJson("/api/v1/bookings", visitBody).statusCode()).isEqualTo(201);
        assertThat(bookingsOf(s)).isEqualTo(2);
    }

    @Test
    void rescheduleKeepsIdAndCoachAndCancelFreesTheTime() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        Map<String, Object> a = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, "r1@example.org")));
        Map<String, Object> b = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 13, 0), null, "r2@example.org")));
        String id = (String) a.get("id");
        String token = (String) a.get("token");
        HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 10, 30) + "\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(http.map(moved)).containsEntry("id", id).containsEntry("start", at(day, 10, 30))
            .containsEntry("coach", a.get("coach"));
        // the move spends the token: the answer carries the new one, the old one opens nothing any more
        String old = token;
        token = (String) http.map(moved).get("token");
        assertThat(token).isNotEqualTo(old);
        assertThat((String) http.map(moved).get("manageUrl")).endsWith("?token=" + token);
        assertThat(http.get("/api/v1/bookings/" + id + "?token=" + old).statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + old
            + "\",\"start\":\"" + at(day, 15, 0) + "\"}").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/bookings/" + id + "?token=" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> clash = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 13, 30) + "\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + b.get("token")
            + "\",\"start\":\"" + at(day, 15, 0) + "\"}").statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/bookings/" + b.get("id") + "/cancel", "{\"token\":\"" + b.get("token")
            + "\",\"reason\":\"verhindert\"}").statusCode()).isEqualTo(200);
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", b.get("id"))).isEqualTo("CANCELLED");
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 13, 30) + "\"}").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/bookings/" + id + "?token=wrong").statusCode()).isEqualTo(404);
        assertThat(bookingsOf(s)).isEqualTo(2);
        assertThat(doubleBookings(s)).isZero();
    }

    /** The event the leads module will listen to carries the contact and the consent. */
    /**
     * An English booking's {@code manageUrl} named no language, so the page it opened (in another browser: the app that
     * booked, a phone) was German; it carries {@code lang=en} now, as the English mails' link does, through the answers
     * to reading, moving and cancelling too. A German booking's link stays without it (German is the default).
     */
    @Test
    void anEnglishBookingsManageUrlOpensTheEnglishPage() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        HttpResponse<String> made = http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), null, "en-link@example.org")
            .replace("\"language\":\"de\"", "\"language\":\"en\""));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        String token = (String) http.map(made).get("token");
        String manage = (String) http.map(made).get("manageUrl");
        assertThat(manage).isEqualTo("http://localhost/termin/buchung/" + id + "?token=" + token + "&lang=en");
        // opened where nothing chose a language before: the English page
        String page = new Http(server, json).get(manage.substring("http://localhost".length())).body();
        assertThat(page).contains("lang=\"en\"", "Your appointment is booked").doesNotContain("Ihr Termin ist gebucht");

        assertThat(http.map(http.get("/api/v1/bookings/" + id + "?token=" + token)).get("manageUrl")).isEqualTo(manage);
        HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 10, 30) + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        String newToken = (String) http.map(moved).get("token");
        assertThat(http.map(moved).get("manageUrl"))
            .isEqualTo("http://localhost/termin/buchung/" + id + "?token=" + newToken + "&lang=en");
        HttpResponse<String> cancelled = http.postJson("/api/v1/bookings/" + id + "/cancel",
            "{\"token\":\"" + newToken + "\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat((String) http.map(cancelled).get("manageUrl")).endsWith("&lang=en");

        HttpResponse<String> german = http.postJson("/api/v1/bookings", body(s, at(day, 13, 0), null, "de-link@example.org"));
        assertThat(german.statusCode()).as(german.body()).isEqualTo(201);
        assertThat((String) http.map(german).get("manageUrl")).endsWith("?token=" + http.map(german).get("token"));
    }

    @Test
    void aBookingWithConsentStoresItAndAnnouncesIt() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        String body = body(s, at(day, 9, 0), null, "consent@example.org").replace("\"language\":\"de\"",
            "\"language\":\"en\",\"consent\":{\"shareWithAgency\":true}");
        HttpResponse<String> made = http().postJson("/api/v1/bookings", body);
        assertThat(made.statusCode()).isEqualTo(201);
        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE agency_id = ?", s.agencyId()).get(0);
        assertThat(row).containsEntry("consent_text_version", Bookings.CONSENT_TEXT_VERSION)
            .containsEntry("consent_language", "en").containsEntry("language", "en");
        assertThat(row.get("consent_at")).isNotNull();
        assertThat(row.get("token_hash")).isNotEqualTo(http().map(made).get("token"));
        assertThat(BookingEvents.seen).anyMatch(e -> e.bookingId().equals(row.get("id")) && e.consentShare()
            && e.contactEmail().equals("consent@example.org") && e.agencyId().equals(s.agencyId()));
        HttpResponse<String> without = http().postJson("/api/v1/bookings", body(s, at(day, 13, 0), null, "no@example.org"));
        String id = (String) http().map(without).get("id");
        assertThat(db().value("SELECT consent_at FROM booking WHERE id = ?", id)).isNull();
        assertThat(BookingEvents.seen).anyMatch(e -> e.bookingId().equals(id) && !e.consentShare());
    }

    /** Every day 08:00–18:00 with these buffers (minutes), no notice, a 60-day window, no daily limit. */
    void hoursWithBuffers(Setup s, String coachId, String buffer) {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        calendars.update(coachId, s.agencyId(), new Calendars.CalendarInput(weekly, "", "", buffer, buffer, "0", "60",
            "0", "30"), List.of());
    }

    static String reschedule(Object token, String start) {
        return "{\"token\":\"" + token + "\",\"start\":\"" + start + "\"}";
    }

    @Inject
    BookingChanges changes;

    /**
     * A move is checked like a new booking, and a blocked coach cannot be booked: their appointment cannot be moved
     * either (the same 422 as booking the type when nobody can take it), nothing changes and no time is offered for
     * a move. Unblocked, the same move goes through: the refusal was the block's.
     */
    @Test
    void aBlockedCoachsAppointmentIsNotMovedLikeABlockedCoachIsNotBooked() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String coach = s.coachIds().get(0);
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach,
            "blocked-move@example.org")));
        String id = (String) made.get("id");
        accounts.setDisabled(coach, true, s.agencyId());
        try {
            HttpResponse<String> booked = http.postJson("/api/v1/bookings", english(body(s, at(day, 13, 0), null,
                "blocked-new@example.org")));
            assertThat(booked.statusCode()).isEqualTo(422);
            HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + id + "/reschedule",
                reschedule(made.get("token"), at(day, 13, 0)), "Accept-Language", "en");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(422);
            assertThat(moved.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("problem+json"));
            assertThat(errors(moved)).isEqualTo(errors(booked)).containsExactly(Map.of("field", "start",
                "message", "No appointments are offered at this time."));
            assertThat(http.map(http.get("/api/v1/bookings/" + id + "?token=" + made.get("token"))))
                .as("nothing changed, the token still opens it").containsEntry("start", at(day, 9, 0));
            assertThat(db().value("SELECT sequence_no FROM booking WHERE id = ?", id)).isEqualTo(0);
            assertThat(changes.freeForMove(bookings.find(id, (String) made.get("token")), day, day.plusDays(6)))
                .as("no time to move to").isEmpty();
        } finally {
            accounts.setDisabled(coach, false, s.agencyId());
        }
        assertThat(http.postJson("/api/v1/bookings/" + id + "/reschedule", reschedule(made.get("token"),
            at(day, 13, 0))).statusCode()).isEqualTo(200);
    }

    /**
     * An appointment keeps what was booked when the agency edits its type afterwards: booked as a 60-minute video
     * talk, it moves as one after the type became a 90-minute phone call — and after the type was switched off for new
     * bookings (it moved as a 90-minute video talk before, and not at all once the coach no longer phoned). The coach
     * must still meet companies the way it was booked: without video, it does not move.
     */
    @Test
    void anAppointmentMovesAsItWasBookedAfterItsTypeWasEdited() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String coach = s.coachIds().get(0);
        String name = accounts.find(coach).orElseThrow().name();
        coachProfiles.update(coach, name, "", List.of("VIDEO"), List.of());
        Map<String, Object> made = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach,
            "edited-type@example.org")));
        String id = (String) made.get("id");
        calendars.saveType(s.agencyId(), s.typeId(), new Calendars.TypeInput("Telefonat", "Phone call", "90", "PHONE",
            "0", List.of(coach), true), List.of());
        assertThat(bookings.offeredBy(calendars.typesOf(s.agencyId()).get(0))).as("nobody phones: no new bookings")
            .isEmpty();

        Booking booked = bookings.find(id, (String) made.get("token"));
        List<FreeSlot> free = changes.freeForMove(booked, day, day);
        assertThat(free).as("times for a 60-minute video talk").isNotEmpty().allSatisfy(f -> {
            assertThat(java.time.Duration.between(f.start(), f.end())).isEqualTo(java.time.Duration.ofMinutes(60));
            assertThat(f.mode()).isEqualTo(MeetingMode.VIDEO);
        });
        // 08:00 to 17:00 every 30 minutes but its own 09:00
        assertThat(free).hasSize(18);
        HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            reschedule(made.get("token"), at(day, 17, 0)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(http.map(moved)).containsEntry("start", at(day, 17, 0)).containsEntry("end", at(day, 18, 0));
        assertThat(db().value("SELECT meeting_mode FROM booking WHERE id = ?", id)).isEqualTo("VIDEO");

        // switched off for new bookings: the appointment made before still moves
        calendars.saveType(s.agencyId(), s.typeId(), new Calendars.TypeInput("Telefonat", "Phone call", "90", "PHONE",
            "0", List.of(coach), false), List.of());
        Object token = http.map(moved).get("token");
        HttpResponse<String> again = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            reschedule(token, at(day, 10, 0)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(http.map(again)).containsEntry("start", at(day, 10, 0)).containsEntry("end", at(day, 11, 0));

        // the coach no longer meets companies by video: it does not move (as a blocked coach's), nothing changes
        coachProfiles.update(coach, name, "", List.of("PHONE"), List.of());
        Object last = http.map(again).get("token");
        HttpResponse<String> refused = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            reschedule(last, at(day, 13, 0)), "Accept-Language", "en");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("No appointments are offered at this time.");
        assertThat(changes.freeForMove(bookings.find(id, (String) last), day, day)).isEmpty();
        assertThat(http.map(http.get("/api/v1/bookings/" + id + "?token=" + last))).containsEntry("start",
            at(day, 10, 0));
    }

    /**
     * A move's 409 suggests the times the move could take: the booking's own time is free for itself (as on the move
     * pages), so the times next to it are offered. A 09:00, B 13:00 (no buffers); B to 09:30 is taken by A.
     */
    @Test
    void aMovesConflictSuggestsTheTimesTheBookingCanMoveTo() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        Http http = http();
        String coach = s.coachIds().get(0);
        hoursWithBuffers(s, coach, "0");
        assertThat(http.postJson("/api/v1/bookings", body(s, at(day, 9, 0), coach, "a@example.org")).statusCode())
            .isEqualTo(201);
        Map<String, Object> b = http.map(http.postJson("/api/v1/bookings", body(s, at(day, 13, 0), coach,
            "b@example.org")));
        HttpResponse<String> clash = http.postJson("/api/v1/bookings/" + b.get("id") + "/reschedule",
            reschedule(b.get("token"), at(day, 9, 30)));
        assertThat(clash.statusCode()).isEqualTo(409);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> free = (List<Map<String, Object>>) http.map(clash).get("freeSlots");
        List<String> thatDay = free.stream().map(f -> (String) f.get("start"))
            .filter(t -> OffsetDateTime.parse(t).atZoneSameInstant(BERLIN).toLocalDate().equals(day)).toList();
        // A (09:00–10:00) blocks 08:30 to 09:30; B's own 13:00 is no time to move to (a 422), the times next to it are
        assertThat(thatDay).containsExactly(at(day, 8, 0), at(day, 10, 0), at(day, 10, 30), at(day, 11, 0),
            at(day, 11, 30), at(day, 12, 0), at(day, 12, 30), at(day, 13, 30), at(day, 14, 0), at(day, 14, 30),
            at(day, 15, 0), at(day, 15, 30), at(day, 16, 0), at(day, 16, 30), at(day, 17, 0));
        assertThat(free).allSatisfy(f -> assertThat(f).containsEntry("coachId", coach));
        assertThat(http.map(http.get("/api/v1/bookings/" + b.get("id") + "?token=" + b.get("token"))))
            .as("the booking stays as it was").containsEntry("start", at(day, 13, 0));
        // and a suggested time next to its own is really free for the move
        assertThat(http.postJson("/api/v1/bookings/" + b.get("id") + "/reschedule", reschedule(b.get("token"),
            at(day, 13, 30))).statusCode()).isEqualTo(200);
        assertThat(doubleBookings(s)).isZero();
    }

    /** At most 62 days per slot search, both ends included: 62 days are answered, 63 are a 422 naming {@code to}. */
    @Test
    void aSlotSearchTakesAtMost62DaysBothEndsIncluded() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate from = LocalDate.of(2026, 12, 1);
        String slots = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + s.typeId() + "&from=" + from;
        assertThat(http().get(slots + "&to=" + from.plusDays(61)).statusCode()).as("62 days").isEqualTo(200);
        assertThat(http().get(slots + "&to=" + from).statusCode()).as("one day").isEqualTo(200);
        HttpResponse<String> tooLong = http().get(slots + "&to=" + LocalDate.of(2027, 2, 1), "Accept-Language", "en");
        assertThat(tooLong.statusCode()).as("63 days").isEqualTo(422);
        assertThat(errors(tooLong)).containsExactly(Map.of("field", "to",
            "message", "Please ask for at most 62 days at once."));
    }

    /**
     * A slot search's answer is bounded whatever it asks: coaches with hours around the clock every day in 5-minute
     * steps give some 17,000 free times each in 62 days; more than {@link Bookings#MAX_SLOTS} are a 422 naming
     * {@code to} in the request's language (it answered them all, several MB), and a search within the bound is
     * answered as before.
     */
    @Test
    void aSlotSearchAnswersAtMostMaxSlotsFreeTimes() {
        Setup s = agencyWithCoaches(3, 0);
        Map<DayOfWeek, String> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            always.put(d, "00:00-24:00");
        }
        for (String coach : s.coachIds()) {
            calendars.update(coach, s.agencyId(), new Calendars.CalendarInput(always, "", "", "0", "0", "0", "365", "0",
                "5"), List.of());
        }
        LocalDate from = bookableDay();
        String slots = "/api/v1/slots?agency=" + s.agencyId() + "&type=" + s.typeId() + "&from=" + from;
        // 22 days of three coaches are over the bound whatever holidays fall in them (15 days were not over Christmas
        // and New Year: about 277 times a day per coach, 12 days without a holiday make 9 972)
        for (String query : List.of("&to=" + from.plusDays(61), "&to=" + from.plusDays(61) + "&coach=" + s.coachIds().get(0),
            "&to=" + from.plusDays(21))) {
            HttpResponse<String> tooMany = http().get(slots + query, "Accept-Language", "en");
            assertThat(tooMany.statusCode()).as(query).isEqualTo(422);
            assertThat(tooMany.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
            assertThat(errors(tooMany)).as(query).containsExactly(Map.of("field", "to", "message",
                "This period has more than 10000 free times: please ask for fewer days at once (or for one coach)."));
        }
        HttpResponse<String> german = http().get(slots + "&to=" + from.plusDays(61));
        assertThat(german.statusCode()).isEqualTo(422);
        assertThat(german.body()).contains("Dieser Zeitraum hat mehr als 10000 freie Termine");
        // within the bound: answered, every free time of the range
        HttpResponse<String> week = http().get(slots + "&to=" + from.plusDays(6));
        assertThat(week.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Object> free = (List<Object>) http().map(week).get("slots");
        assertThat(free).hasSizeGreaterThan(3 * 7 * 200).hasSizeLessThanOrEqualTo(Bookings.MAX_SLOTS);
        HttpResponse<String> oneCoach = http().get(slots + "&to=" + from.plusDays(20) + "&coach=" + s.coachIds().get(0));
        assertThat(oneCoach.statusCode()).isEqualTo(200);
    }

    /**
     * {@code consent.shareWithAgency} is a boolean, as for assessments: another type is a 422 naming the field, and
     * nothing is stored (no booking, no consent, no lead); absent or null shares nothing.
     */
    @Test
    void aConsentThatIsNoBooleanIsRefusedNamingTheFieldAndStoresNothing() {
        Setup s = agencyWithCoaches(1, 0);
        LocalDate day = bookableDay();
        for (String value : List.of("\"true\"", "1", "\"yes\"", "[true]", "{}")) {
            HttpResponse<String> refused = http().postJson("/api/v1/bookings", body(s, at(day, 9, 0), null,
                "consent-type@example.org").replace("\"language\":\"de\"",
                "\"consent\":{\"shareWithAgency\":" + value + "},\"language\":\"en\""));
            assertThat(refused.statusCode()).as(value + ": " + refused.body()).isEqualTo(422);
            assertThat(errors(refused)).as(value).containsExactly(Map.of("field", "consent.shareWithAgency",
                "message", "This value must be true or false."));
        }
        assertThat(bookingsOf(s)).isZero();
        assertThat(db().value("SELECT COUNT(*) FROM agency_lead WHERE agency_id = ?", s.agencyId())).isEqualTo(0L);
        HttpResponse<String> none = http().postJson("/api/v1/bookings", body(s, at(day, 9, 0), null,
            "consent-null@example.org").replace("\"language\":\"de\"",
            "\"consent\":{\"shareWithAgency\":null},\"language\":\"de\""));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(201);
        assertThat(bookingsOf(s)).isEqualTo(1);
        assertThat(db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ? AND consent_share = TRUE",
            s.agencyId())).isEqualTo(0L);
    }

    static Instant instant(String offsetTime) {
        return OffsetDateTime.parse(offsetTime).toInstant();
    }
}
