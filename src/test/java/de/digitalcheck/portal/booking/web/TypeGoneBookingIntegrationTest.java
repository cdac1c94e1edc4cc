package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kind of appointment the agency switched off while a company filled in the booking form: sending the form was a
 * page "not found", and what was typed was gone. Now 409 with the agency's kinds to choose from and why, nothing
 * booked; the kind's own link (bookmarked, shared) is 410 with the kinds too (it was "not found" as well). A kind the
 * agency never had (made up, another agency's) is 404 with the agency's kinds: it was 410 as well, "gone" for what never
 * was. A first load of the kinds says nothing.
 */
@MicronautTest(transactional = false)
class TypeGoneBookingIntegrationTest {

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

    /** The contact form's hidden fields as the page holds them ({@link Http#hidden}; postForm adds the CSRF token). */
    static Map<String, String> hidden(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : java.util.List.of("type", "coach", "start", "key")) {
            fields.put(name, Http.hidden(page, name));
        }
        return fields;
    }

    @Test
    void aKindSwitchedOffWhileTheFormWasOpenIsSaidSoWithTheKindsToChooseFrom() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Database db = new Database(dataSource);
        Http http = new Http(server, json);
        String base = "/termin/" + a.agencyId();
        HttpResponse<String> kinds = http.get(base);
        assertThat(kinds.statusCode()).isEqualTo(200);
        assertThat(kinds.body()).contains(a.typeId()).doesNotContain("error-summary", "angeboten. Bitte wählen");
        HttpResponse<String> form = http.get(base + "?type=" + a.typeId() + "&coach=any&start="
            + Http.enc(at(bookableDay(10), 10)));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Http.hidden(form.body(), "_csrf")).isNotBlank();
        Map<String, String> sent = hidden(form.body());
        assertThat(sent).containsKeys("type", "start", "key");
        sent.put("companyName", "Abgeschaltet GmbH");
        sent.put("postalCode", "58452");
        sent.put("contactName", "Anna Abgeschaltet");
        sent.put("contactEmail", "anna@abgeschaltet.example.org");

        db.execute("UPDATE appointment_type SET active = FALSE WHERE id = ?", a.typeId());
        HttpResponse<String> refused = http.postForm(base, sent);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – ", "id=\"error-summary\"",
            "Diese Terminart wird inzwischen nicht mehr angeboten; der Termin wurde nicht gebucht.", "id=\"step-type\"")
            .doesNotContain("Seite nicht gefunden");
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking WHERE agency_id = ?", a.agencyId())).intValue())
            .as("nothing booked").isZero();

        HttpResponse<String> link = http.get(base + "?type=" + a.typeId());
        assertThat(link.statusCode()).isEqualTo(410);
        assertThat(link.body()).contains("Diese Terminart wird nicht mehr angeboten. Bitte wählen Sie eine andere.",
            "id=\"step-type\"").doesNotContain("Seite nicht gefunden");
        assertThat(http.get(base + "?type=" + a.typeId() + "&lang=en").body())
            .contains("This kind of appointment is no longer offered.");
        http.get(base + "?lang=de");
    }

    @Test
    void aKindTheAgencyNeverHadIsNotFoundWithTheKindsToChooseFrom() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Database db = new Database(dataSource);
        Http http = new Http(server, json);
        String base = "/termin/" + a.agencyId();
        // made up, and another agency's kind (offered there: its page books it): neither ever was this agency's
        for (String kind : java.util.List.of("gibt-es-nicht", java.util.UUID.randomUUID().toString(), other.typeId())) {
            HttpResponse<String> page = http.get(base + "?type=" + Http.enc(kind));
            assertThat(page.statusCode()).as(kind).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).as(kind).startsWith("text/html");
            assertThat(page.body()).as(kind).contains("Diese Terminart gibt es hier nicht. Bitte wählen Sie eine aus der Liste.",
                    "id=\"step-type\"", "id=\"type-" + a.typeId() + "\"", "id=\"error-summary\"")
                .doesNotContain("Seite nicht gefunden", "nicht mehr angeboten", "id=\"type-" + other.typeId() + "\"");
        }
        assertThat(http.get("/termin/" + other.agencyId() + "?type=" + other.typeId()).statusCode())
            .as("at its own agency").isEqualTo(200);
        try {
            HttpResponse<String> english = http.get(base + "?type=gibt-es-nicht&lang=en");
            assertThat(english.statusCode()).isEqualTo(404);
            assertThat(english.body()).contains("There is no such kind of appointment here. Please choose one from the list.",
                "lang=\"en\"");
        } finally {
            http.get(base + "?lang=de");
        }

        // a form sent with a kind the agency never had: 404 with its kinds, nothing booked
        HttpResponse<String> form = http.get(base + "?type=" + a.typeId() + "&coach=any&start="
            + Http.enc(at(bookableDay(10), 10)));
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, String> sent = hidden(form.body());
        sent.put("type", other.typeId());
        sent.put("companyName", "Erfunden GmbH");
        sent.put("postalCode", "58452");
        sent.put("contactName", "Erna Erfunden");
        sent.put("contactEmail", "erna@erfunden.example.org");
        HttpResponse<String> refused = http.postForm(base, sent);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Diese Terminart gibt es hier nicht.", "id=\"step-type\"")
            .doesNotContain("Seite nicht gefunden");
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking WHERE agency_id IN (?, ?)", a.agencyId(),
            other.agencyId())).intValue()).as("nothing booked").isZero();
    }
}
