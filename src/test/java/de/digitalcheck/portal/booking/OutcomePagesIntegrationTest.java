package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome form and the feed settings through HTTP with signed-in people: the appointment's coach and the staff of
 * its agency may record it; another coach and another agency's staff get 404 and change nothing; bad input is a 422
 * with the error summary and what was typed; the feed's address works until it is renewed or revoked.
 */
@MicronautTest(transactional = false)
class OutcomePagesIntegrationTest extends SignedInTests {

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

    BookableAgency a;
    BookableAgency b;
    Http coachX;
    Http coachY;
    Http staffA;
    Http staffB;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        b = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        accounts.addUnlessPresent(List.of(
            new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org", "Staff A", Role.AGENCY_STAFF, a.agencyId()),
            new Accounts.NewAccount("staff@" + b.agencyId() + ".example.org", "Staff B", Role.AGENCY_STAFF, b.agencyId())));
        coachX = as("op-x-" + a.agencyId(), a.coachEmails().get(0));
        coachY = as("op-y-" + a.agencyId(), a.coachEmails().get(1));
        staffA = as("op-sa-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
        staffB = as("op-sb-" + b.agencyId(), "staff@" + b.agencyId() + ".example.org");
    }

    Database db() {
        return new Database(dataSource);
    }

    String pastAppointment() {
        Http http = new Http(server, json);
        String email = "op-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> made = http.postJson("/api/v1/bookings", a.body(at(bookableDay(10), 10), email, false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
        db().execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)), Timestamp.from(start.minusSeconds(900)),
            Timestamp.from(start.plusSeconds(4500)), id);
        return id;
    }

    long outcomes(String id) {
        return ((Number) db().value("SELECT COUNT(*) FROM appointment_outcome WHERE booking_id = ?", id)).longValue();
    }

    @Test
    void theCoachRecordsTheOutcomeAfterAnErrorThatKeepsWhatWasTyped() {
        String id = pastAppointment();
        HttpResponse<String> form = coachX.get("/coach/termine/" + id + "/ergebnis");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Ergebnis des Termins").contains("Termin GmbH")
            .contains("InnoScheck").doesNotContain("error-summary");

        HttpResponse<String> refused = coachX.postForm("/coach/termine/" + id + "/ergebnis",
            Map.of("note", "Rückruf <vereinbart>", "programme", "innoscheck-ruhr"));
        assertThat(refused.statusCode()).isEqualTo(422);
        // to the group's first option, which takes the focus (the fieldset cannot)
        assertThat(refused.body()).contains("error-summary").contains("href=\"#outcome-attendance-HELD\"")
            .contains("id=\"outcome-attendance-HELD\"").doesNotContain("href=\"#outcome-attendance\"")
            .contains("Rückruf &lt;vereinbart&gt;");
        // titled as the form's error summary says, not as the self-check's question pages ("alle Fragen")
        assertThat(refused.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – ")
            .doesNotContain("Bitte beantworten Sie alle Fragen");
        assertThat(outcomes(id)).isZero();

        HttpResponse<String> saved = coachX.postForm("/coach/termine/" + id + "/ergebnis",
            Map.of("attendance", "HELD", "followUp", "on", "programme", "innoscheck-ruhr", "note", "Gut"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(db().rows("SELECT * FROM appointment_outcome WHERE booking_id = ?", id)).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("attendance", "HELD")
                .containsEntry("programme_id", "innoscheck-ruhr").containsEntry("note", "Gut"));
        // the form says it is saved once, after the post that saved (a Flash note): not on a reload, nor from
        // "?gespeichert" in the address, which said so though nothing had been saved
        assertThat(saved.headers().firstValue("Location")).hasValue("/coach/termine/" + id + "/ergebnis");
        assertThat(coachX.get("/coach/termine/" + id + "/ergebnis").body()).contains("id=\"saved\"");
        assertThat(coachX.get("/coach/termine/" + id + "/ergebnis").body()).as("a reload")
            .doesNotContain("id=\"saved\"");
        assertThat(coachX.get("/coach/termine/" + id + "/ergebnis?gespeichert").body()).as("the address")
            .doesNotContain("id=\"saved\"");
        // the week view shows it with a link to change it
        String week = coachX.get("/coach/termine?woche=" + Instant.now().minus(2, ChronoUnit.HOURS)
            .atZone(BookableAgency.BERLIN).toLocalDate()).body();
        assertThat(week).contains("/coach/termine/" + id + "/ergebnis").contains("Ja, der Termin hat stattgefunden");
    }

    /** The version of the outcome a form page was read with (its hidden field; empty: none recorded then). */
    static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d*)\"").matcher(page);
        assertThat(m.find()).as("the form's version").isTrue();
        return m.group(1);
    }

    /**
     * The coach and a staff member fill in the same appointment's outcome at once: the second save stores nothing,
     * answers 409 with the outcome stored now and the second person's input kept; saving that again replaces it. The
     * same for two changes of a recorded outcome. Nothing is ever overwritten unseen.
     */
    @Test
    void twoPeopleSavingOneOutcomeAtOnceTheSecondSeesTheFirstOnesAndKeepsTheirInput() {
        String id = pastAppointment();
        String coachForm = coachX.get("/coach/termine/" + id + "/ergebnis").body();
        String staffForm = staffA.get("/agentur/termine/" + id + "/ergebnis").body();
        assertThat(version(coachForm)).isEmpty();
        assertThat(version(staffForm)).isEmpty();

        assertThat(coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD",
            "programme", "innoscheck-ruhr", "note", "Vom Coach", "version", version(coachForm))).statusCode()).isEqualTo(303);
        HttpResponse<String> late = staffA.postForm("/agentur/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW",
            "note", "Von der Agentur", "version", version(staffForm)));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("id=\"stale-alert\"", "Das Ergebnis wurde inzwischen gespeichert",
            "Ja, der Termin hat stattgefunden", "Vom Coach", "InnoScheck", "Ihre Angaben wurden nicht gespeichert")
            .as("the staff member's input kept").contains("Von der Agentur")
            .containsPattern("value=\"NO_SHOW\"[^>]*checked");
        assertThat(db().rows("SELECT * FROM appointment_outcome WHERE booking_id = ?", id)).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("attendance", "HELD").containsEntry("note", "Vom Coach"));
        assertThat(version(late.body())).as("saving again replaces what is stored now").isEqualTo("0");

        // both change the recorded outcome at once: the second again sees the first one's change
        String coachAgain = coachX.get("/coach/termine/" + id + "/ergebnis").body();
        assertThat(staffA.postForm("/agentur/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW",
            "note", "Von der Agentur", "version", version(late.body()))).statusCode()).isEqualTo(303);
        HttpResponse<String> coachLate = coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD",
            "followUp", "on", "note", "Doch da", "version", version(coachAgain)));
        assertThat(coachLate.statusCode()).isEqualTo(409);
        assertThat(coachLate.body()).contains("Nein, das Unternehmen ist nicht erschienen", "Von der Agentur", "Doch da");
        assertThat(db().rows("SELECT * FROM appointment_outcome WHERE booking_id = ?", id)).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("attendance", "NO_SHOW").containsEntry("note", "Von der Agentur")
                .containsEntry("version", 1));
        // a form without a version (read before an outcome existed) never replaces one unseen
        assertThat(coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD")).statusCode())
            .isEqualTo(409);
        // in English
        HttpResponse<String> english = coachX.postForm("/coach/termine/" + id + "/ergebnis?lang=en",
            Map.of("attendance", "HELD"));
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("The outcome was saved in the meantime", "Your entries were not saved");
    }

    /**
     * A version the portal never gave out ({@code version=abc}: a forged or cut request) is malformed input, not a
     * conflict: it was answered 409 "saved in the meantime" though nobody had saved anything. Now 400 saying what was
     * wrong, with what is saved now and the input kept under that version (saving again replaces it knowingly), as
     * the calendar form does; nothing stored either way.
     */
    @Test
    void aVersionThePortalNeverGaveOutIsMalformedNotAConflict() {
        coachX.get("/coach/termine?lang=de"); // another test ends in English
        String id = pastAppointment();
        HttpResponse<String> none = coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD",
            "note", "Erster Versuch", "version", "abc"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("<title>Nicht gespeichert – Ergebnis des Termins", "id=\"outcome-unversioned\"",
            "das verborgene Feld „version“", "wurde nichts gespeichert", "Erster Versuch")
            .doesNotContain("Das Ergebnis wurde inzwischen gespeichert", "Jemand anderes hat", "id=\"stale-alert\"");
        assertThat(version(none.body())).as("no outcome yet: the form's version says so").isEmpty();
        assertThat(outcomes(id)).isZero();

        assertThat(staffA.postForm("/agentur/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW",
            "note", "Von der Agentur", "version", "")).statusCode()).isEqualTo(303);
        HttpResponse<String> malformed = coachX.postForm("/coach/termine/" + id + "/ergebnis?lang=en",
            Map.of("attendance", "HELD", "note", "Doch da", "version", "1x"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<title>Not saved – ", "the hidden field “version”", "Saved now (last recorded: ",
            "Von der Agentur", "Doch da").doesNotContain("The outcome was saved in the meantime");
        coachX.get("/coach/termine?lang=de");
        assertThat(db().rows("SELECT * FROM appointment_outcome WHERE booking_id = ?", id)).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("attendance", "NO_SHOW").containsEntry("version", 0));
        assertThat(coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD", "note", "Doch da",
            "version", version(malformed.body()))).statusCode()).as("the page's form replaces it knowingly").isEqualTo(303);
        assertThat(db().rows("SELECT * FROM appointment_outcome WHERE booking_id = ?", id)).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("attendance", "HELD").containsEntry("note", "Doch da"));
    }

    @Test
    void anotherCoachAndAnotherAgencysStaffGetNotFoundAndChangeNothing() {
        String id = pastAppointment();
        assertThat(coachY.get("/coach/termine/" + id + "/ergebnis").statusCode()).isEqualTo(404);
        assertThat(coachY.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW"))
            .statusCode()).isEqualTo(404);
        assertThat(staffB.get("/agentur/termine/" + id + "/ergebnis").statusCode()).isEqualTo(404);
        assertThat(staffB.postForm("/agentur/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW"))
            .statusCode()).isEqualTo(404);
        assertThat(outcomes(id)).isZero();
        // a forged post (no CSRF token) by the right coach stores nothing either
        coachX.postRawForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW"));
        assertThat(outcomes(id)).isZero();

        assertThat(staffA.get("/agentur/termine/" + id + "/ergebnis").statusCode()).isEqualTo(200);
        assertThat(staffA.postForm("/agentur/termine/" + id + "/ergebnis", Map.of("attendance", "NO_SHOW"))
            .statusCode()).isEqualTo(303);
        assertThat(outcomes(id)).isEqualTo(1);
    }

    @Test
    void anAppointmentStillToComeHasNoFormYet() {
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            a.body(at(bookableDay(14), 15), "op-future@example.org", false, null));
        String id = (String) http.map(made).get("id");
        HttpResponse<String> page = coachX.get("/coach/termine/" + id + "/ergebnis");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("noch nicht begonnen").doesNotContain("name=\"attendance\"");
        // its time as the appointment's own page gives it ("… 15:00–16:00 Uhr"; it lacked the "Uhr")
        assertThat(page.body()).contains(de.digitalcheck.portal.shared.i18n.Dates.longDate(
            de.digitalcheck.portal.shared.i18n.Language.DE, bookableDay(14)) + ", 15:00–16:00 Uhr");
        assertThat(coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD")).statusCode())
            .isEqualTo(422);
        assertThat(outcomes(id)).isZero();
    }

    @Test
    void theFeedAddressIsShownOnceAndWorksUntilRevoked() {
        coachX.get("/coach/kalender-abo?lang=de"); // another test ends in English
        HttpResponse<String> none = coachX.get("/coach/kalender-abo");
        assertThat(none.statusCode()).isEqualTo(200);
        Map<String, String> form = Map.of("version", Http.hidden(none.body(), "/coach/kalender-abo/neu", "version"));
        HttpResponse<String> created = coachX.postForm("/coach/kalender-abo/neu", form);
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher url = Pattern.compile("(/kalender/[A-Za-z0-9_-]+\\.ics)").matcher(created.body());
        assertThat(url.find()).isTrue();
        String path = url.group(1);
        HttpResponse<String> feed = new Http(server, json).get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").doesNotContain("METHOD:");

        // the same form sent again (a double click, a reload of the page with the new address, a second tab) made
        // another address and silently ended the one just shown: now nothing changes, and the page says so
        HttpResponse<String> again = coachX.postForm("/coach/kalender-abo/neu", form);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("<title>Die Abo-Adresse wurde schon neu angelegt – Kalender-Abo",
            "id=\"feed-stale\"", "Es wurde nichts geändert: Die zuletzt angezeigte Adresse gilt.")
            .doesNotContain("feed-url").doesNotContainPattern("/kalender/[A-Za-z0-9_-]+\\.ics");
        assertThat(new Http(server, json).get(path).statusCode()).as("the address shown stays valid").isEqualTo(200);
        // the page's address loaded again from the address bar (a GET): the settings page, which shows no address
        // (it was 405); nothing renewed. Staff and anonymous callers are refused as before
        HttpResponse<String> reload = coachX.get("/coach/kalender-abo/neu");
        assertThat(reload.statusCode()).isEqualTo(303);
        assertThat(reload.headers().firstValue("Location")).hasValue("/coach/kalender-abo");
        assertThat(new Http(server, json).get(path).statusCode()).as("nothing renewed").isEqualTo(200);
        assertThat(staffA.get("/coach/kalender-abo/neu").statusCode()).isIn(401, 403);
        assertThat(new Http(server, json).get("/coach/kalender-abo/neu").headers().firstValue("Location"))
            .hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));
        // without a version the portal gave out: 400, nothing changed either
        for (Map<String, String> broken : List.of(Map.<String, String>of(), Map.of("version", "kaputt"))) {
            HttpResponse<String> unversioned = coachX.postForm("/coach/kalender-abo/neu", broken);
            assertThat(unversioned.statusCode()).isEqualTo(400);
            assertThat(unversioned.body()).contains("id=\"feed-unversioned\"", "(das verborgene Feld „version“)")
                .doesNotContainPattern("/kalender/[A-Za-z0-9_-]+\\.ics");
        }
        assertThat(new Http(server, json).get(path).statusCode()).isEqualTo(200);
        // the form of the page that said so renews it knowingly (in English: the page's words too)
        HttpResponse<String> renewed = coachX.postForm("/coach/kalender-abo/neu?lang=en",
            Map.of("version", Http.hidden(again.body(), "/coach/kalender-abo/neu", "version")));
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(renewed.body()).containsPattern("/kalender/[A-Za-z0-9_-]+\\.ics").doesNotContain(path);
        assertThat(new Http(server, json).get(path).statusCode()).as("replaced knowingly").isEqualTo(404);
        assertThat(coachX.postForm("/coach/kalender-abo/neu", form).body())
            .contains("The subscription address was already renewed in the meantime");
        coachX.get("/coach/kalender-abo?lang=de");
        Matcher current = Pattern.compile("(/kalender/[A-Za-z0-9_-]+\\.ics)").matcher(renewed.body());
        assertThat(current.find()).isTrue();
        path = current.group(1);
        // the settings page does not show the address again
        HttpResponse<String> settings = coachX.get("/coach/kalender-abo");
        assertThat(settings.body()).doesNotContain(path);
        assertThat(coachX.postForm("/coach/kalender-abo/widerrufen",
            Map.of("version", Http.hidden(settings.body(), "/coach/kalender-abo/widerrufen", "version"))).statusCode())
            .isEqualTo(303);
        assertThat(new Http(server, json).get(path).statusCode()).isEqualTo(404);
        // staff have no feed settings
        assertThat(staffA.get("/coach/kalender-abo").statusCode()).isIn(401, 403);
    }

    /**
     * A revoke from a page read before the address was renewed (tab A shows the address of the morning, tab B made a new
     * one, which the coach may have subscribed to already): it ended the new address unseen, answering 200. The revoke
     * form carries the version of the address it was read with, as the new address's form: stale {@code 409}, without
     * a well-formed version {@code 400}, nothing revoked either way and the page says so; the current page revokes.
     */
    @Test
    void aRevokeFromAPageReadBeforeANewAddressRevokesNothingAndSaysSo() {
        coachY.get("/coach/kalender-abo?lang=de"); // another test may end in English
        HttpResponse<String> none = coachY.get("/coach/kalender-abo");
        String first = feedPath(coachY.postForm("/coach/kalender-abo/neu",
            Map.of("version", Http.hidden(none.body(), "/coach/kalender-abo/neu", "version"))));

        // tab A: the settings page with the first address; a first load shows no refusal
        HttpResponse<String> tabA = coachY.get("/coach/kalender-abo");
        assertThat(tabA.statusCode()).isEqualTo(200);
        assertThat(tabA.body()).contains("<title>Kalender-Abo – ", "Eine Abo-Adresse besteht seit")
            .doesNotContain("feed-revoke-stale", "feed-revoke-unversioned", "feed-stale", "feed-unversioned",
                "role=\"alert\"", "id=\"revoked\"");
        String readA = Http.hidden(tabA.body(), "/coach/kalender-abo/neu", "version");
        // tab B: a new address, perhaps subscribed at once
        String second = feedPath(coachY.postForm("/coach/kalender-abo/neu", Map.of("version", readA)));
        assertThat(new Http(server, json).get(first).statusCode()).isEqualTo(404);

        // tab A revokes: the new address is not what it showed, so nothing is revoked, and the page says so
        HttpResponse<String> stale = coachY.postForm("/coach/kalender-abo/widerrufen", Map.of("version", readA));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("<title>Nicht widerrufen: Die Abo-Adresse wurde inzwischen neu angelegt – "
                + "Kalender-Abo", "id=\"feed-revoke-stale\"", "Es wurde nichts widerrufen",
                "Eine Abo-Adresse besteht seit")
            .doesNotContain("id=\"revoked\"", "feed-url").doesNotContainPattern("/kalender/[A-Za-z0-9_-]+\\.ics");
        assertThat(new Http(server, json).get(second).statusCode()).as("the new address still works").isEqualTo(200);
        // in English too
        HttpResponse<String> english = coachY.postForm("/coach/kalender-abo/widerrufen?lang=en",
            Map.of("version", readA));
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("<title>Not revoked: the subscription address was renewed in the meantime",
            "Nothing was revoked");
        coachY.get("/coach/kalender-abo?lang=de");
        // without a version the portal gave out (an old page, a made-up post): 400, nothing revoked either
        for (Map<String, String> broken : List.of(Map.<String, String>of(), Map.of("version", "kaputt"))) {
            HttpResponse<String> unversioned = coachY.postForm("/coach/kalender-abo/widerrufen", broken);
            assertThat(unversioned.statusCode()).isEqualTo(400);
            assertThat(unversioned.body()).contains("<title>Nicht widerrufen – Kalender-Abo",
                    "id=\"feed-revoke-unversioned\"", "(das verborgene Feld „version“)", "wurde nichts widerrufen")
                .doesNotContain("id=\"revoked\"");
        }
        assertThat(new Http(server, json).get(second).statusCode()).isEqualTo(200);

        // the revoke form of tab A carries the version its page was read with, as the new address's form
        assertThat(Http.hidden(tabA.body(), "/coach/kalender-abo/widerrufen", "version")).isEqualTo(readA);
        // the refusing page's form revokes the address it shows, knowingly
        HttpResponse<String> revoked = coachY.postForm("/coach/kalender-abo/widerrufen",
            Map.of("version", Http.hidden(stale.body(), "/coach/kalender-abo/widerrufen", "version")));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/coach/kalender-abo");
        assertThat(new Http(server, json).get(second).statusCode()).isEqualTo(404);
        assertThat(coachY.get("/coach/kalender-abo").body()).contains("id=\"revoked\"",
            "Sie haben noch keine Abo-Adresse").doesNotContain("feed-revoke-stale", "feed-revoke-unversioned");
        // said once, after the post that revoked (a Flash note): not on a reload, nor from "?widerrufen" typed in,
        // which said "revoked" on any link that carried it, though nothing was revoked
        for (String again : new String[] {"/coach/kalender-abo", "/coach/kalender-abo?widerrufen"}) {
            HttpResponse<String> page = coachY.get(again);
            assertThat(page.statusCode()).as(again).isEqualTo(200);
            assertThat(page.body()).as(again).contains("Sie haben noch keine Abo-Adresse")
                .doesNotContain("id=\"revoked\"", "Die Abo-Adresse ist widerrufen");
        }
        // the same revoke again (a double click): nothing left to revoke, the same answer
        assertThat(coachY.postForm("/coach/kalender-abo/widerrufen",
            Map.of("version", Http.hidden(stale.body(), "/coach/kalender-abo/widerrufen", "version"))).statusCode())
            .isEqualTo(303);
    }

    /** The feed's path on the page that shows a new address (once). */
    static String feedPath(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher url = Pattern.compile("(/kalender/[A-Za-z0-9_-]+\\.ics)").matcher(created.body());
        assertThat(url.find()).isTrue();
        return url.group(1);
    }

    /**
     * The lead's trail shows an outcome in the reader's language with the recommended programme's name: it said
     * "Empfehlung: innoscheck-ruhr" (the id), in German to everyone. An entry stored before as that German sentence is
     * shown the same way; one that cannot be read back, as stored.
     */
    @Test
    void theLeadsTrailNamesTheRecommendedProgrammeInTheReadersLanguage() {
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            a.body(at(bookableDay(16), 11), "op-trail@example.org", true, null));
        String id = (String) http.map(made).get("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        db().execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)), Timestamp.from(start.minusSeconds(900)),
            Timestamp.from(start.plusSeconds(4500)), id);
        assertThat(coachX.postForm("/coach/termine/" + id + "/ergebnis", Map.of("attendance", "HELD", "followUp", "on",
            "programme", "innoscheck-ruhr")).statusCode()).isEqualTo(303);
        String lead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", id);
        String nameDe = (String) db().value("SELECT name_de FROM funding_programme WHERE id = 'innoscheck-ruhr'");
        String nameEn = (String) db().value("SELECT name_en FROM funding_programme WHERE id = 'innoscheck-ruhr'");
        assertThat(nameEn).isNotEqualTo(nameDe);

        String german = staffA.get("/agentur/leads/" + lead).body();
        assertThat(german).contains("Ja, der Termin hat stattgefunden · Folgetermin nötig · Empfehlung: " + nameDe)
            .doesNotContain("innoscheck-ruhr<", "Empfehlung: innoscheck-ruhr");
        Http english = as("op-sa-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
        assertThat(english.get("/agentur/leads/" + lead + "?lang=en").body())
            .contains("Yes, the appointment took place · follow-up needed · recommended: " + nameEn)
            .doesNotContain("Empfehlung", "stattgefunden");

        // entries written before, as a German sentence with the programme's id
        db().execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value,"
            + " note) VALUES (?, ?, ?, NULL, 'Clara Coach', 'OUTCOME', '01.12.2026 10:00', ?, NULL)",
            UUID.randomUUID().toString(), lead, Timestamp.from(Instant.now().minusSeconds(60)),
            "Nein, das Unternehmen ist nicht erschienen · Folgetermin nötig");
        db().execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value,"
            + " note) VALUES (?, ?, ?, NULL, 'Clara Coach', 'OUTCOME', '02.12.2026 10:00', ?, NULL)",
            UUID.randomUUID().toString(), lead, Timestamp.from(Instant.now().minusSeconds(30)),
            "Ja, der Termin hat stattgefunden · Empfehlung: innoscheck-ruhr");
        db().execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value,"
            + " note) VALUES (?, ?, ?, NULL, 'Clara Coach', 'OUTCOME', '03.12.2026 10:00', ?, NULL)",
            UUID.randomUUID().toString(), lead, Timestamp.from(Instant.now().minusSeconds(20)), "Etwas anderes");
        String before = english.get("/agentur/leads/" + lead).body();
        assertThat(before).contains("No, the company did not show up · follow-up needed",
            "Yes, the appointment took place · recommended: " + nameEn, "Etwas anderes", "2 Dec 2026, 10:00")
            .doesNotContain("Empfehlung", "nicht erschienen");
        assertThat(staffA.get("/agentur/leads/" + lead).body())
            .contains("Ja, der Termin hat stattgefunden · Empfehlung: " + nameDe);
    }

    @Test
    void theLeadOfAConsentedBookingShowsTheAppointmentToItsAgencyOnly() {
        Http http = new Http(server, json);
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            a.body(at(bookableDay(15), 11), "op-lead@example.org", true, null));
        String id = (String) http.map(made).get("id");
        String lead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", id);
        HttpResponse<String> page = staffA.get("/agentur/leads/" + lead);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"bookings-title\"").contains("Erstgespräch").contains("data-label=\"Coach\"><span class=\"dc-cell\">Coach ")
            .contains("Gebucht").contains("Termin gebucht");
        assertThat(staffB.get("/agentur/leads/" + lead).statusCode()).isEqualTo(404);
    }
}
