package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outcomes of appointments (recorded only after the start, validated, changeable, another coach's or agency's: not
 * found), the lead's audit trail of them, the agency's figures, and the coach's calendar feed (parsed back with
 * ical4j). H2 and MariaDB.
 */
abstract class OutcomeContract {

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
    AppointmentOutcomes outcomes;
    @Inject
    CoachFeeds feeds;
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;
    @Inject
    de.digitalcheck.portal.readiness.Questionnaires questionnaires;

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    record Made(String id, String token) {
    }

    Made book(BookableAgency a, int inDays, int hour, boolean consent) {
        return book(a, inDays, hour, consent, "oc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    Made book(BookableAgency a, int inDays, int hour, boolean consent, String email) {
        HttpResponse<String> made = http().postJson("/api/v1/bookings",
            a.body(at(bookableDay(inDays), hour), email, consent, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> answer = http().map(made);
        return new Made((String) answer.get("id"), (String) answer.get("token"));
    }

    /** The company's private page of the booking (as its mails link it). */
    static String manage(Made b) {
        return "/termin/buchung/" + b.id() + "?token=" + java.net.URLEncoder.encode(b.token(),
            java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Moves a booking so that it started {@code hoursAgo} hours ago (bookings cannot be made in the past). */
    void startedAgo(String bookingId, int hoursAgo) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(hoursAgo, ChronoUnit.HOURS);
        db().execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)), Timestamp.from(start.minusSeconds(900)),
            Timestamp.from(start.plusSeconds(4500)), bookingId);
    }

    long outcomesOf(String bookingId) {
        return ((Number) db().value("SELECT COUNT(*) FROM appointment_outcome WHERE booking_id = ?", bookingId))
            .longValue();
    }

    static AppointmentOutcomes.Input held(String programme) {
        return new AppointmentOutcomes.Input("HELD", true, programme, "Gutes Gespräch");
    }

    @Test
    void anOutcomeIsRecordedOnlyFromTheStartAndIsValidated() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Made b = book(a, 10, 10, false);
        AppointmentOutcomes.Scope coach = AppointmentOutcomes.Scope.coach(a.coachIds().get(0));
        assertThat(outcomes.find(b.id(), coach).open()).isFalse();
        assertThatThrownBy(() -> outcomes.record(b.id(), coach, held(null), null, a.coachIds().get(0), "Coach"))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> assertThat(f.key()).isEqualTo("outcome.error.notYet")));
        startedAgo(b.id(), 2);
        assertThat(outcomes.find(b.id(), coach).open()).isTrue();
        for (AppointmentOutcomes.Input bad : List.of(
            new AppointmentOutcomes.Input(null, false, null, null),
            new AppointmentOutcomes.Input("MAYBE", false, null, null),
            new AppointmentOutcomes.Input("HELD", false, "no-such-programme", null),
            new AppointmentOutcomes.Input("HELD", false, "digital-jetzt", null), // closed long ago
            new AppointmentOutcomes.Input("NO_SHOW", false, AppointmentOutcomes.INNOSCHECK, null),
            new AppointmentOutcomes.Input("HELD", false, null, "x".repeat(AppointmentOutcomes.MAX_NOTE + 1)))) {
            assertThatThrownBy(() -> outcomes.record(b.id(), coach, bad, null, a.coachIds().get(0), "Coach"))
                .as(bad.toString()).isInstanceOf(ValidationException.class);
        }
        assertThat(outcomesOf(b.id())).isZero();

        AppointmentOutcome first = outcomes.record(b.id(), coach, held(AppointmentOutcomes.INNOSCHECK),
            null, a.coachIds().get(0), "Coach");
        assertThat(first.attendance()).isEqualTo(AppointmentOutcome.Attendance.HELD);
        assertThat(first.programmeId()).isEqualTo(AppointmentOutcomes.INNOSCHECK);
        AppointmentOutcome changed = outcomes.record(b.id(), coach,
            new AppointmentOutcomes.Input("NO_SHOW", false, "", null), first.version(), a.coachIds().get(0), "Coach");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.programmeId()).isNull();
        assertThat(outcomesOf(b.id())).isEqualTo(1);
        assertThat(outcomes.find(b.id(), coach).outcome()).satisfies(o -> {
            assertThat(o.attendance()).isEqualTo(AppointmentOutcome.Attendance.NO_SHOW);
            assertThat(o.version()).isEqualTo(1);
            assertThat(o.programmeId()).isNull();
        });
    }

    /**
     * The coach and the agency's staff saving one appointment's outcome at the same moment, read with the same
     * version: one is stored, the other is told (StaleOutcome) and stores nothing, neither the outcome nor the lead's
     * trail; first records (the primary key decides) and changes (the conditional update decides) alike.
     */
    @Test
    void twoSavesOfOneOutcomeAtTheSameMomentStoreOneAndTellTheOther() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Made b = book(a, 10, 10, true);
        startedAgo(b.id(), 2);
        String lead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", b.id());
        AppointmentOutcomes.Scope coach = AppointmentOutcomes.Scope.coach(a.coachIds().get(0));
        AppointmentOutcomes.Scope staff = AppointmentOutcomes.Scope.agency(a.agencyId());
        Integer read = null;
        for (int round = 0; round < 4; round++) {
            Integer version = read;
            List<Object> saved = de.digitalcheck.portal.support.AtOnce.all(List.<java.util.concurrent.Callable<Object>>of(
                () -> saveOrStale(() -> outcomes.record(b.id(), coach, held(null), version, "c", "Coach")),
                () -> saveOrStale(() -> outcomes.record(b.id(), staff, new AppointmentOutcomes.Input("NO_SHOW", false,
                    null, "Staff"), version, "s", "Staff"))));
            assertThat(saved).as("round " + round).filteredOn(o -> o instanceof AppointmentOutcome).hasSize(1);
            assertThat(saved).as("round " + round).filteredOn("stale"::equals).hasSize(1);
            AppointmentOutcome stored = (AppointmentOutcome) saved.stream().filter(o -> o instanceof AppointmentOutcome)
                .findFirst().orElseThrow();
            assertThat(outcomes.find(b.id(), coach).outcome()).as("round " + round).usingRecursiveComparison()
                .ignoringFields("recordedAt").isEqualTo(stored);
            assertThat(stored.version()).isEqualTo(round);
            assertThat(db().value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND action = 'OUTCOME'", lead))
                .as("round " + round + ": one entry per stored outcome").satisfies(n -> assertThat(((Number) n).intValue())
                    .isEqualTo(version == null ? 1 : version + 2));
            read = stored.version();
        }
    }

    private static Object saveOrStale(java.util.concurrent.Callable<AppointmentOutcome> save) throws Exception {
        try {
            return save.call();
        } catch (AppointmentOutcomes.StaleOutcome e) {
            return "stale";
        }
    }

    @Test
    void anotherCoachOrAgencyDoesNotFindTheAppointment() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Made b = book(a, 10, 10, false);
        startedAgo(b.id(), 1);
        for (AppointmentOutcomes.Scope stranger : List.of(AppointmentOutcomes.Scope.coach(a.coachIds().get(1)),
            AppointmentOutcomes.Scope.coach(other.coachIds().get(0)), AppointmentOutcomes.Scope.agency(other.agencyId()))) {
            assertThatThrownBy(() -> outcomes.find(b.id(), stranger)).isInstanceOf(UnknownBooking.class);
            assertThatThrownBy(() -> outcomes.record(b.id(), stranger, held(null), null, "x", "x"))
                .isInstanceOf(UnknownBooking.class);
        }
        assertThat(outcomesOf(b.id())).isZero();
        // the agency's staff may record it
        outcomes.record(b.id(), AppointmentOutcomes.Scope.agency(a.agencyId()), held(null), null, "staff", "Staff");
        assertThat(outcomesOf(b.id())).isEqualTo(1);
    }

    @Test
    void theOutcomeJoinsTheAuditTrailOfTheBookingsLead() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Made b = book(a, 10, 10, true);
        String lead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", b.id());
        assertThat(lead).isNotNull();
        startedAgo(b.id(), 3);
        outcomes.record(b.id(), AppointmentOutcomes.Scope.coach(a.coachIds().get(0)),
            held(AppointmentOutcomes.INNOSCHECK), null, a.coachIds().get(0), "Clara Coach");
        List<Map<String, Object>> trail = db().rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'OUTCOME'",
            lead);
        assertThat(trail).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("actor_name", "Clara Coach").containsEntry("note", "Gutes Gespräch");
            // codes, in no language: the lead's pages write them in the reader's (it was a German sentence)
            assertThat(r).containsEntry("to_value", "HELD FOLLOW_UP PROGRAMME=" + AppointmentOutcomes.INNOSCHECK);
        });
    }

    @Test
    void theAgencysFiguresCountItsOwnOutcomesInThePeriod() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        AppointmentOutcomes.Scope staff = AppointmentOutcomes.Scope.agency(a.agencyId());
        Made one = book(a, 10, 9, false);
        Made two = book(a, 10, 11, false);
        Made three = book(a, 10, 13, false);
        Made old = book(a, 10, 15, false);
        Made foreign = book(other, 10, 9, false);
        startedAgo(one.id(), 2);
        startedAgo(two.id(), 4);
        startedAgo(three.id(), 6);
        startedAgo(old.id(), 24 * 40);
        startedAgo(foreign.id(), 2);
        outcomes.record(one.id(), staff, held(AppointmentOutcomes.INNOSCHECK), null, "s", "S");
        outcomes.record(two.id(), staff, new AppointmentOutcomes.Input("HELD", false, "zim", null), null, "s", "S");
        outcomes.record(three.id(), staff, new AppointmentOutcomes.Input("NO_SHOW", false, null, null), null, "s", "S");
        outcomes.record(old.id(), staff, held(AppointmentOutcomes.INNOSCHECK), null, "s", "S");
        outcomes.record(foreign.id(), AppointmentOutcomes.Scope.agency(other.agencyId()), held(null), null, "s", "S");

        Instant now = Instant.now();
        OutcomeStats stats = outcomes.outcomeStats(a.agencyId(), now.minus(30, ChronoUnit.DAYS), now);
        assertThat(stats.held()).isEqualTo(2);
        assertThat(stats.noShows()).isEqualTo(1);
        assertThat(stats.noShowRate()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.followUps()).isEqualTo(1);
        assertThat(stats.recommendations()).containsOnly(Map.entry(AppointmentOutcomes.INNOSCHECK, 1L),
            Map.entry("zim", 1L));
        OutcomeStats network = outcomes.outcomeStats(null, now.minus(30, ChronoUnit.DAYS), now);
        assertThat(network.recorded()).as("the network counts every agency's, the other one's too")
            .isGreaterThanOrEqualTo(stats.recorded() + 1);
        OutcomeStats none = outcomes.outcomeStats(a.agencyId(), now.plusSeconds(60), now.plusSeconds(3600));
        assertThat(none.recorded()).isZero();
        assertThat(none.noShowRate()).isZero();
    }

    @Test
    void theCoachsFeedHoldsTheirAppointmentsUnderTheInvitationsUid() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        String coach = a.coachIds().get(0);
        Made kept = book(a, 10, 9, false);
        Made cancelled = book(a, 11, 9, false);
        assertThat(http().postJson("/api/v1/bookings/" + cancelled.id() + "/cancel",
            "{\"token\":\"" + cancelled.token() + "\"}").statusCode()).isEqualTo(200);
        String token = feeds.renew(coach);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        assertThat(db().value("SELECT token_hash FROM coach_feed WHERE coach_id = ?", coach)).isNotEqualTo(token);

        HttpResponse<String> answer = http().get(CoachFeeds.path(token));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
            .startsWith("text/calendar"));
        IcsFoldingTest.assertFolded(answer.body());
        Calendar feed = new CalendarBuilder().build(new StringReader(answer.body()));
        // a subscription, not an iTIP message: no METHOD (its PUBLISH required an ORGANIZER the feed does not name),
        // and nothing for ical4j's validator to refuse
        assertThat(feed.getProperty("METHOD")).isEmpty();
        assertThat(answer.body()).doesNotContain("METHOD:");
        net.fortuna.ical4j.validate.ValidationResult validation = feed.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        List<VEvent> events = feed.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        Map<String, VEvent> byUid = new java.util.HashMap<>();
        events.forEach(e -> byUid.put(e.getProperty("UID").orElseThrow().getValue(), e));
        VEvent confirmed = byUid.get(AppointmentCalendar.uid(kept.id()));
        VEvent gone = byUid.get(AppointmentCalendar.uid(cancelled.id()));
        assertThat(confirmed.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(gone.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(confirmed.getProperty("SUMMARY").orElseThrow().getValue()).contains("Termin GmbH");
        assertThat(answer.body()).contains("DTSTART;TZID=Europe/Berlin:").doesNotContain("mailto:")
            .doesNotContain("@example.org");

        // the other coach's feed does not show them
        String otherToken = feeds.renew(a.coachIds().get(1));
        assertThat(http().get(CoachFeeds.path(otherToken)).body()).doesNotContain("BEGIN:VEVENT");

        // a new address ends the old one; revoked, malformed and unknown addresses are not found
        String renewed = feeds.renew(coach);
        assertThat(http().get(CoachFeeds.path(token)).statusCode()).isEqualTo(404);
        assertThat(http().get(CoachFeeds.path(renewed)).statusCode()).isEqualTo(200);
        feeds.revoke(coach);
        assertThat(http().get(CoachFeeds.path(renewed)).statusCode()).isEqualTo(404);
        assertThat(http().get("/kalender/kurz.ics").statusCode()).isEqualTo(404);
        assertThat(http().get("/kalender/" + renewed).statusCode()).isEqualTo(404);
    }

    /**
     * The feed is written in the language the coach was invited in, as their mails are: it was German for everyone
     * (names of the kind and the meeting mode, the labels of the description, the calendar's name).
     */
    @Test
    void theFeedIsInTheCoachsLanguage() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String coach = a.coachIds().get(0);
        book(a, 10, 9, false);
        String token = feeds.renew(coach);
        String german = http().get(CoachFeeds.path(token)).body();
        assertThat(german).contains("SUMMARY:Erstgespräch: Termin GmbH", "Unternehmen: Termin GmbH",
            "LOCATION:Per Video", "X-WR-CALNAME:Termine Coach 0");
        db().execute("UPDATE account SET language = 'en' WHERE id = ?", coach);
        try {
            Calendar feed = new CalendarBuilder().build(new StringReader(http().get(CoachFeeds.path(token)).body()));
            VEvent event = (VEvent) feed.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("First talk: Termin GmbH");
            assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .isEqualTo("Company: Termin GmbH\nContact: Tina Termin, +49 231 1234\nMode: By video");
            assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("By video");
            assertThat(feed.getProperty("X-WR-CALNAME").orElseThrow().getValue()).startsWith("Appointments Coach 0");
        } finally {
            db().execute("UPDATE account SET language = 'de' WHERE id = ?", coach);
        }
    }

    /**
     * The booking window says how far ahead companies can book, not which appointments stand: after the coach shortens
     * it, an appointment booked beyond it is still in the feed (a subscribed calendar would otherwise delete it), and
     * so is one cancelled there (so that a calendar that had it drops it).
     */
    @Test
    void theFeedKeepsAppointmentsBeyondAShortenedBookingWindow() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String coach = a.coachIds().get(0);
        Made near = book(a, 3, 9, false);
        Made far = book(a, 40, 9, false);
        Made farCancelled = book(a, 41, 9, false);
        assertThat(http().postJson("/api/v1/bookings/" + farCancelled.id() + "/cancel",
            "{\"token\":\"" + farCancelled.token() + "\"}").statusCode()).isEqualTo(200);
        java.util.Map<java.time.DayOfWeek, String> weekly = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        calendars.update(coach, a.agencyId(), new Calendars.CalendarInput(weekly, "", "", "15", "15", "0", "7", "0",
            "30"), List.of());
        assertThat(calendars.settings(coach).windowDays()).isEqualTo(7);

        Calendar feed = new CalendarBuilder().build(new StringReader(http().get(CoachFeeds.path(feeds.renew(coach)))
            .body()));
        Map<String, String> statusByUid = new java.util.HashMap<>();
        feed.<VEvent>getComponents("VEVENT").forEach(e -> statusByUid.put(e.getProperty("UID").orElseThrow()
            .getValue(), e.getProperty("STATUS").orElseThrow().getValue()));
        assertThat(statusByUid).containsEntry(AppointmentCalendar.uid(near.id()), "CONFIRMED")
            .containsEntry(AppointmentCalendar.uid(far.id()), "CONFIRMED")
            .containsEntry(AppointmentCalendar.uid(farCancelled.id()), "CANCELLED").hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCompanysBookingsAreInItsExportAndItsErasure() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = "pd-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Made past = book(a, 10, 9, true, email);
        Made coming = book(a, 12, 9, false, email);
        Made someoneElse = book(a, 12, 11, false);
        startedAgo(past.id(), 2);
        outcomes.record(past.id(), AppointmentOutcomes.Scope.coach(a.coachIds().get(0)), held(null), null, "c", "C");

        Map<String, Object> export = personalData.export(email);
        List<Map<String, Object>> exported = (List<Map<String, Object>>) export.get("bookings");
        assertThat(exported).extracting(m -> m.get("id")).containsExactlyInAnyOrder(past.id(), coming.id());
        assertThat(exported).allSatisfy(m -> assertThat(m).containsEntry("contactEmail", email)
            .containsEntry("companyName", "Termin GmbH"));
        assertThat(exported).anySatisfy(m -> assertThat((Map<String, Object>) m.get("outcome"))
            .containsEntry("attendance", "HELD").containsEntry("note", "Gutes Gespräch"));

        assertThat(http().get(manage(coming)).statusCode()).isEqualTo(200);
        assertThat(http().get(manage(past)).statusCode()).isEqualTo(200);

        personalData.erase(email);
        // the private links answer as an invalid link: no time, coach or status of the erased company's appointments
        for (Made erasedBooking : List.of(past, coming)) {
            for (String path : List.of(manage(erasedBooking), manage(erasedBooking).replace("?token=",
                "/verschieben?token="), manage(erasedBooking).replace("?token=", "/absagen?token="))) {
                HttpResponse<String> page = http().get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.body()).as(path).contains("Dieser Link gilt nicht (mehr)")
                    .doesNotContain("Coach 0 ").doesNotContain("abgesagt").doesNotContain(" Uhr");
            }
            assertThat(http().get("/api/v1/bookings/" + erasedBooking.id() + "?token=" + erasedBooking.token())
                .statusCode()).isEqualTo(404);
            assertThat(http().postJson("/api/v1/bookings/" + erasedBooking.id() + "/cancel",
                "{\"token\":\"" + erasedBooking.token() + "\"}").statusCode()).isEqualTo(404);
        }
        // another company's link still opens its appointment
        assertThat(http().get(manage(someoneElse)).statusCode()).isEqualTo(200);
        Map<String, Object> erased = db().rows("SELECT * FROM booking WHERE id = ?", past.id()).get(0);
        assertThat(erased).containsEntry("contact_email", "").containsEntry("contact_name", "")
            .containsEntry("company_name", "").containsEntry("status", "CONFIRMED");
        assertThat(erased.get("contact_phone")).isNull();
        assertThat(erased.get("consent_at")).isNull();
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", coming.id())).isEqualTo("CANCELLED");
        // the coach is told of the appointment still to come (the cancellation for the calendar), without the company
        String coachEmail = (String) db().value("SELECT email FROM account WHERE id = ?", a.coachIds().get(0));
        List<Map<String, Object>> told = db().rows("SELECT subject, body, attachment FROM mail_outbox WHERE recipient = ?"
            + " AND subject LIKE ?", coachEmail, "%gelöscht%");
        assertThat(told).as("the coach's mail of the erasure").hasSize(1);
        String ics = text(told.get(0).get("attachment"));
        assertThat(ics).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1", AppointmentCalendar.uid(coming.id()))
            .doesNotContain(email, "Termin GmbH");
        assertThat((String) told.get(0).get("body")).contains("Löschung").doesNotContain(email, "Termin GmbH");
        assertThat((String) told.get(0).get("subject")).doesNotContain("Termin GmbH");
        // nothing for the appointment that was over, nothing to the company that asked for the erasure
        assertThat(db().value("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ?", "%gelöscht%"))
            .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
        assertThat(db().value("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE ?", email,
            "%abgesagt%")).satisfies(n -> assertThat(((Number) n).intValue()).isZero());
        assertThat(db().value("SELECT note FROM appointment_outcome WHERE booking_id = ?", past.id())).isNull();
        assertThat(db().value("SELECT attendance FROM appointment_outcome WHERE booking_id = ?", past.id()))
            .isEqualTo("HELD");
        // the lead its consent made is anonymised too, and nothing of the company is left to export
        assertThat(db().value("SELECT status FROM agency_lead l JOIN lead_booking b ON b.lead_id = l.id"
            + " WHERE b.booking_id = ?", past.id())).isEqualTo("ERASED");
        assertThat((List<?>) personalData.export(email).get("bookings")).isEmpty();
        // another company's booking is untouched
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", someoneElse.id())).isEqualTo("CONFIRMED");
        assertThat((String) db().value("SELECT contact_email FROM booking WHERE id = ?", someoneElse.id()))
            .startsWith("oc-");
    }

    /**
     * The company's export names the funding programme its appointment's outcome recommended, beside the programme's
     * id, in the export's language (it had the id alone); an outcome without one has none, and an id no programme has
     * (no longer) keeps its id without a name.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anOutcomesProgrammeIsExportedWithItsNameInTheExportsLanguage() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = "pd-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Made recommended = book(a, 10, 9, false, email);
        Made without = book(a, 10, 11, false, email);
        startedAgo(recommended.id(), 3);
        startedAgo(without.id(), 2);
        AppointmentOutcomes.Scope coach = AppointmentOutcomes.Scope.coach(a.coachIds().get(0));
        outcomes.record(recommended.id(), coach, held(AppointmentOutcomes.INNOSCHECK), null, "c", "C");
        outcomes.record(without.id(), coach, held(null), null, "c", "C");

        java.util.function.BiFunction<Language, String, Map<String, Object>> outcome = (language, id) ->
            ((List<Map<String, Object>>) personalData.export(email, language).get("bookings")).stream()
                .filter(m -> id.equals(m.get("id"))).map(m -> (Map<String, Object>) m.get("outcome"))
                .findFirst().orElseThrow();
        assertThat(outcome.apply(Language.DE, recommended.id())).containsEntry("programmeId", "innoscheck-ruhr")
            .containsEntry("programmeName", "InnoScheck.Ruhr");
        assertThat(outcome.apply(Language.EN, recommended.id())).containsEntry("programmeId", "innoscheck-ruhr")
            .containsEntry("programmeName", "InnoScheck.Ruhr innovation voucher");
        assertThat(outcome.apply(Language.EN, without.id())).containsEntry("programmeId", null)
            .containsEntry("programmeName", null);
        // an id no programme has: kept, without a name (never another programme's)
        db().execute("UPDATE appointment_outcome SET programme_id = 'eingestellt-2024' WHERE booking_id = ?",
            recommended.id());
        assertThat(outcome.apply(Language.DE, recommended.id())).containsEntry("programmeId", "eingestellt-2024")
            .containsEntry("programmeName", null);
    }

    @Test
    void aCheckErasedThroughItsOwnLinkErasesItsBookings() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        de.digitalcheck.portal.support.CompletedChecks.Completed check = de.digitalcheck.portal.support.CompletedChecks
            .of(questionnaires.current()).named("Lösch GmbH").at("44135").contact("Lea Lösch", "lea@example.org")
            .submit(http());
        HttpResponse<String> made = http().postJson("/api/v1/bookings",
            a.body(at(bookableDay(12), 10), "lea@example.org", false, check.id(), check.token()));
        String id = (String) http().map(made).get("id");
        Made unrelated = book(a, 12, 14, false);
        Http company = http();
        assertThat(company.postForm("/check/" + check.token() + "/loeschen", Map.of()).statusCode()).isLessThan(400);
        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", id).get(0);
        assertThat(row).containsEntry("contact_email", "").containsEntry("status", "CANCELLED");
        assertThat(row.get("assessment_id")).isNull();
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", unrelated.id())).isEqualTo("CONFIRMED");
    }

    private static String text(Object blob) {
        try {
            byte[] bytes = blob instanceof java.sql.Blob b ? b.getBytes(1, (int) b.length()) : (byte[]) blob;
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
