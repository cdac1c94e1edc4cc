package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address of a visit at the company (meeting mode {@code ON_SITE}): required (street, with house number where
 * there is one, a postal code the portal knows, town) and refused with field errors, nothing stored; kept, in the coach's mail and the
 * invitation's LOCATION, on the booking's page, after a move; exported and erased with the company's data. Other modes
 * ignore it. Run on H2 and MySQL/MariaDB.
 */
abstract class VisitAddressContract {

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
    PersonalDataRequests personalData;
    @Inject
    CoachFeeds feeds;

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    /** An agency whose one coach offers a video talk and a 120-minute visit at the company. */
    record Setup(BookableAgency agency, String visitTypeId) {
    }

    Setup setup() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        AppointmentType visit = calendars.saveType(a.agencyId(), null, new Calendars.TypeInput("Besuch im Unternehmen",
            "Visit at your company", "120", "ON_SITE", "30", a.coachIds(), true), List.of());
        return new Setup(a, visit.id());
    }

    static String email() {
        return "va-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A booking body of the type with the company's members as given (JSON text inside {@code company}). */
    static String body(Setup s, String typeId, String start, String email, String company, String language) {
        return "{\"agencyId\":\"" + s.agency().agencyId() + "\",\"typeId\":\"" + typeId + "\",\"start\":\"" + start
            + "\",\"company\":{\"name\":\"Besuch GmbH\"," + company + "},"
            + "\"contact\":{\"name\":\"Berta Besuch\",\"email\":\"" + email + "\"},\"language\":\"" + language + "\"}";
    }

    static final String ADDRESS = "\"street\":\"Ruhrstraße 12\",\"postalCode\":\"58452\",\"town\":\"Witten\"";

    long bookingsOf(Setup s) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking WHERE agency_id = ?", s.agency().agencyId()))
            .longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fieldErrors(Http http, HttpResponse<String> answer) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (Object e : (List<Object>) http.map(answer).get("errors")) {
            Map<String, Object> error = (Map<String, Object>) e;
            byField.putIfAbsent((String) error.get("field"), (String) error.get("message"));
        }
        return byField;
    }

    /**
     * An agency's coaches visit companies in its area only: a visit at a postal code outside its territories is
     * refused at the postal code, naming the agency responsible there (EN-Agentur for Witten), nothing stored; one
     * inside is booked. (A visit anywhere in the country was once booked, sending the coach across it.)
     */
    @Test
    void aVisitOutsideTheAgencysAreaIsRefusedNamingTheResponsibleAgency() {
        Setup s = setup();
        agencies.addTerritory(s.agency().agencyId(), "10041100", new java.util.ArrayList<>()); // Saarbrücken
        try {
            Http http = http();
            String start = at(bookableDay(10), 9);
            HttpResponse<String> outside = http.postJson("/api/v1/bookings",
                body(s, s.visitTypeId(), start, email(), ADDRESS, "de"));
            assertThat(outside.statusCode()).as(outside.body()).isEqualTo(422);
            assertThat(fieldErrors(http, outside)).containsOnlyKeys("company.postalCode");
            assertThat(fieldErrors(http, outside).get("company.postalCode"))
                .contains("nur in ihrem Gebiet", "58452 Witten", "Ennepe-Ruhr");
            assertThat(bookingsOf(s)).isZero();

            HttpResponse<String> inside = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
                "\"street\":\"Am Markt 1\",\"postalCode\":\"66111\",\"town\":\"Saarbrücken\"", "de"));
            assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
            assertThat(bookingsOf(s)).isOne();
        } finally {
            agencies.removeTerritory(s.agency().agencyId(), "10041100");
        }
    }

    @Test
    void aVisitWithoutItsAddressIsRefusedFieldByFieldAndNothingIsStored() {
        Setup s = setup();
        Http http = http();
        String start = at(bookableDay(10), 9);
        HttpResponse<String> missing = http.postJson("/api/v1/bookings",
            body(s, s.visitTypeId(), start, email(), "\"postalCode\":\"58452\"", "de"));
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fieldErrors(http, missing)).containsOnlyKeys("company.street", "company.town")
            .containsEntry("company.street", "Bitte füllen Sie dieses Feld aus.");

        HttpResponse<String> wrong = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
            "\"street\":\"12\",\"postalCode\":\"00000\",\"town\":\"  \"", "en"));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(fieldErrors(http, wrong))
            .containsEntry("company.street", "Please give the street, with the house number if there is one, e.g. “Musterstraße 1”.")
            .containsEntry("company.postalCode", "We do not know this postal code. Please check it.")
            .containsEntry("company.town", "Please fill in this field.");

        HttpResponse<String> control = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
            "\"street\":\"Ruhrstraße 12\\u0007\",\"postalCode\":\"58452\",\"town\":\"Witten\"", "de"));
        assertThat(control.statusCode()).as(control.body()).isEqualTo(422);
        assertThat(fieldErrors(http, control)).containsOnlyKeys("company.street");

        HttpResponse<String> shape = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
            "\"street\":\"Ruhrstraße 12\",\"postalCode\":\"5845\",\"town\":\"" + "W".repeat(101) + "\"", "de"));
        assertThat(shape.statusCode()).as(shape.body()).isEqualTo(422);
        assertThat(fieldErrors(http, shape)).containsOnlyKeys("company.postalCode", "company.town");
        assertThat(fieldErrors(http, shape).get("company.postalCode")).contains("fünf Ziffern");

        // the mails carry the address: no web address in it, as in the names
        HttpResponse<String> link = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
            "\"street\":\"https://evil.example/login 1\",\"postalCode\":\"58452\","
                + "\"town\":\"www.evil.example\"", "de"));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(422);
        assertThat(fieldErrors(http, link)).containsOnlyKeys("company.street", "company.town")
            .containsEntry("company.street", "Bitte geben Sie hier keine Internetadresse an.")
            .containsEntry("company.town", "Bitte geben Sie hier keine Internetadresse an.");
        assertThat(bookingsOf(s)).as("nothing stored").isZero();
    }

    /**
     * A street names itself with at least two letters, of any script: {@code "1"} and {@code "12"} were taken as the
     * street of a visit (they have a digit), and the coach had nowhere to go. Refused at the field by the API and by the
     * booking form, which keeps what was typed; nothing stored. An abbreviated street with a house number's letter is
     * fine, and so is a street without a house number (some addresses have none).
     */
    @Test
    void aStreetOfNumbersAloneIsRefusedByTheApiAndTheForm() {
        Setup s = setup();
        Http http = http();
        String start = at(bookableDay(10), 9);
        for (String street : List.of("1", "12", " 12 ", "1-3", "12 a")) {
            HttpResponse<String> refused = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
                "\"street\":\"" + street + "\",\"postalCode\":\"58452\",\"town\":\"Witten\"", "en"));
            assertThat(refused.statusCode()).as(street + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(fieldErrors(http, refused)).as(street).containsOnly(
                Map.entry("company.street", "Please give the street, with the house number if there is one, e.g. “Musterstraße 1”."));
        }
        assertThat(bookingsOf(s)).as("nothing stored").isZero();

        String page = http.get("/termin/" + s.agency().agencyId() + "?type=" + s.visitTypeId() + "&coach=any&start="
            + Http.enc(start)).body();
        Map<String, String> form = new java.util.HashMap<>(BookingPagesIntegrationTest.hiddenFields(page));
        assertThat(form).containsEntry("type", s.visitTypeId());
        form.put("companyName", "Besuch GmbH");
        form.put("street", "12");
        form.put("postalCode", "58452");
        form.put("town", "Witten");
        form.put("contactName", "Berta Besuch");
        form.put("contactEmail", email());
        HttpResponse<String> refused = http.postForm("/termin/" + s.agency().agencyId(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-summary\"", "href=\"#booking-street\"",
                "Bitte geben Sie die Straße an, mit Hausnummer, wenn es eine gibt, z. B. „Musterstraße 1“.", "value=\"12\"",
                "value=\"Besuch GmbH\"", "value=\"Witten\"", "value=\"Berta Besuch\"")
            .containsPattern("id=\"booking-street\"[^>]*aria-invalid=\"true\"")
            .doesNotContainPattern("id=\"booking-town\"[^>]*aria-invalid=\"true\"");
        try {
            HttpResponse<String> english = http.postForm("/termin/" + s.agency().agencyId() + "?lang=en", form);
            assertThat(english.statusCode()).isEqualTo(422);
            assertThat(english.body()).contains("Please give the street, with the house number if there is one, e.g. “Musterstraße 1”.");
        } finally {
            http.get("/?lang=de");
        }
        assertThat(bookingsOf(s)).as("nothing stored").isZero();

        HttpResponse<String> made = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), start, email(),
            "\"street\":\"Hauptstr. 5a\",\"postalCode\":\"58452\",\"town\":\"Witten\"", "de"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        // an address without a house number (a village's square, a farm): the street's name is enough
        HttpResponse<String> noNumber = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), at(bookableDay(10), 13),
            email(), "\"street\":\"Am Markt\",\"postalCode\":\"58452\",\"town\":\"Witten\"", "de"));
        assertThat(noNumber.statusCode()).as(noNumber.body()).isEqualTo(201);
        assertThat(db().value("SELECT company_street FROM booking WHERE id = ?", http.map(noNumber).get("id")))
            .isEqualTo("Am Markt");
    }

    /** The booking page takes "58 452" as 58452; the API keeps its documented five digits ({@code ^[0-9]{5}$}). */
    @Test
    void theApiKeepsItsDocumentedFiveDigitsForAPostalCodeWithSpaces() {
        Setup s = setup();
        Http http = http();
        HttpResponse<String> spaced = http.postJson("/api/v1/bookings", body(s, s.visitTypeId(), at(bookableDay(10), 9),
            email(), "\"street\":\"Ruhrstraße 12\",\"postalCode\":\"58 452\",\"town\":\"Witten\"", "en"));
        assertThat(spaced.statusCode()).as(spaced.body()).isEqualTo(422);
        assertThat(spaced.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fieldErrors(http, spaced)).containsOnly(
            Map.entry("company.postalCode", "The postal code must be exactly five digits."));
        assertThat(bookingsOf(s)).as("nothing stored").isZero();
    }

    @Test
    void aVisitKeepsItsAddressForTheCoachThePagesAndAMove() throws Exception {
        Setup s = setup();
        Http http = http();
        String email = email();
        LocalDate day = bookableDay(10);
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            body(s, s.visitTypeId(), at(day, 9), email, ADDRESS, "de"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        String token = (String) http.map(made).get("token");
        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", id).get(0);
        assertThat(row).containsEntry("company_street", "Ruhrstraße 12").containsEntry("company_town", "Witten")
            .containsEntry("company_postal_code", "58452");

        String line = "Ruhrstraße 12, 58452 Witten";
        String coachEmail = s.agency().coachEmails().get(0);
        Map<String, Object> coachMail = db().rows("SELECT body, attachment FROM mail_outbox WHERE recipient = ?",
            coachEmail).get(0);
        assertThat((String) coachMail.get("body")).contains(line);
        assertThat(location(coachMail.get("attachment"))).isEqualTo("Vor Ort im Unternehmen: Besuch GmbH, " + line);

        String page = http.get("/termin/buchung/" + id + "?token=" + Http.enc(token)).body();
        assertThat(page).contains("Adresse des Besuchs").contains(line);

        HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + id + "/reschedule",
            "{\"token\":\"" + token + "\",\"start\":\"" + at(bookableDay(11), 13) + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(db().rows("SELECT company_street, company_town FROM booking WHERE id = ?", id).get(0))
            .containsEntry("company_street", "Ruhrstraße 12").containsEntry("company_town", "Witten");
        List<Map<String, Object>> coachMails = db().rows("SELECT subject, attachment FROM mail_outbox"
            + " WHERE recipient = ? AND subject LIKE ?", coachEmail, "%verschoben%");
        assertThat(coachMails).hasSize(1);
        assertThat(location(coachMails.get(0).get("attachment"))).endsWith(line);
    }

    @Test
    @SuppressWarnings("unchecked")
    void otherModesIgnoreTheAddressAndStoreNone() {
        Setup s = setup();
        Http http = http();
        // a street without a number, a wrong type and a place outside the agency's area: none of it matters for a
        // video talk; the postal code must still be one the portal knows (SPEC §5), as for every booking
        HttpResponse<String> unknown = http.postJson("/api/v1/bookings", body(s, s.agency().typeId(),
            at(bookableDay(11), 9), email(), "\"street\":\"Ruhrstraße\",\"postalCode\":\"00000\",\"town\":{}", "de"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body()).contains("company.postalCode", "Diese Postleitzahl kennen wir nicht.")
            .doesNotContain("company.street", "company.town");
        HttpResponse<String> made = http.postJson("/api/v1/bookings", body(s, s.agency().typeId(),
            at(bookableDay(11), 9), email(), "\"street\":\"Ruhrstraße\",\"postalCode\":\"10115\",\"town\":{}", "de"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> row = db().rows("SELECT * FROM booking WHERE id = ?", http.map(made).get("id")).get(0);
        assertThat(row.get("company_street")).isNull();
        assertThat(row.get("company_town")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAddressIsInTheCompanysExportAndGoesWithItsErasure() {
        Setup s = setup();
        Http http = http();
        String email = email();
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            body(s, s.visitTypeId(), at(bookableDay(12), 9), email, ADDRESS, "de"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = (String) http.map(made).get("id");
        List<Map<String, Object>> exported = (List<Map<String, Object>>) personalData.export(email).get("bookings");
        assertThat(exported).singleElement().satisfies(b -> assertThat(b).containsEntry("street", "Ruhrstraße 12")
            .containsEntry("postalCode", "58452").containsEntry("town", "Witten"));

        personalData.erase(email);
        Map<String, Object> erased = db().rows("SELECT * FROM booking WHERE id = ?", id).get(0);
        assertThat(erased.get("company_street")).isNull();
        assertThat(erased.get("company_town")).isNull();
        assertThat(erased).containsEntry("company_postal_code", "");
    }

    /**
     * The coach's calendar subscription shows where the visit is: its events share the invitation's UID, so a calendar
     * holding both would otherwise replace the invitation's address by the bare mode.
     */
    @Test
    void theCoachsCalendarFeedSaysWhereTheVisitIs() throws Exception {
        Setup s = setup();
        Http http = http();
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            body(s, s.visitTypeId(), at(bookableDay(13), 9), email(), ADDRESS, "de"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String feed = http.get("/kalender/" + feeds.renew(s.agency().coachIds().get(0)) + ".ics").body();
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(feed)).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue())
            .isEqualTo("Vor Ort im Unternehmen: Besuch GmbH, Ruhrstraße 12, 58452 Witten");
    }

    /** The LOCATION of an invitation, as a calendar reads it (unfolded, unescaped). */
    private static String location(Object blob) throws Exception {
        byte[] bytes = blob instanceof java.sql.Blob b ? b.getBytes(1, (int) b.length()) : (byte[]) blob;
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
            .getComponent("VEVENT").orElseThrow();
        return event.getProperty("LOCATION").orElseThrow().getValue();
    }
}
