package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the lead's trail names for each entry, on the staff's and the coach's lead page alike: the person where the
 * entry names one, the company for what the company did — its booking too, which showed "–" on the coach's page and
 * the portal on the staff's while its move and cancellation showed the company — and the portal for the rest.
 */
@MicronautTest(transactional = false)
class LeadTrailActorIntegrationTest extends SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    LeadAssignment assignment;
    @Inject
    Accounts accounts;

    Map<String, Http> users;
    Database db;
    String lead;

    @BeforeAll
    void lead() {
        users = everyDemoUser("trail-actor-");
        db = new Database(dataSource);
        lead = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Trail Termin GmbH").at("44135")
            .contact("Tara Trail", "tara@trail-actor.example.org").sharedWithAgency().submit(new Http(server, json))
            .document().get("lead")).get("id");
        String coach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        String staff = accounts.byEmail("staff@dortmund.example.org").orElseThrow().id();
        assignment.assign("wf-dortmund", lead, 0, coach, null, new LeadWork.Actor(staff, "Doris Dortmund"));
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        // as BookingLeads writes them: the company's booking and move name nobody, a staff's cancellation its person
        entry(at.plusSeconds(1), null, "BOOKING", null, "22.12.2026 09:00");
        entry(at.plusSeconds(2), null, "BOOKING_MOVED", "22.12.2026 09:00", "22.12.2026 14:00");
        entry(at.plusSeconds(3), "Stefanie Staff", "BOOKING_CANCELLED", "22.12.2026 14:00", null);
        entry(at.plusSeconds(4), null, "ESCALATE", null, null);
        // a kind of entry without words: an old row's, or one a newer version writes
        entry(at.plusSeconds(5), "Stefanie Staff", "SOMETHING_NEW", "alt", "neu");
    }

    private void entry(Instant at, String actorName, String action, String from, String to) {
        db.execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value, note) "
            + "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL)", UUID.randomUUID().toString(), lead, Timestamp.from(at),
            actorName, action, from, to);
    }

    /** The "who" cell of the staff page's trail row of {@code action} (its label). */
    private static String staffWho(String page, String action) {
        int row = page.indexOf(">" + action + "</td>");
        assertThat(row).as(action + " on the trail").isPositive();
        String before = page.substring(0, row);
        int cell = before.lastIndexOf("<span class=\"dc-cell\">") + "<span class=\"dc-cell\">".length();
        return before.substring(cell, before.indexOf("</span>", cell));
    }

    @Test
    void theStaffsTrailNamesTheCompanyForItsBooking() {
        String page = users.get("do-staff").get("/agentur/leads/" + lead).body();
        assertThat(staffWho(page, "Termin gebucht")).isEqualTo("Unternehmen");
        assertThat(staffWho(page, "Termin verschoben")).isEqualTo("Unternehmen");
        assertThat(staffWho(page, "Termin abgesagt")).isEqualTo("Stefanie Staff");
        assertThat(staffWho(page, "Frist überschritten, Erinnerung gemailt")).isEqualTo("Portal");
        assertThat(staffWho(page, "Zuständigkeit")).isEqualTo("Doris Dortmund");
        String english = users.get("do-staff").get("/agentur/leads/" + lead, "Accept-Language", "en").body();
        assertThat(staffWho(english, "Appointment booked")).isEqualTo("Company");
    }

    @Test
    void theCoachsTrailNamesTheCompanyForItsBooking() {
        String page = users.get("do-coach").get("/coach/leads/" + lead).body();
        assertThat(page).contains(" · Unternehmen · Termin gebucht · ", " · Unternehmen · Termin verschoben · ",
                " · Stefanie Staff · Termin abgesagt · ", " · Portal · Frist überschritten")
            .doesNotContain(" · – · ");
    }

    @Test
    void anEntryOfAKindWithoutWordsIsAnOtherChangeOnTheStaffsPage() {
        String page = users.get("do-staff").get("/agentur/leads/" + lead).body();
        assertThat(staffWho(page, "Sonstige Änderung")).isEqualTo("Stefanie Staff");
        assertThat(page).doesNotContain("??", "SOMETHING_NEW", "leads.audit.action");
        String english = users.get("do-staff").get("/agentur/leads/" + lead, "Accept-Language", "en").body();
        assertThat(staffWho(english, "Other change")).isEqualTo("Stefanie Staff");
        assertThat(english).doesNotContain("??", "SOMETHING_NEW", "leads.audit.action");
    }

    @Test
    void anEntryOfAKindWithoutWordsIsAnOtherChangeOnTheCoachsPage() {
        String page = users.get("do-coach").get("/coach/leads/" + lead).body();
        assertThat(page).contains(" · Stefanie Staff · Sonstige Änderung · neu")
            .doesNotContain("??", "SOMETHING_NEW", "leads.audit.action");
        String english = users.get("do-coach").get("/coach/leads/" + lead, "Accept-Language", "en").body();
        assertThat(english).contains(" · Stefanie Staff · Other change · neu")
            .doesNotContain("??", "SOMETHING_NEW", "leads.audit.action");
    }
}
