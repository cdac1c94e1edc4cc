package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.leads.internal.BookingLeads;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A booking with consent makes or updates the company's open lead at the booking's agency, in the booking's
 * transaction, and the lead shows the booking; without consent nothing reaches the agency. When the lead cannot be
 * made, the booking still stands with its consent, and the repair job makes the lead later. H2 and MariaDB.
 */
abstract class BookingLeadsContract {

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
    Questionnaires questionnaires;
    @Inject
    BookingLeads bookingLeads;
    @Inject
    de.digitalcheck.portal.leads.internal.TrailValues trailValues;
    @Inject
    BookingChanges bookingChanges;
    @Inject
    AgencyLeads agencyLeads;

    Http http() {
        return new Http(server, json);
    }

    @Inject
    de.digitalcheck.portal.leads.internal.WebhookDispatcher dispatcher;

    Database db() {
        return new Database(dataSource);
    }

    /** A consent's event becomes the agency's mail after the commit: waits until the relay woken by it has run. */
    void relayed() {
        try {
            dispatcher.awaitWakeUps();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String book(BookableAgency a, int inDays, int hour, String email, boolean consent, CompletedChecks.Completed check) {
        HttpResponse<String> made = http().postJson("/api/v1/bookings", a.body(at(bookableDay(inDays), hour), email,
            consent, check == null ? null : check.id(), check == null ? null : check.token()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return (String) http().map(made).get("id");
    }

    long count(String sql, Object... params) {
        return ((Number) db().value(sql, params)).longValue();
    }

    static String email() {
        return "bl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void aConsentedBookingWithoutCheckMakesALeadAtTheBookingsAgencyThatShowsTheBooking() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        String bookingId = book(a, 10, 10, email, true, null);

        List<Map<String, Object>> leads = db().rows("SELECT * FROM agency_lead WHERE LOWER(contact_email) = ?", email);
        assertThat(leads).hasSize(1);
        Map<String, Object> lead = leads.get(0);
        assertThat(lead).containsEntry("agency_id", a.agencyId()).containsEntry("source", "booking")
            .containsEntry("status", "OPEN").containsEntry("company_name", "Termin GmbH")
            .containsEntry("postal_code", "44135").containsEntry("contact_name", "Tina Termin")
            .containsEntry("contact_phone", "+49 231 1234").containsEntry("consent_version", "booking-share-2");
        assertThat(lead.get("municipality")).isEqualTo("Dortmund");
        assertThat(lead.get("assessment_id")).isNull();
        String leadId = (String) lead.get("id");
        assertThat(db().rows("SELECT * FROM lead_consent WHERE lead_id = ?", leadId))
            .singleElement().satisfies(c -> assertThat(c).containsEntry("source", "booking")
                .containsEntry("text_version", "booking-share-2"));
        assertThat(db().rows("SELECT * FROM lead_audit WHERE lead_id = ?", leadId))
            .singleElement().satisfies(r -> assertThat(r).containsEntry("action", "BOOKING"));
        // the trail's entry names the kind and the coach (two bookings at one time were two entries of the time
        // alone), the kind in the reader's language
        Map<String, Object> entry = db().rows("SELECT * FROM lead_audit WHERE lead_id = ?", leadId).get(0);
        var row = new de.digitalcheck.portal.leads.internal.LeadAuditRow((String) entry.get("id"), leadId,
            Instant.now(), null, null, "BOOKING", null, (String) entry.get("to_value"), null);
        String coach = accounts.find(a.coachIds().get(0)).orElseThrow().name();
        assertThat(trailValues.to(row, "de")).matches("\\d{2}\\.\\d{2}\\.\\d{4}, 10:00 · Erstgespräch · mit "
            + java.util.regex.Pattern.quote(coach)).doesNotContain("TYPE=", "COACH=");
        assertThat(trailValues.to(row, "en")).endsWith(", 10:00 · First talk · with " + coach)
            .doesNotContain("Erstgespräch", "TYPE=");
        // the agency's mail is in the outbox, with no contact data
        relayed();
        assertThat(db().rows("SELECT subject, body FROM mail_outbox WHERE recipient = ?", a.agencyEmail()))
            .anySatisfy(m -> assertThat((String) m.get("body")).contains("Termin GmbH")
                .contains("Termin mit einem Innovationscoach gebucht").doesNotContain(email));

        List<Booking> shown = bookingLeads.bookingsOf(leadId);
        assertThat(shown).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(bookingId);
            assertThat(b.coachId()).isEqualTo(a.coachIds().get(0));
            assertThat(b.coachName()).startsWith("Coach 0");
            assertThat(b.type().nameDe()).isEqualTo("Erstgespräch");
            assertThat(b.status()).isEqualTo(Booking.Status.CONFIRMED);
        });
    }

    @Inject
    de.digitalcheck.portal.leads.internal.LeadEvents relay;

    /**
     * A lead keeps the source of its first consent: a check shared through the API ({@code api}) and booked a second
     * later with its consent stayed the one lead, but became {@code booking} (the company's export and the agency's API
     * said so). The booking's consent is in the consent log; and each of the two events, relayed together, has the mail
     * of its own consent — the share's was "Neue Anfrage mit Termin" when the relay read the lead after the booking.
     */
    @Test
    void aBookingKeepsTheSourceOfTheLeadItUpdatesAndEachConsentHasItsOwnMail() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        agencies.addTerritory(a.agencyId(), "01002000", new java.util.ArrayList<>()); // Kiel
        try {
            String email = email();
            String leadId;
            try (AutoCloseable held = dispatcher.hold()) {
                CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Kiel GmbH")
                    .at("24103").sized("C", 12).level(2).contact("Kim Kiel", email).sharedWithAgency().submit(http());
                leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
                assertThat(db().rows("SELECT agency_id, source FROM agency_lead WHERE id = ?", leadId)).singleElement()
                    .satisfies(l -> assertThat(l).containsEntry("agency_id", a.agencyId()).containsEntry("source", "api"));
                String bookingId = book(a, 10, 9, email, true, check);
                assertThat(db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", bookingId))
                    .as("the booking went into the check's lead").isEqualTo(leadId);
                relay.relayDue();
            }
            assertThat(db().value("SELECT source FROM agency_lead WHERE id = ?", leadId)).isEqualTo("api");
            // both consents in the log, each with its own source (the test's clock may give both the same instant)
            assertThat(db().rows("SELECT source FROM lead_consent WHERE lead_id = ?", leadId))
                .extracting(c -> c.get("source")).containsExactlyInAnyOrder("api", "booking");
            assertThat(db().rows("SELECT subject FROM mail_outbox WHERE recipient = ?", a.agencyEmail()))
                .extracting(m -> m.get("subject")).containsExactlyInAnyOrder("Neue Anfrage im Digitalcheck",
                    "Aktualisierte Anfrage mit Termin im Digitalcheck");
        } finally {
            agencies.removeTerritory(a.agencyId(), "01002000");
        }
    }

    @Test
    void aBookingWithoutConsentMakesNoLead() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        String bookingId = book(a, 10, 10, email, false, null);
        assertThat(count("SELECT COUNT(*) FROM agency_lead WHERE LOWER(contact_email) = ?", email))
            .isEqualTo(0L);
        assertThat(count("SELECT COUNT(*) FROM lead_booking WHERE booking_id = ?", bookingId)).isEqualTo(0L);
        relayed();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", a.agencyEmail()))
            .isEqualTo(0L);
    }

    @Test
    void aSecondConsentedBookingUpdatesTheOpenLeadAndTheLeadShowsBoth() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        String first = book(a, 10, 10, email, true, null);
        String second = book(a, 11, 14, email.toUpperCase(java.util.Locale.ROOT), true, null);
        List<Map<String, Object>> leads = db().rows("SELECT * FROM agency_lead WHERE LOWER(contact_email) = ?", email);
        assertThat(leads).hasSize(1);
        String leadId = (String) leads.get(0).get("id");
        assertThat(bookingLeads.bookingsOf(leadId)).extracting(Booking::id).containsExactly(first, second);
        assertThat(count("SELECT COUNT(*) FROM lead_consent WHERE lead_id = ?", leadId)).isEqualTo(2L);
        assertThat(count("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND action = 'BOOKING'", leadId))
            .isEqualTo(2L);
        assertThat(leads.get(0).get("contact_phone")).isEqualTo("+49 231 1234");
        // a third booking that gives no phone keeps the phone the lead has (it used to erase it without a trace)
        HttpResponse<String> third = http().postJson("/api/v1/bookings", a.body(at(bookableDay(12), 10), email, true,
            null).replace(",\"phone\":\"+49 231 1234\"", ""));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
        assertThat(db().value("SELECT contact_phone FROM agency_lead WHERE id = ?", leadId)).isEqualTo("+49 231 1234");
        assertThat(count("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND action = 'BOOKING'", leadId))
            .isEqualTo(3L);
    }

