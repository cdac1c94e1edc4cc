package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.AtOnce;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New bookings per contact address and day ({@code portal.booking.per-address-per-day}, 3 by default): every booking
 * mails its contact address in the agency's name, so one address gets at most three a day, whoever types it in,
 * across all agencies, however it is written (one mailbox: case, spaces, a {@code +} subaddress). The fourth is refused before anything is stored or mailed: the API with 429 and
 * {@code Retry-After}, the booking form at its email field with what was typed. A request repeated with its
 * idempotency key and a booking refused for another reason do not count.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingLimitIntegrationTest implements TestPropertyProvider {

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
    Coaches coachProfiles;
    @Inject
    Bookings bookings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(smtp.portalProperties());
        // the tests' configuration allows many (other tests book many times for one address): here the default's
        properties.put("portal.booking.per-address-per-day", "3");
        return properties;
    }

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    BookableAgency agency() {
        return BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
    }

    static String address(String what) {
        return what + "-" + Long.toHexString(System.nanoTime()) + "@example.org";
    }

    long bookingsOf(String email) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking WHERE LOWER(contact_email) = LOWER(?)", email))
            .longValue();
    }

    HttpResponse<String> book(BookableAgency a, LocalDate day, int hour, String email, String... headers) {
        return http().postJson("/api/v1/bookings", a.body(BookableAgency.at(day, hour), email, false, null), headers);
    }

    @Test
    void theDefaultIsThreeAndTheVariableSetsIt() throws Exception {
        assertThat(bookings.perAddressPerDay()).isEqualTo(3);
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
            .contains("per-address-per-day: ${BOOKINGS_PER_ADDRESS_PER_DAY:3}");
    }

    @Test
    void theFourthBookingOfAnAddressInADayIsRefusedAcrossAgenciesWithNothingStoredOrMailed() throws Exception {
        BookableAgency first = agency();
        BookableAgency second = agency();
        LocalDate day = BookableAgency.bookableWeek(20);
        String victim = address("victim");
        assertThat(book(first, day, 9, victim).statusCode()).isEqualTo(201);
        // the same address however it is written: in another case, with spaces around it, at another agency
        assertThat(book(first, day, 11, victim.toUpperCase()).statusCode()).isEqualTo(201);
        assertThat(book(second, day, 9, " " + victim + " ").statusCode()).isEqualTo(201);
        mails.await(victim, 3);

        HttpResponse<String> fourth = book(second, day, 11, victim);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 25L * 3600);
        Map<String, Object> problem = http().map(fourth);
        assertThat(problem).containsEntry("status", 429).containsEntry("title", "Zu viele Anfragen");
        assertThat((String) problem.get("detail")).contains("heute schon so viele Termine gebucht, wie an einem Tag möglich sind (3)", "contact.email",
            "Retry-After");
        HttpResponse<String> english = http().postJson("/api/v1/bookings", BookingContract.english(
            second.body(BookableAgency.at(day, 13), victim, false, null)));
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("As many appointments as one day allows (3) have already been booked", "Too many requests")
            .doesNotContain("Termine");
        assertThat(bookingsOf(victim)).isEqualTo(3);
        Thread.sleep(1500); // a fourth mail would have arrived by now
        assertThat(mails.to(victim)).hasSize(3);
        assertThat(mails.to(second.coachEmails().get(0))).as("the coach: the one booking of this agency").hasSize(1);

        // another address is not touched by it
        String other = address("other");
        assertThat(book(second, day, 15, other).statusCode()).isEqualTo(201);
    }

    /**
     * One mailbox, however its address is written: {@code name+1@example.org} reaches {@code name@example.org}'s
     * mailbox, and with a subaddress (or another case) each booking got a count of its own, so the limit was walked
     * around (a no-break or zero-width space in an address is refused as no address since). Each booking keeps the
     * address as it was given; an address that is another mailbox (a dot more in the local part) is not touched.
     */
    @Test
    void theLimitCountsOneMailboxHoweverItsAddressIsWritten() {
        BookableAgency a = agency();
        LocalDate day = BookableAgency.bookableWeek(24);
        String local = "plus-" + Long.toHexString(System.nanoTime());
        List<String> spellings = List.of(local + "+1@example.org", local.toUpperCase() + "+Termine@Example.ORG",
            " " + local + "@Example.org ");
        int hour = 9;
        for (String spelling : spellings) {
            HttpResponse<String> made = book(a, day, hour, spelling);
            assertThat(made.statusCode()).as(spelling + ": " + made.body()).isEqualTo(201);
            assertThat(db().value("SELECT contact_email FROM booking WHERE id = ?", http().map(made).get("id")))
                .as("kept as given").isEqualTo(spelling.strip());
            hour += 2;
        }
        for (String another : List.of(local + "@example.org", local + "+2@example.org", local + "@EXAMPLE.ORG")) {
            HttpResponse<String> refused = book(a, day.plusDays(1), 9, another);
            assertThat(refused.statusCode()).as(another + ": " + refused.body()).isEqualTo(429);
        }
        // no-break and zero-width spaces are no part of an address at all (Formats.isEmail): refused as such
        for (String invisible : List.of("\u00a0" + local + "@example.org", "\u200b" + local + "@example.org",
                local + "\u200b@example.org")) {
            HttpResponse<String> refused = book(a, day.plusDays(1), 9, invisible);
            assertThat(refused.statusCode()).as(invisible + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("\"field\":\"contact.email\"");
        }
        assertThat(((Number) db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ?", a.agencyId())).longValue())
            .isEqualTo(3);
        // the local part's dots count: another mailbox at most providers
        assertThat(book(a, day.plusDays(1), 9, local.replace("-", ".") + "@example.org").statusCode()).isEqualTo(201);
    }

    @Test
    void aRepeatedRequestAndARefusedBookingDoNotCount() {
        BookableAgency a = agency();
        LocalDate day = BookableAgency.bookableWeek(21);
        String email = address("repeat");
        String key = UUID.randomUUID().toString();
        assertThat(book(a, day, 9, email, "Idempotency-Key", key).statusCode()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> again = book(a, day, 9, email, "Idempotency-Key", key);
            assertThat(again.statusCode()).as("the booking made before").isEqualTo(200);
        }
        // a time that is taken: 409, nothing stored, nothing counted
        assertThat(book(a, day, 14, address("someone")).statusCode()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(book(a, day, 14, email).statusCode()).isEqualTo(409);
        }
        assertThat(book(a, day.plusDays(1), 9, email).statusCode()).isEqualTo(201);
        assertThat(book(a, day.plusDays(1), 11, email).statusCode()).isEqualTo(201);
        assertThat(bookingsOf(email)).isEqualTo(3);
        assertThat(book(a, day.plusDays(1), 13, email).statusCode()).isEqualTo(429);
        assertThat(book(a, day, 9, email, "Idempotency-Key", key).statusCode())
            .as("the first booking's repetition still answers it").isEqualTo(200);
        assertThat(bookingsOf(email)).isEqualTo(3);
    }

    /**
     * A client retrying at once: the same key and body eight times at the same moment. The repeats held the day's
     * counts while the first was being booked, and three of them were told to come back in nine hours (429) for the
     * one booking they were. Now every answer is that booking, and it counts once.
     */
    @Test
    void theSameKeySentEightTimesAtOnceIsOneBookingEveryAnswerItsAndCountsOnce() throws Exception {
        BookableAgency a = agency();
        LocalDate day = BookableAgency.bookableWeek(23);
        String email = address("retry");
        String key = UUID.randomUUID().toString();
        for (int round = 0; round < 3; round++) {
            String roundKey = key + "-" + round;
            int hour = 9 + 2 * round;
            List<HttpResponse<String>> answers = AtOnce.times(8,
                () -> book(a, day, hour, email, "Idempotency-Key", roundKey));
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round %d: one 201, the repeats 200, no 429", round)
                .containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(answers.stream().map(r -> http().map(r).get("id")).distinct()).hasSize(1);
        }
        assertThat(bookingsOf(email)).isEqualTo(3);
        // the three bookings were the day's three: a fourth, keyed or not, is refused (after its bounded wait)
        HttpResponse<String> fourth = book(a, day, 15, email, "Idempotency-Key", key + "-4");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(book(a, day, 15, email).statusCode()).isEqualTo(429);
        assertThat(bookingsOf(email)).isEqualTo(3);
    }

    @Test
    void eightBookingsOfOneAddressAtOnceMakeThree() throws Exception {
        BookableAgency a = agency();
        LocalDate day = BookableAgency.bookableWeek(22);
        String email = address("burst");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(a.body(BookableAgency.at(day.plusDays(i / 4), 8 + 2 * (i % 4)), email, false, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String body : bodies) {
                Http http = http();
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("/api/v1/bookings", body);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
        assertThat(bookingsOf(email)).isEqualTo(3);
        mails.await(email, 3);
    }

    @Test
    void theBookingFormSaysSoAtTheEmailFieldAndKeepsWhatWasTyped() {
        BookableAgency a = agency();
        LocalDate day = BookableAgency.bookableWeek(23);
        String email = address("form");
        for (int hour : new int[] {9, 11, 13}) {
            assertThat(book(a, day, hour, email).statusCode()).isEqualTo(201);
        }
        Http http = http();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", a.typeId());
        form.put("coach", "any");
        form.put("start", BookingContract.instant(BookableAgency.at(day, 15)).toString());
        form.put("key", UUID.randomUUID().toString());
        form.put("companyName", "Formular & Söhne GmbH");
        form.put("postalCode", "44135");
        form.put("contactName", "Fiona Form");
        form.put("contactEmail", email);
        form.put("contactPhone", "+49 231 555");
        HttpResponse<String> refused = http.postForm("/termin/" + a.agencyId(), form);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("id=\"error-summary\"", "href=\"#booking-contactEmail\"",
                "Für diese E-Mail-Adresse wurden heute schon so viele Termine gebucht, wie an einem Tag möglich sind (3)",
                "value=\"Formular &amp; Söhne GmbH\"", "value=\"Fiona Form\"", "value=\"" + email + "\"",
                "value=\"+49 231 555\"")
            .containsPattern("id=\"booking-contactEmail\"[^>]*aria-invalid=\"true\"");
        assertThat(bookingsOf(email)).isEqualTo(3);

        HttpResponse<String> english = http.postForm("/termin/" + a.agencyId() + "?lang=en", form);
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("As many appointments as one day allows (3) have already been booked for this email address today");
        http.get("/?lang=de"); // back to German for this client's cookie
    }
}
