package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An appointment's page for the coach and the agency's staff shows the result of the self-check the company booked
 * from, with the company's consent only (SPEC §2): with it the overall score and the level per area; without it, or
 * once it is withdrawn, only that the result is not shared, nothing of it. The page also gives the contact's phone,
 * which a phone appointment needs. Before, the page showed nothing of the check at all, while the booking page told
 * the company that its coach could prepare with it.
 */
@MicronautTest(transactional = false)
class AppointmentCheckResultIntegrationTest extends SignedInTests {

    static final String AGENCY = "en-agentur";
    static final String COACH_EMAIL = "coach@en-agentur.example.org";
    static final String NOT_SHARED = "nicht (oder nicht mehr)";

    @Inject
    Accounts accounts;
    @Inject
    Questionnaires questionnaires;
    @Inject
    AgencyLeads leads;

    Map<String, Http> users;
    String coachId;

    @BeforeAll
    void users() {
        users = everyDemoUser("check-result-");
        coachId = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
    }

    /** A booking of the demo coach through the API, from the check if given, with the consent to share or not. */
    String book(@Nullable CompletedChecks.Completed check, boolean consent, String email) {
        Http http = new Http(server, json);
        String type = (String) ((Map<?, ?>) http.list(http.get("/api/v1/appointment-types?agency=" + AGENCY)).get(0))
            .get("id");
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14 + ThreadLocalRandom.current().nextInt(30));
        List<?> slots = (List<?>) http.map(http.get("/api/v1/slots?agency=" + AGENCY + "&type=" + type + "&from=" + from
            + "&to=" + from.plusDays(10) + "&coach=" + coachId)).get("slots");
        assertThat(slots).isNotEmpty();
        String start = (String) ((Map<?, ?>) slots.get(ThreadLocalRandom.current().nextInt(slots.size()))).get("start");
        HttpResponse<String> made = http.postJson("/api/v1/bookings", "{\"agencyId\":\"" + AGENCY + "\",\"typeId\":\""
            + type + "\",\"start\":\"" + start + "\",\"coachId\":\"" + coachId + "\","
            + (check == null ? "" : "\"assessmentId\":\"" + check.id() + "\",\"assessmentToken\":\"" + check.token() + "\",")
            + "\"company\":{\"name\":\"Ergebnis Eisenwerk GmbH\",\"postalCode\":\"58452\"},"
            + "\"contact\":{\"name\":\"Elke Ergebnis\",\"email\":\"" + email + "\",\"phone\":\"02302 445566\"},"
            + (consent ? "\"consent\":{\"shareWithAgency\":true}," : "") + "\"language\":\"de\"}",
            "Idempotency-Key", "check-result-" + java.util.UUID.randomUUID());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return (String) http.map(made).get("id");
    }

    CompletedChecks.Completed check(String email) {
        return CompletedChecks.of(questionnaires.current()).named("Ergebnis Eisenwerk GmbH").at("58452")
            .contact("Elke Ergebnis", email).submit(new Http(server, json));
    }

    static String email() {
        return "ergebnis-" + Long.toHexString(System.nanoTime()) + "@check-result.example";
    }

    @Test
    void withConsentTheCoachAndTheStaffSeeTheResultUntilItIsWithdrawn() {
        String email = email();
        CompletedChecks.Completed check = check(email);
        String id = book(check, true, email);

        String coachPage = users.get("en-coach").get("/coach/termine/" + id).body();
        assertThat(coachPage).contains("Ergebnis des Selbstchecks", "Gesamtwert", "Strategie &amp; Organisation",
            "Die schwächsten Bereiche zuerst", "Elke Ergebnis · <span class=\"dc-address\">"
                + email.replace("@", "@<wbr>").replace(".", ".<wbr>") + "</span> · 02302 445566")
            .doesNotContain(NOT_SHARED, check.token(), "error-summary", ">Vergleichsgruppe</th>");
        assertThat(users.get("en-staff").get("/agentur/coaches/" + coachId + "/termine/" + id).body())
            .contains("Gesamtwert", "Strategie &amp; Organisation");
        Http english = users.get("en-coach");
        assertThat(english.get("/coach/termine/" + id + "?lang=en").body())
            .contains("Result of the self-check", "Overall score", "The weakest areas first")
            .doesNotContain("Gesamtwert", "Ergebnis des Selbstchecks");
        english.get("/coach/termine?lang=de");

        // the company withdraws its consent: the page keeps the appointment, not the result
        String lead = leads.sharedWith(new AssessmentId(check.id())).stream().filter(l -> !l.withdrawn())
            .findFirst().orElseThrow().id();
        leads.withdraw(email, lead);
        String after = users.get("en-coach").get("/coach/termine/" + id).body();
        assertThat(after).contains("Termin mit Ergebnis Eisenwerk GmbH", NOT_SHARED)
            .doesNotContain("Gesamtwert", "Strategie &amp; Organisation", "Die schwächsten Bereiche zuerst");
        assertThat(users.get("en-staff").get("/agentur/coaches/" + coachId + "/termine/" + id).body())
            .contains(NOT_SHARED).doesNotContain("Gesamtwert");
    }

    @Test
    void withoutConsentNothingOfTheCheckIsShown() {
        String email = email();
        CompletedChecks.Completed check = check(email);
        String id = book(check, false, email);
        String page = users.get("en-coach").get("/coach/termine/" + id).body();
        assertThat(page).contains("Termin mit Ergebnis Eisenwerk GmbH", "Ergebnis des Selbstchecks", NOT_SHARED)
            .doesNotContain("Gesamtwert", "Strategie &amp; Organisation", "Die schwächsten Bereiche zuerst");
    }

    @Test
    void anAppointmentBookedWithoutACheckSaysNothingOfOne() {
        String id = book(null, true, email());
        String page = users.get("en-coach").get("/coach/termine/" + id).body();
        assertThat(page).contains("Termin mit Ergebnis Eisenwerk GmbH", "02302 445566")
            .doesNotContain("Ergebnis des Selbstchecks", NOT_SHARED, "Gesamtwert");
        // another agency's coach still finds nothing
        assertThat(users.get("do-coach").get("/coach/termine/" + id).statusCode()).isEqualTo(404);
    }
}
