package de.digitalcheck.portal.shared.validation;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No web address in a company's or a person's name: the portal writes names into mails in an agency's name ("Guten
 * Tag Kunde, Ihr Paket wartet: https://…"), so a name with {@code ://} or a word beginning with {@code www.} is refused
 * at its field, in the booking's and the check's API bodies and on their pages (the check's profile, the result page's
 * contact and consent), with nothing stored or mailed. A domain-like company name ("Example.com GmbH") is a name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAddressInNamesIntegrationTest implements TestPropertyProvider {

    static final String EVIL_COMPANY = "Ihr Konto wird gesperrt – jetzt bestätigen: https://evil.example/login";
    static final String EVIL_CONTACT = "Kunde, Ihr Paket wartet: https://evil.example/p";
    static final String GERMAN = "Bitte geben Sie hier keine Internetadresse an.";
    static final String ENGLISH = "Please do not enter a web address here.";

    final SmtpServer smtp = new SmtpServer();

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
    Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    static String address(String what) {
        return what + "-" + Long.toHexString(System.nanoTime()) + "@example.org";
    }

    long bookingsOf(String email) {
        return ((Number) db().value("SELECT COUNT(*) FROM booking WHERE contact_email = ?", email)).longValue();
    }

    long checksOf(String email) {
        return ((Number) db().value("SELECT COUNT(*) FROM assessment WHERE contact_email = ?", email)).longValue();
    }

    /** The {@code errors} of a problem document: field to message. */
    @SuppressWarnings("unchecked")
    Map<String, String> fieldErrors(HttpResponse<String> problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Object e : (List<Object>) http().map(problem).get("errors")) {
            Map<String, Object> error = (Map<String, Object>) e;
            errors.put((String) error.get("field"), (String) error.get("message"));
        }
        return errors;
    }

    @Test
    void theBookingApiRefusesAWebAddressInEitherNameAndStoresAndMailsNothing() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        LocalDate day = BookableAgency.bookableWeek(24);
        String victim = address("victim");
        String body = a.body(BookableAgency.at(day, 9), victim, false, null)
            .replace("Termin GmbH", EVIL_COMPANY).replace("Tina Termin", EVIL_CONTACT);
        HttpResponse<String> refused = http().postJson("/api/v1/bookings", body);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(refused)).containsExactly(Map.entry("company.name", GERMAN),
            Map.entry("contact.name", GERMAN));
        HttpResponse<String> english = http().postJson("/api/v1/bookings", body.replace("\"language\":\"de\"",
            "\"language\":\"en\""));
        assertThat(fieldErrors(english)).containsEntry("company.name", ENGLISH).containsEntry("contact.name", ENGLISH);
        HttpResponse<String> www = http().postJson("/api/v1/bookings", a.body(BookableAgency.at(day, 9), victim,
            false, null).replace("Tina Termin", "Tina www.evil.example"));
        assertThat(www.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(www)).containsOnlyKeys("contact.name");
        assertThat(bookingsOf(victim)).isZero();

        String company = address("company");
        HttpResponse<String> named = http().postJson("/api/v1/bookings", a.body(BookableAgency.at(day, 11), company,
            false, null).replace("Termin GmbH", "Example.com GmbH"));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        MimeMessage[] received = smtp.awaitMailsTo(company);
        for (MimeMessage m : received) {
            assertThat(m.getAllRecipients()).extracting(Object::toString).doesNotContain(victim);
        }
    }

    @Test
    void theBookingFormSaysSoAtTheNameFieldsAndKeepsWhatWasTyped() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        LocalDate day = BookableAgency.bookableWeek(25);
        String victim = address("form");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", a.typeId());
        form.put("coach", "any");
        form.put("start", day.atTime(9, 0).atZone(BookableAgency.BERLIN).toInstant().toString());
        form.put("key", UUID.randomUUID().toString());
        form.put("companyName", "www.evil.example GmbH");
        form.put("postalCode", "44135");
        form.put("contactName", EVIL_CONTACT);
        form.put("contactEmail", victim);
        HttpResponse<String> refused = http().postForm("/termin/" + a.agencyId(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-summary\"", "href=\"#booking-companyName\"",
            "href=\"#booking-contactName\"", GERMAN, "value=\"www.evil.example GmbH\"",
            "value=\"Kunde, Ihr Paket wartet: https://evil.example/p\"", "value=\"" + victim + "\"");
        assertThat(bookingsOf(victim)).isZero();
    }

    @Test
    void theAssessmentApiRefusesAWebAddressInTheCompanysOrTheContactsName() {
        Questionnaire q = questionnaires.current();
        Http http = http();
        String email = address("check");
        Map<String, Object> body = CompletedChecks.of(q).named(EVIL_COMPANY).contact(EVIL_CONTACT, email)
            .sharedWithAgency().body();
        HttpResponse<String> refused = http.postJson("/api/v1/assessments", http.write(body));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(refused)).containsEntry("company.name", GERMAN).containsEntry("contact.name", GERMAN);
        HttpResponse<String> english = http.postJson("/api/v1/assessments?lang=en",
            http.write(CompletedChecks.of(q).contact("Max www.evil.example", email).in("en").body()));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(english)).containsOnly(Map.entry("contact.name", ENGLISH));
        assertThat(checksOf(email)).isZero();
        CompletedChecks.Completed named = CompletedChecks.of(q).named("Example.com GmbH").contact("Max Muster", email)
            .submit(http);
        assertThat(named.id()).isNotBlank();
    }

    @Test
    void theChecksPagesRefuseAWebAddressInTheProfileTheContactAndTheConsent() {
        Http http = http();
        long before = db().count("assessment");
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", EVIL_COMPANY);
        profile.put("postalCode", "44135");
        profile.put("sector", "C");
        profile.put("employees", "42");
        profile.put("companyType", "TRADE");
        profile.put("contactName", "Www.evil.example");
        profile.put("contactEmail", address("profile"));
        HttpResponse<String> page = http.postForm("/check", profile);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"error-summary\"", "href=\"#contact-name\"", GERMAN,
            "value=\"Ihr Konto wird gesperrt – jetzt bestätigen: https://evil.example/login\"",
            "value=\"Www.evil.example\"");
        assertThat(db().count("assessment")).isEqualTo(before);
        profile.put("name", "Example.com GmbH");
        profile.put("contactName", "Eva Example");
        assertThat(http.postForm("/check", profile).statusCode()).isEqualTo(303);

        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).submit(http);
        String email = address("consent");
        HttpResponse<String> consent = http.postForm("/check/" + check.token() + "/einwilligung",
            Map.of("consentName", EVIL_CONTACT, "consentEmail", email, "shareWithAgency", "on"));
        assertThat(consent.statusCode()).isEqualTo(422);
        assertThat(consent.body()).contains("href=\"#consent-name\"", GERMAN);
        HttpResponse<String> contact = http.postForm("/check/" + check.token() + "/kontakt?lang=en",
            Map.of("contactName", "See http://evil.example", "contactEmail", email));
        assertThat(contact.statusCode()).isEqualTo(422);
        assertThat(contact.body()).contains("href=\"#contact-name\"", ENGLISH);
        http.get("/?lang=de");
        assertThat(db().value("SELECT contact_email FROM assessment WHERE id = ?", check.id())).isNull();
        assertThat(((Number) db().value("SELECT COUNT(*) FROM agency_lead WHERE contact_email = ?", email))
            .longValue()).isZero();
    }
}
