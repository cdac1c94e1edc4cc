package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.PdfText;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead detail's completeness (issue 13): the check's levels per dimension, the consent's text version and time,
 * the check's booked appointment, and the staff's PDF (their agency's leads only; it links to the lead's page and
 * never holds the company's private link). Another agency's staff get 404 for the PDF as for the page.
 */
@MicronautTest(transactional = false)
class LeadDetailIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    Map<String, Http> users;
    Database db;
    CompletedChecks.Completed check;
    String leadId;

    @BeforeAll
    void lead() {
        users = everyDemoUser("detail-");
        db = new Database(dataSource);
        check = CompletedChecks.of(questionnaires.current()).named("Detail Drehteile GmbH").at("44135")
            .contact("Dana Detail", "dana@detail.example.org").sharedWithAgency().submit(new Http(server, json));
        leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
    }

    /**
     * Someone consents with the contact's address and another company's data: the lead stays as it was (its heading,
     * its contact), and the staff see in the lead's trail what was given and not taken over, beside what the lead has;
     * after the withdrawal no longer what (the lead itself then keeps only its company and location).
     */
    @Test
    void aConsentGivenAgainWithOtherDataShowsTheStaffWhatWasGivenUntilItIsWithdrawn() {
        Http anonymous = new Http(server, json);
        String email = "wechsel-" + java.util.UUID.randomUUID() + "@detail.example.org";
        String id = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Erste Fräserei GmbH")
            .at("44135").contact("Erika Erst", email).sharedWithAgency().submit(anonymous).document().get("lead"))
            .get("id");
        String before = users.get("do-staff").get("/agentur/leads/" + id).body();
        assertThat(before).contains("Noch keine Änderungen.").doesNotContain("erneute Einwilligung");

        CompletedChecks.of(questionnaires.current()).named("Zweite Gießerei KG").at("44135")
            .contact("Erika Erst", email).sharedWithAgency().submit(anonymous);
        String after = users.get("do-staff").get("/agentur/leads/" + id).body();
        assertThat(after).contains("Anderer Unternehmensname angegeben (erneute Einwilligung, nicht übernommen)",
                "Erste Fräserei GmbH", "Zweite Gießerei KG",
                "Selbstcheck eines anderen Unternehmens oder Standorts (erneute Einwilligung, nicht übernommen)")
            .doesNotContain("Andere Ansprechperson", "Anderer Standort", "Noch keine Änderungen.", "geändert (erneute");
        assertThat(after.substring(after.indexOf("<h1"), after.indexOf("</h1>"))).as("the lead's heading")
            .contains("Erste Fräserei GmbH").doesNotContain("Zweite Gießerei KG");
        assertThat(after.indexOf("Selbstcheck eines anderen Unternehmens")).as("one moment's entries in a fixed order")
            .isLessThan(after.indexOf("Anderer Unternehmensname angegeben"));
        assertThat(trailRow(after, "Anderer Unternehmensname angegeben")).as("given by the company's address")
            .contains(">Unternehmen<").doesNotContain(">Portal<");
        assertThat(users.get("en-staff").get("/agentur/leads/" + id).statusCode()).isEqualTo(404);

        leads.withdraw(email, id);
        String withdrawn = users.get("do-staff").get("/agentur/leads/" + id).body();
        assertThat(withdrawn).contains("Anderer Unternehmensname angegeben (erneute Einwilligung, nicht übernommen)")
            .as("the trail's given values and the contact are gone").doesNotContain("Zweite Gießerei KG", "Erika Erst");
    }

    /**
     * The check that made a lead consents again on its result page with a corrected contact: the lead takes it, and
     * the staff see in its trail, entered by the company, the address and the name before and after — in German and
     * in English — as taken over, not as only given.
     */
    @Test
    void aContactCorrectedOnTheChecksOwnResultPageIsInTheTrailInBothLanguages() {
        Http company = new Http(server, json);
        String first = "korrektur-" + java.util.UUID.randomUUID() + "@detail.example.org";
        String second = "karl-" + java.util.UUID.randomUUID() + "@detail.example.org";
        CompletedChecks.Completed own = CompletedChecks.of(questionnaires.current()).named("Korrektur Kunststoff GmbH")
            .at("44135").contact("Karl Korrektur", first).submit(company);
        String consent = "/check/" + own.token() + "/einwilligung";
        assertThat(company.postForm(consent, Map.of("consentName", "Karl Korrektur", "consentEmail", first,
            "shareWithAgency", "on")).statusCode()).isEqualTo(303);
        String id = (String) db.value("SELECT lead_id FROM lead_consent WHERE assessment_id = ?", own.id());
        assertThat(company.postForm(consent, Map.of("consentName", "Karl Korrekt", "consentEmail", second,
            "shareWithAgency", "on")).statusCode()).isEqualTo(303);

        String page = users.get("do-staff").get("/agentur/leads/" + id).body();
        assertThat(page).contains("E-Mail-Adresse geändert (erneute Einwilligung zum selben Selbstcheck)",
                "Ansprechperson geändert (erneute Einwilligung)", first, second, "Karl Korrekt")
            .doesNotContain("nicht übernommen", "Noch keine Änderungen.");
        assertThat(trailRow(page, "E-Mail-Adresse geändert")).as("given by the company")
            .contains(">Unternehmen<", first, second);
        // the consent log names who gave each consent, as given then: the lead's contact is the second now
        String log = page.substring(page.indexOf("id=\"consent-title\""), page.indexOf("id=\"bookings-title\""));
        // as read: the tags left out, white space as shown (the address is a span of its own, never hyphenated)
        assertThat(log.replaceAll("<[^>]*>", "").replaceAll("\\s+", " "))
            .contains("– von Karl Korrektur (" + first + ")", "– von Karl Korrekt (" + second + ")");
        assertThat(log).contains("<span class=\"dc-address\">" + first + "</span>");
        // withdrawn: the agency no longer sees who consented, as it no longer sees the lead's contact
        leads.withdraw(second, id);
        String withdrawn = users.get("do-staff").get("/agentur/leads/" + id).body();
        assertThat(withdrawn).contains("widerrufen am").doesNotContain("Karl Korrekt", first, second);
        String english = users.get("do-staff").get("/agentur/leads/" + id + "?lang=en").body();
        assertThat(english).contains("Email address changed (consent given again for the same self-check)",
            "Contact person changed (consent given again)").doesNotContain("E-Mail-Adresse geändert");
    }

    private static String trailRow(String page, String action) {
        int at = page.indexOf(action);
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    @Inject
    AgencyLeads leads;

    @Test
    void theDetailShowsLevelsPerDimensionAndTheConsent() {
        HttpResponse<String> page = users.get("do-staff").get("/agentur/leads/" + leadId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ergebnis des Selbstchecks", "Strategie &amp; Organisation", "Mitarbeiter:innen",
            "Gesamtwert", "Erteilt am ", ": Einwilligungstext vom ", ", auf Deutsch", "Termine", ">Vergleichsgruppe</th>",
            "/agentur/leads/" + leadId + "/bericht.pdf").doesNotContain("error-summary", check.token());
        assertThat(users.get("en-staff").get("/agentur/leads/" + leadId).statusCode()).isEqualTo(404);
    }

    @Test
    void theStaffsPdfIsTheirAgencysOnlyAndHoldsNoPrivateLink() {
        HttpResponse<byte[]> pdf = users.get("do-staff").getBytes("/agentur/leads/" + leadId + "/bericht.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String text = PdfText.of(pdf.body());
        assertThat(text).contains("Detail Drehteile GmbH", "Exemplar für die Wirtschaftsförderung")
            .doesNotContain(check.token(), "/check/");
        assertThat(users.get("en-staff").getBytes("/agentur/leads/" + leadId + "/bericht.pdf").statusCode())
            .as("another agency's lead").isEqualTo(404);
        assertThat(users.get("do-staff").getBytes("/agentur/leads/unknown/bericht.pdf").statusCode()).isEqualTo(404);
        assertThat(users.get("admin").getBytes("/admin/leads/" + leadId + "/bericht.pdf").statusCode()).isEqualTo(200);
        assertThat(users.get("do-coach").getBytes("/agentur/leads/" + leadId + "/bericht.pdf").statusCode())
            .isIn(401, 403);
        assertThat(new Http(server, json).getBytes("/agentur/leads/" + leadId + "/bericht.pdf").statusCode())
            .isIn(302, 303, 401);
    }

    @Test
    void aBookedAppointmentOfTheCheckIsShown() {
        assertThat(users.get("do-staff").get("/agentur/leads/" + leadId).body()).contains("kein Termin gebucht");
        Http company = new Http(server, json);
        List<Object> types = company.list(company.get("/api/v1/appointment-types?agency=wf-dortmund"));
        String type = (String) ((Map<?, ?>) types.get(0)).get("id");
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3);
        Map<String, Object> slots = company.map(company.get("/api/v1/slots?agency=wf-dortmund&type=" + type
            + "&from=" + from + "&to=" + from.plusDays(14)));
        Map<?, ?> slot = (Map<?, ?>) ((List<?>) slots.get("slots")).get(0);
        HttpResponse<String> booked = company.postJson("/api/v1/bookings", "{\"agencyId\":\"wf-dortmund\",\"typeId\":\""
            + type + "\",\"start\":\"" + slot.get("start") + "\",\"assessmentId\":\"" + check.id() + "\",\"assessmentToken\":\"" + check.token() + "\","
            + "\"company\":{\"name\":\"Detail Drehteile GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Dana Detail\",\"email\":\"dana@detail.example.org\"},\"language\":\"de\"}",
            "Idempotency-Key", "detail-booking-1");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String page = users.get("do-staff").get("/agentur/leads/" + leadId).body();
        assertThat(page).contains((String) slot.get("coachName")).doesNotContain("kein Termin gebucht");
    }

    @Test
    void aVisitAtTheCompanyShowsWhereOnTheLead() {
        Http company = new Http(server, json);
        Map<?, ?> visit = company.list(company.get("/api/v1/appointment-types?agency=wf-dortmund")).stream()
            .map(t -> (Map<?, ?>) t).filter(t -> "ON_SITE".equals(t.get("mode"))).findFirst().orElseThrow();
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(20);
        Map<String, Object> slots = company.map(company.get("/api/v1/slots?agency=wf-dortmund&type=" + visit.get("id")
            + "&from=" + from + "&to=" + from.plusDays(14)));
        Map<?, ?> slot = (Map<?, ?>) ((List<?>) slots.get("slots")).get(0);
        HttpResponse<String> booked = company.postJson("/api/v1/bookings", "{\"agencyId\":\"wf-dortmund\",\"typeId\":\""
            + visit.get("id") + "\",\"start\":\"" + slot.get("start") + "\",\"assessmentId\":\"" + check.id()
            + "\",\"assessmentToken\":\"" + check.token() + "\",\"company\":{\"name\":\"Detail Drehteile GmbH\","
            + "\"street\":\"Hafenweg 7 <b>\",\"postalCode\":\"44135\",\"town\":\"Dortmund\"},"
            + "\"contact\":{\"name\":\"Dana Detail\",\"email\":\"dana@detail.example.org\"},\"language\":\"de\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(users.get("do-staff").get("/agentur/leads/" + leadId).body())
            .contains("Hafenweg 7 &lt;b&gt;, 44135 Dortmund").doesNotContain("Hafenweg 7 <b>");
    }
}
