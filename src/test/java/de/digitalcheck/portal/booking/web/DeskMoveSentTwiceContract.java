package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.support.AtOnce;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's and the staff's move form sent twice (a double click, a resend after a slow answer): the first post
 * moved the appointment and answered 303 to its page, the second was refused, 422 "Der Termin liegt schon zu dieser
 * Zeit" — the browser showed an error although the appointment had moved. Now the form carries a key, as the
 * company's does, and the very same post again, shortly after (or at the same moment), moves nothing and lands on the
 * moved appointment's page. Another time (a later move) moves; another message, no key or another key, or the same post
 * after the short while is refused as before; another agency's appointment stays not found. Run on H2 and
 * MySQL/MariaDB.
 */
abstract class DeskMoveSentTwiceContract extends BookedAppointmentTests {

    static final int DAY = 27;

    BookableAgency other;
    String otherId;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        signInAndBook("desk-twice", DAY);
        other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", other.body(at(bookableDay(DAY), 10),
            "desk-twice-other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        otherId = (String) http.map(made).get("id");
    }

    @AfterAll
    void cancelTheOther() {
        new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", otherId);
    }

    String staffBase() {
        return "/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + bookingId;
    }

    /** The confirm step's form for {@code start}, as the desk's page would post it (key, start, the message typed). */
    static Map<String, String> confirmForm(Http http, String base, String start, String message) {
        HttpResponse<String> page = http.get(base + "?start=" + Http.enc(start));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new HashMap<>();
        if (page.body().contains("name=\"key\"")) {
            form.put("key", Http.hidden(page.body(), base + "/verschieben", "key"));
        }
        form.put("start", Http.hidden(page.body(), base + "/verschieben", "start"));
        form.put("message", message);
        return form;
    }

    /** What the booking's row says of its last change: start, SEQUENCE, token hash, status. */
    List<Object> state(String id) {
        Map<String, Object> row = new Database(dataSource).rows(
            "SELECT start_at, sequence_no, token_hash, status FROM booking WHERE id = ?", id).get(0);
        return List.of(row.get("start_at").toString(), ((Number) row.get("sequence_no")).intValue(),
            row.get("token_hash"), row.get("status"));
    }

    static void sameTime(HttpResponse<String> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(422);
        assertThat(answer.body()).as(what).contains("Der Termin liegt schon zu dieser Zeit");
    }

    @Test
    void theStaffsMoveSentAgainLandsOnTheMovedAppointmentAndALaterMoveStillMoves() {
        Database db = new Database(dataSource);
        LocalDate day = bookableDay(DAY);
        String base = staffBase();
        String action = base + "/verschieben";
        Map<String, String> form = confirmForm(staff, base, MoveTimeStepIntegrationTest.instant(day, 14, 0),
            "Die Coachin ist vormittags unterwegs.");
        List<Object> before = state(bookingId);

        HttpResponse<String> first = staff.postForm(action, form);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        List<Object> moved = state(bookingId);
        assertThat(moved.get(1)).isEqualTo((int) before.get(1) + 1);
        assertThat(moved.get(2)).isNotEqualTo(before.get(2));

        // the same post again: the same answer, the moved appointment's page; nothing moved (or mailed) again
        HttpResponse<String> again = staff.postForm(action, form);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(location);
        assertThat(state(bookingId)).isEqualTo(moved);
        assertThat(form.get("key")).as("the form's key").isNotBlank();
        HttpResponse<String> page = staff.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Der Termin ist verschoben", "14:00").doesNotContain("error-summary");

        // not the same post: another message, no key, another key — a move to the time it has, refused as before
        Map<String, String> otherMessage = new HashMap<>(form);
        otherMessage.put("message", "Etwas anderes.");
        sameTime(staff.postForm(action, otherMessage), "another message");
        Map<String, String> noKey = new HashMap<>(form);
        noKey.remove("key");
        sameTime(staff.postForm(action, noKey), "no key");
        Map<String, String> otherKey = new HashMap<>(form);
        otherKey.put("key", UUID.randomUUID().toString());
        sameTime(staff.postForm(action, otherKey), "another key");
        assertThat(state(bookingId)).isEqualTo(moved);

        // another agency's appointment: not found, with its coach or with the staff's own coach, also with this form
        String otherCoach = other.coachIds().get(0);
        assertThat(staff.postForm("/agentur/coaches/" + otherCoach + "/termine/" + otherId + "/verschieben", form)
            .statusCode()).isEqualTo(404);
        assertThat(staff.postForm("/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + otherId + "/verschieben",
            form).statusCode()).isEqualTo(404);
        assertThat(state(otherId).get(1)).isEqualTo(0);

        // after the short while the same post is answered as any move to the time it has
        db.execute("UPDATE booking SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()
            .minus(BookingChanges.REPEAT_WINDOW).minusSeconds(60)), bookingId);
        sameTime(staff.postForm(action, form), "after the short while");
        assertThat(state(bookingId)).isEqualTo(moved);

        // a later move, from the page anew: moves
        Map<String, String> later = confirmForm(staff, base, MoveTimeStepIntegrationTest.instant(day, 16, 0), "");
        assertThat(later.get("key")).isNotEqualTo(form.get("key"));
        HttpResponse<String> moveLater = staff.postForm(action, later);
        assertThat(moveLater.statusCode()).as(moveLater.body()).isEqualTo(303);
        List<Object> movedLater = state(bookingId);
        assertThat(movedLater.get(1)).isEqualTo((int) moved.get(1) + 1);
        assertThat(movedLater.get(0)).isNotEqualTo(moved.get(0));
        // that form sent again too: its move's answer, nothing moved again
        assertThat(staff.postForm(action, later).statusCode()).isEqualTo(303);
        assertThat(state(bookingId)).isEqualTo(movedLater);
    }

    @Test
    void theCoachsMoveSentTwiceAtOnceMovesOnce() throws Exception {
        Http http = new Http(server, json);
        LocalDate day = bookableDay(DAY + 1);
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(day, 10),
            "desk-twice-coach-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        try {
            String base = "/coach/termine/" + id;
            Map<String, String> form = confirmForm(coach, base, MoveTimeStepIntegrationTest.instant(day, 13, 0), "");
            coach.csrfToken();
            List<HttpResponse<String>> answers = AtOnce.times(2, () -> coach.postForm(base + "/verschieben", form));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).contains(base);
            }
            assertThat(state(id).get(1)).as("moved once").isEqualTo(1);
            assertThat(coach.get(base).body()).contains("Der Termin ist verschoben", "13:00");
            // the same post once more: the same answer, still moved once
            assertThat(coach.postForm(base + "/verschieben", form).statusCode()).isEqualTo(303);
            assertThat(state(id).get(1)).isEqualTo(1);
        } finally {
            new Database(dataSource).execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
        }
    }
}
