package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.PdfText;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one agency's lead page may show of what belongs to another agency: nothing. A lead forwarded from A to B shows
 * B none of A's webhook deliveries (their ids, answers and errors name A's receiver); a check shared with A that
 * booked an appointment at B (without sharing it with A) shows A neither the appointment on the lead's page nor on
 * the cover of the staff's PDF.
 */
@MicronautTest(transactional = false)
class LeadTenantLeaksIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coaches;

    Map<String, Http> users;
    Database db;

    @BeforeAll
    void users() {
        users = everyDemoUser("tenant-leaks-");
        db = new Database(dataSource);
    }

    private CompletedChecks.Completed shared(String company, String postalCode, String email) {
        return CompletedChecks.of(questionnaires.current()).named(company).at(postalCode).contact("Lea Leck", email)
            .sharedWithAgency().submit(new Http(server, json));
    }

    private static String leadId(CompletedChecks.Completed check) {
        return (String) ((Map<?, ?>) check.document().get("lead")).get("id");
    }

    @Test
    void aForwardedLeadShowsTheReceiverNoneOfTheSendersDeliveries() {
        String id = leadId(shared("Zustellspur Zinkerei GmbH", "44135", "zink@tenant-leaks.example.org"));
        Http dortmund = users.get("do-staff");
        Http en = users.get("en-staff");
        // Dortmund's receiver (disabled: nothing is sent) and a delivery to it that failed with its host in the error
        db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES "
            + "('wf-dortmund', 'https://crm-intern.dortmund.example.org/hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, "
            + "CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
            + "next_attempt_at, created_at, last_error, last_failure) VALUES ('msg_dortmundsownlog0000000000000000', "
            + "'wf-dortmund', ?, 'lead.created', '{}', 'FAILED', 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
            + "'java.net.ConnectException: crm-intern.dortmund.example.org refused', 'REFUSED')", id);
        assertThat(dortmund.get("/agentur/leads/" + id).body()).as("the sender's own log")
            .contains("msg_dortmundsownlog0000000000000000");
        String version = String.valueOf(db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id));
        assertThat(dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "Betrieb liegt in Witten", "version", version)).statusCode())
            .isEqualTo(303);
        String forwardedId = (String) db.value("SELECT id FROM webhook_delivery WHERE agency_id = 'wf-dortmund' "
            + "AND lead_id = ? AND event_type = 'lead.updated'", id);
        assertThat(forwardedId).as("the sender's webhook learns that the lead left").isNotNull();

        HttpResponse<String> received = en.get("/agentur/leads/" + id);
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains("Zustellspur Zinkerei GmbH")
            .doesNotContain("msg_dortmundsownlog0000000000000000", forwardedId, "crm-intern.dortmund");
    }

    @Test
    void anAppointmentTheCheckBookedAtAnotherAgencyIsNotOnTheLeadsPageNorOnTheStaffsPdf() throws Exception {
        CompletedChecks.Completed check = shared("Terminspur Tiefbau GmbH", "44135", "tief@tenant-leaks.example.org");
        String id = leadId(check);
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coaches, 1);
        String coachName = accounts.byEmail(other.coachEmails().get(0)).orElseThrow().name();
        // booked at the other agency from the check, without sharing anything with it (nor with Dortmund)
        HttpResponse<String> booked = new Http(server, json).postJson("/api/v1/bookings",
            other.body(BookableAgency.at(BookableAgency.bookableDay(9), 10), "tief@tenant-leaks.example.org", false,
                check.id(), check.token()), "Idempotency-Key", "tenant-leaks-" + id);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        Http dortmund = users.get("do-staff");
        String page = dortmund.get("/agentur/leads/" + id).body();
        HttpResponse<byte[]> pdf = dortmund.getBytes("/agentur/leads/" + id + "/bericht.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String pdfText = PdfText.of(pdf.body());
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(page).as("the lead's page").contains("Terminspur Tiefbau GmbH").doesNotContain(coachName);
            soft.assertThat(pdfText).as("the staff's PDF").contains("Terminspur Tiefbau GmbH").doesNotContain(coachName);
        });
    }
}