    @Test
    void aConsentedBookingOfACheckCarriesTheChecksProfileAndUpdatesItsLead() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Check GmbH")
            .at("44135").sized("C", 42).level(2).contact("Carl Check", email).submit(http());
        book(a, 10, 9, email, true, check);
        Map<String, Object> lead = db().rows("SELECT * FROM agency_lead WHERE LOWER(contact_email) = ?", email).get(0);
        assertThat(lead).containsEntry("agency_id", a.agencyId()).containsEntry("assessment_id", check.id())
            .containsEntry("sector", "C")
            // the contact is the one the company just gave with the booking
            .containsEntry("contact_name", "Tina Termin").containsEntry("company_name", "Termin GmbH");
        assertThat(((Number) lead.get("employees")).intValue()).isEqualTo(42);
        assertThat(((Number) lead.get("overall_level")).intValue()).isEqualTo(2);
        assertThat(db().value("SELECT assessment_id FROM lead_consent WHERE lead_id = ?", lead.get("id")))
            .isEqualTo(check.id());
    }

    /**
     * One open lead per check and agency: a second booking made with the check's private link under another address
     * goes into the lead the check's first booking made and corrects its contact (the link's holder made that lead),
     * recorded in the trail; a booking under that address without the check makes a lead of its own, and a booking
     * of the check under an address another lead has goes into that lead and leaves the check's own as it is.
     */
    @Test
    void aBookingOfACheckUnderAnotherAddressCorrectsTheChecksOwnLead() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String first = email();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Check GmbH")
            .at("44135").sized("C", 42).level(2).contact("Carl Check", first).submit(http());
        String firstBooking = book(a, 10, 9, first, true, check);
        String leadId = (String) db().value("SELECT id FROM agency_lead WHERE LOWER(contact_email) = ?", first);

        String corrected = email();
        String secondBooking = book(a, 11, 9, corrected, true, check);
        assertThat(db().rows("SELECT * FROM agency_lead WHERE assessment_id = ? AND status = 'OPEN'", check.id()))
            .as("the check's one open lead at the agency").singleElement().satisfies(l -> assertThat(l)
                .containsEntry("id", leadId).containsEntry("contact_email", corrected)
                .containsEntry("open_key", a.agencyId() + "|" + corrected));
        assertThat(bookingLeads.bookingsOf(leadId)).extracting(Booking::id).containsExactly(firstBooking, secondBooking);
        assertThat(db().rows("SELECT from_value, to_value FROM lead_audit WHERE lead_id = ? AND action = 'DATA_EMAIL'",
            leadId)).singleElement().satisfies(r -> assertThat(r).containsEntry("from_value", first)
                .containsEntry("to_value", corrected));

        // the first address is free again: a booking under it without the check is a lead of its own
        book(a, 12, 9, first, true, null);
        assertThat(db().rows("SELECT * FROM agency_lead WHERE LOWER(contact_email) = ? AND status = 'OPEN'", first))
            .singleElement().satisfies(l -> assertThat(l.get("id")).isNotEqualTo(leadId));

        // an address another open lead has: the booking goes into that lead; the check's own keeps its contact
        String elsewhere = email();
        String otherLead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?",
            book(a, 13, 9, elsewhere, true, null));
        String third = book(a, 14, 9, elsewhere, true, check);
        assertThat(db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?", third)).isEqualTo(otherLead);
        assertThat(db().value("SELECT contact_email FROM agency_lead WHERE id = ?", leadId)).isEqualTo(corrected);
    }

    /**
     * A booking with the check's private link under another address took over the lead the check made: the check's
     * own address (which still has the check) saw neither the consent it gave nor a way to withdraw it in "Mein
     * Unternehmen". Now both addresses see the lead's consents and either can withdraw it; an address without the check
     * cannot, and a lead the check's consent only went into (another address's own lead) stays out of its reach.
     */
    @Test
    void theChecksOwnAddressStillSeesAndWithdrawsTheLeadABookingUnderAnotherAddressTookOver() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String first = email();
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Erika GmbH")
            .at("44135").contact("Erika Erst", first).submit(http());
        book(a, 10, 9, first, true, check);
        String leadId = (String) db().value("SELECT id FROM agency_lead WHERE LOWER(contact_email) = ?", first);
        String other = email();
        book(a, 11, 9, other, true, check);
        assertThat(db().value("SELECT contact_email FROM agency_lead WHERE id = ?", leadId)).isEqualTo(other);

        assertThat(agencyLeads.consentsOf(first)).as("the check's address").hasSize(2)
            .allSatisfy(c -> assertThat(c.leadId()).isEqualTo(leadId)).allSatisfy(c -> assertThat(c.leadOpen()).isTrue());
        assertThat(agencyLeads.consentsOf(other)).as("the lead's contact").hasSize(2)
            .allSatisfy(c -> assertThat(c.leadId()).isEqualTo(leadId));
        String stranger = email();
        assertThat(agencyLeads.consentsOf(stranger)).isEmpty();
        assertThatThrownBy(() -> agencyLeads.withdraw(stranger, leadId)).isInstanceOf(UnknownLead.class);

        // a lead of its own of another address, which a booking of the check went into: not the check's to withdraw
        String elsewhere = email();
        String elsewhereLead = (String) db().value("SELECT lead_id FROM lead_booking WHERE booking_id = ?",
            book(a, 12, 9, elsewhere, true, null));
        book(a, 13, 9, elsewhere, true, check);
        assertThat(agencyLeads.consentsOf(first)).extracting(AgencyLeads.GivenConsent::leadId)
            .doesNotContain(elsewhereLead);
        assertThatThrownBy(() -> agencyLeads.withdraw(first, elsewhereLead)).isInstanceOf(UnknownLead.class);
        assertThat(db().value("SELECT status FROM agency_lead WHERE id = ?", elsewhereLead)).isEqualTo("OPEN");

        agencyLeads.withdraw(first, leadId);
        assertThat(db().value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("WITHDRAWN");
        assertThat(agencyLeads.consentsOf(first)).allSatisfy(c -> assertThat(c.leadOpen()).isFalse())
            .allSatisfy(c -> assertThat(c.withdrawnAt()).isNotNull());
        // withdrawn already: the other address's withdrawal is done as asked, nothing changes (it was "not found")
        Object withdrawnAt = db().value("SELECT withdrawn_at FROM agency_lead WHERE id = ?", leadId);
        agencyLeads.withdraw(other, leadId);
        assertThat(db().value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("WITHDRAWN");
        assertThat(db().value("SELECT withdrawn_at FROM agency_lead WHERE id = ?", leadId)).isEqualTo(withdrawnAt);
    }

    /**
     * The lead's table cannot be written (here: the link table is away): the booking stands with its consent, nothing
     * of the lead is half-written; once the table is back the repair job makes the lead.
     */
    @Test
    void aLeadThatFailsNeverRollsBackTheBookingAndIsMadeByTheRepairJob() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        String bookingId;
        db().execute("ALTER TABLE lead_booking RENAME TO lead_booking_away");
        try {
            bookingId = book(a, 12, 10, email, true, null);
        } finally {
            db().execute("ALTER TABLE lead_booking_away RENAME TO lead_booking");
        }
        assertThat(db().value("SELECT consent_share FROM booking WHERE id = ?", bookingId)).isIn(true, 1, 1L);
        assertThat(db().value("SELECT status FROM booking WHERE id = ?", bookingId)).isEqualTo("CONFIRMED");
        // the savepoint took the half-made lead, its consent log entry and its mail with it
        assertThat(count("SELECT COUNT(*) FROM agency_lead WHERE LOWER(contact_email) = ?", email)).isEqualTo(0L);
        relayed();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", a.agencyEmail()))
            .isEqualTo(0L);
        // the company's own confirmation mail was not lost with it
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email)).isEqualTo(1L);

        // the job looks at bookings at least a minute old
        db().execute("UPDATE booking SET created_at = ? WHERE id = ?",
            java.sql.Timestamp.from(Instant.now().minusSeconds(120)), bookingId);
        assertThat(bookingLeads.repair()).isGreaterThanOrEqualTo(1);
        assertThat(bookingLeads.leadOf(bookingId)).isPresent();
        assertThat(count("SELECT COUNT(*) FROM agency_lead WHERE LOWER(contact_email) = ?", email)).isEqualTo(1L);
        // a second run changes nothing
        bookingLeads.repair();
        assertThat(count("SELECT COUNT(*) FROM lead_consent c JOIN agency_lead l ON l.id = c.lead_id"
            + " WHERE LOWER(l.contact_email) = ?", email)).isEqualTo(1L);
    }

    /**
     * The company moves its appointment and the agency cancels it: both are on the lead's trail with the times (who:
     * the company or the staff member), never a private token; a booking without consent leaves no trail anywhere.
     */
    @Test
    void aMoveAndACancellationOfTheBookingAreOnTheLeadsTrailWithoutTokens() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String email = email();
        HttpResponse<String> made = http().postJson("/api/v1/bookings", a.body(at(bookableDay(10), 10), email, true, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String bookingId = (String) http().map(made).get("id");
        String token = (String) http().map(made).get("token");
        String leadId = bookingLeads.leadOf(bookingId).orElseThrow();
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
        String ten = bookableDay(10).atTime(10, 0).format(when);
        String two = bookableDay(10).atTime(14, 0).format(when);

        HttpResponse<String> moved = http().postJson("/api/v1/bookings/" + bookingId + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(bookableDay(10), 14) + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        String newToken = (String) http().map(moved).get("token");
        assertThat(db().rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'BOOKING_MOVED'", leadId))
            .singleElement().satisfies(r -> assertThat(r).containsEntry("from_value", ten).containsEntry("to_value", two)
                .containsEntry("actor_id", null).containsEntry("actor_name", null).containsEntry("note", null));

        bookingChanges.cancelByStaff(bookingId, a.coachIds().get(0), "Stefanie Staff", "Der Coach ist krank.");
        assertThat(db().rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'BOOKING_CANCELLED'", leadId))
            .singleElement().satisfies(r -> assertThat(r).containsEntry("from_value", two).containsEntry("to_value", null)
                .containsEntry("actor_name", "Stefanie Staff").containsEntry("note", null));
        // a second cancellation changes nothing, and so adds nothing
        bookingChanges.cancelByStaff(bookingId, a.coachIds().get(0), "Stefanie Staff", null);
        assertThat(count("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND action = 'BOOKING_CANCELLED'", leadId))
            .isEqualTo(1L);
        assertThat(db().rows("SELECT * FROM lead_audit WHERE lead_id = ?", leadId)).hasSize(3)
            .allSatisfy(r -> assertThat(r.values().stream().filter(java.util.Objects::nonNull).map(Object::toString))
                .noneMatch(v -> v.contains(token) || v.contains(newToken)));

        // without consent there is no lead: the move is the booking's alone
        String other = email();
        HttpResponse<String> unshared = http().postJson("/api/v1/bookings", a.body(at(bookableDay(11), 10), other, false,
            null));
        String unsharedId = (String) http().map(unshared).get("id");
        long trail = count("SELECT COUNT(*) FROM lead_audit");
        assertThat(http().postJson("/api/v1/bookings/" + unsharedId + "/reschedule", "{\"token\":\""
            + http().map(unshared).get("token") + "\",\"start\":\"" + at(bookableDay(11), 15) + "\"}").statusCode())
            .isEqualTo(200);
        assertThat(bookingLeads.leadOf(unsharedId)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM lead_audit")).isEqualTo(trail);
    }

    @Test
    void theBookingPageNamesTheReceivingAgencyAtTheConsent() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String page = http().get("/termin/" + a.agencyId() + "?type=" + a.typeId() + "&start="
            + java.net.URLEncoder.encode(at(bookableDay(10), 10), java.nio.charset.StandardCharsets.UTF_8)
            + "&coach=" + a.coachIds().get(0)).body();
        assertThat(page).contains("booking-consent").contains("dass Outcome Test " + a.agencyId() + " meine Angaben");
    }
}
