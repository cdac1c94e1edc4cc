package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company's move form sent twice (a double click, a resend after a slow answer): the first post moved the
 * appointment and answered 303 to its page under the new link, the second 404 "Dieser Link gilt nicht (mehr)" (the
 * first spent the token) — the browser showed the last answer, an error although the appointment had moved, and the
 * new link was only in the discarded 303. Now the form carries a key (as the booking form does), and the very same
 * post again, shortly after, lands on the moved appointment's page under its new link. The spent token opens nothing
 * else: another time, another booking, no key or another key, or after the short while: still the old link's 404.
 */
@MicronautTest(transactional = false)
class MoveSentTwiceIntegrationTest extends BookedAppointmentTests {

    static final int DAY = 26;

    String otherId;
    String otherToken;

    @org.junit.jupiter.api.AfterAll
    void cancelTheOther() {
        new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", otherId);
    }

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        signInAndBook("move-twice", DAY);
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(bookableDay(DAY), 12),
            "move-twice-other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        otherId = (String) http.map(made).get("id");
        otherToken = (String) http.map(made).get("token");
    }

    static String instant(LocalDate day, int hour) {
        return MoveTimeStepIntegrationTest.instant(day, hour, 0);
    }

    /** The confirm step's form for {@code start}, as the page would post it (token, key, start, CSRF token). */
    Map<String, String> confirmForm(Http http, String id, String token, String start) {
        HttpResponse<String> page = http.get("/termin/buchung/" + id + "/verschieben?token=" + Http.enc(token)
            + "&start=" + Http.enc(start));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new HashMap<>();
        for (String name : new String[] {"token", "key", "start"}) {
            if (page.body().contains("name=\"" + name + "\"")) {
                form.put(name, Http.hidden(page.body(), "/termin/buchung/" + id + "/verschieben", name));
            }
        }
        return form;
    }

    static String tokenOf(String location) {
        String raw = location.substring(location.indexOf("token=") + 6).replaceAll("&.*", "");
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    static void stale(HttpResponse<String> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(404);
        assertThat(answer.body()).as(what).contains("Dieser Link gilt nicht (mehr)").doesNotContain("Coach 0 ");
    }

    @Test
    void theMoveSentAgainLandsOnTheMovedAppointmentsPageAndTheSpentTokenOpensNothingElse() {
        Database db = new Database(dataSource);
        Http http = new Http(server, json);
        LocalDate day = bookableDay(DAY);
        String spent = token;
        Map<String, String> form = confirmForm(http, bookingId, spent, instant(day, 14));
        String action = "/termin/buchung/" + bookingId + "/verschieben";

        HttpResponse<String> first = http.postForm(action, form);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        String newToken = tokenOf(location);
        assertThat(newToken).isNotEqualTo(spent);
        Object sequence = db.value("SELECT sequence_no FROM booking WHERE id = ?", bookingId);

        // the same post again: the same answer, the appointment's page under its new link; nothing moved again
        HttpResponse<String> again = http.postForm(action, form);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(location);
        assertThat(form.get("key")).as("the form's key").isNotBlank();
        HttpResponse<String> page = http.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ihr Termin wurde verschoben", "Coach 0 ", "14:00")
            .doesNotContain("Dieser Link gilt nicht (mehr)");
        assertThat(db.value("SELECT sequence_no FROM booking WHERE id = ?", bookingId)).isEqualTo(sequence);
        assertThat(db.value("SELECT token_hash FROM booking WHERE id = ?", bookingId).toString())
            .isEqualTo(de.digitalcheck.portal.shared.security.Tokens.hash(newToken));

        // the spent token is no key to the appointment: not its page, not another time, not without the form's key
        stale(http.get("/termin/buchung/" + bookingId + "?token=" + Http.enc(spent)), "its page");
        Map<String, String> otherTime = new HashMap<>(form);
        otherTime.put("start", instant(day, 15));
        stale(http.postForm(action, otherTime), "another time");
        Map<String, String> noKey = new HashMap<>(form);
        noKey.remove("key");
        stale(http.postForm(action, noKey), "no key");
        Map<String, String> otherKey = new HashMap<>(form);
        otherKey.put("key", UUID.randomUUID().toString());
        stale(http.postForm(action, otherKey), "another key");
        // nor to another booking: the spent token with the other's address, the other's token with this one's
        stale(http.postForm("/termin/buchung/" + otherId + "/verschieben", form), "another booking");
        Map<String, String> othersToken = new HashMap<>(form);
        othersToken.put("token", otherToken);
        stale(http.postForm(action, othersToken), "another booking's token");
        assertThat(db.value("SELECT token_hash FROM booking WHERE id = ?", otherId).toString())
            .isEqualTo(de.digitalcheck.portal.shared.security.Tokens.hash(otherToken));

        // after the short while the repeat is answered as any old link
        db.execute("UPDATE booking SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()
            .minus(BookingChanges.REPEAT_WINDOW).minusSeconds(60)), bookingId);
        stale(http.postForm(action, form), "after the short while");
        token = newToken; // cancelled after the class
    }

    @Test
    void theMoveSentAgainAfterTheAppointmentChangedSinceIsAnOldLink() {
        Database db = new Database(dataSource);
        Http http = new Http(server, json);
        LocalDate day = bookableDay(DAY + 1);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(day, 10),
            "move-twice-third-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        Map<String, String> form = confirmForm(http, id, (String) http.map(made).get("token"), instant(day, 11));
        String action = "/termin/buchung/" + id + "/verschieben";
        HttpResponse<String> first = http.postForm(action, form);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        String newToken = tokenOf(first.headers().firstValue("Location").orElseThrow());
        // moved again with the new link: the first move's form sent again is no longer this appointment's last change
        Map<String, String> second = confirmForm(http, id, newToken, instant(day, 13));
        assertThat(http.postForm(action, second).statusCode()).isEqualTo(303);
        stale(http.postForm(action, form), "moved again since");
        assertThat(db.value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CONFIRMED");
        db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
    }
}
