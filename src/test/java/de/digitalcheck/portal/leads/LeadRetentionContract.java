package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.LeadRetention;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads' retention period (SPEC §8, default 24 months): a lead withdrawn or at a final stage for longer is
 * anonymised like an erased one (company and contact gone, the trail's notes dropped, the agency told by
 * {@code lead.erased}); one closed for less, one still open, and one consented to again within the period stay as
 * they are. Against H2 and MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadRetentionContract {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    LeadRetention retention;
    @Inject
    LeadWork work;
    @Inject
    AgencyLeads leads;

    Database db;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final LeadWork.Actor staff = new LeadWork.Actor("retention-staff", "Rita Retention");

    @BeforeAll
    void setUp() {
        db = new Database(dataSource);
        // a (paused) endpoint, so that the agency's events are written to the delivery log
        db.execute("DELETE FROM webhook_endpoint WHERE agency_id = 'wf-dortmund'");
        db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES "
            + "('wf-dortmund', 'https://crm.dortmund.example.org/hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, "
            + "CURRENT_TIMESTAMP)");
    }

    String lead(String name) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(name).at("44135")
            .contact("Rolf Rückblick", email(name)).sharedWithAgency().submit(new Http(server, json)).document()
            .get("lead")).get("id");
    }

    String email(String name) {
        return name.toLowerCase().replace(' ', '-') + "-" + run + "@retention.example.org";
    }

    Map<String, Object> row(String id) {
        return db.rows("SELECT * FROM agency_lead WHERE id = ?", id).get(0);
    }

    Instant closedAt(String id) {
        Object value = db.value("SELECT closed_at FROM agency_lead WHERE id = ?", id);
        return value instanceof java.time.LocalDateTime local ? local.toInstant(java.time.ZoneOffset.UTC)
            : ((Timestamp) value).toInstant();
    }

    int version(String id) {
        return ((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).intValue();
    }

    void stage(String id, String stage, String note) {
        work.changeStage("wf-dortmund", id, version(id), stage, note, staff);
    }

    static Instant monthsAfter(Instant at, int months) {
        return at.atZone(BERLIN).plusMonths(months).toInstant();
    }

    void assertAnonymised(String id, String name) {
        Map<String, Object> lead = row(id);
        assertThat(lead.get("status")).isEqualTo("ERASED");
        assertThat(lead.get("company_name")).isNull();
        assertThat(lead.get("contact_name")).isNull();
        assertThat(lead.get("contact_email")).isNull();
        assertThat(lead.get("postal_code")).isNull();
        assertThat(db.rows("SELECT * FROM agency_lead WHERE company_name = ? OR contact_email = ?", name, email(name)))
            .as("nothing of the company is left").isEmpty();
        assertThat(db.rows("SELECT note FROM lead_audit WHERE lead_id = ? AND note IS NOT NULL", id))
            .as("the trail keeps no notes").isEmpty();
    }

    void assertKept(String id, String name) {
        Map<String, Object> lead = row(id);
        assertThat(lead.get("status")).isNotEqualTo("ERASED");
        assertThat(lead.get("company_name")).isEqualTo(name);
        assertThat(lead.get("contact_email")).isEqualTo(email(name));
    }

    @Test
    void aLeadClosedLongerThanThePeriodIsAnonymisedAndNothingElseIs() {
        String rejected = lead("Abgelehnt Alt GmbH");
        stage(rejected, "CONTACTED", "Herr Rückblick ruft nächste Woche zurück");
        stage(rejected, "REJECTED", "Kein Bedarf, sagt Rolf Rückblick");
        String withdrawn = lead("Widerruf Alt KG");
        leads.withdraw(email("Widerruf Alt KG"), withdrawn);
        String open = lead("Noch Offen AG");
        stage(open, "CONTACTED", "Rolf erreicht");
        assertThat(db.value("SELECT closed_at FROM agency_lead WHERE id = ?", open)).as("not closed").isNull();
        Instant closed = closedAt(rejected);
        assertThat(closedAt(withdrawn)).isNotNull();

        assertThat(retention.anonymiseExpired(monthsAfter(closed, 23))).as("within the period").isZero();
        assertKept(rejected, "Abgelehnt Alt GmbH");
        assertKept(withdrawn, "Widerruf Alt KG");

        assertThat(retention.anonymiseExpired(monthsAfter(closed, 25))).isGreaterThanOrEqualTo(2);
        assertAnonymised(rejected, "Abgelehnt Alt GmbH");
        assertAnonymised(withdrawn, "Widerruf Alt KG");
        assertThat(db.rows("SELECT action FROM lead_audit WHERE lead_id = ?", rejected)).as("who did what stays")
            .hasSize(2);
        assertThat(db.rows("SELECT id FROM webhook_delivery WHERE lead_id = ? AND event_type = 'lead.erased'", rejected))
            .as("the agency's system is told").hasSize(1);
        assertKept(open, "Noch Offen AG");
        assertThat(db.value("SELECT note FROM lead_audit WHERE lead_id = ? AND note IS NOT NULL", open))
            .as("an open lead's notes stay").isEqualTo("Rolf erreicht");

        assertThat(retention.anonymiseExpired(monthsAfter(closed, 60))).as("an open lead is never due").isZero();
        assertKept(open, "Noch Offen AG");
    }

    @Test
    void aConsentGivenAgainWithinThePeriodKeepsTheLead() {
        String won = lead("Gewonnen Wieder GmbH");
        stage(won, "CONTACTED", null);
        stage(won, "QUALIFIED", null);
        stage(won, "WON", null);
        Instant closed = closedAt(won);
        // the company consented again a year after the lead was won (a new check updates its open lead)
        db.execute("UPDATE agency_lead SET consent_at = ? WHERE id = ?", Timestamp.from(monthsAfter(closed, 12)), won);

        assertThat(retention.anonymiseExpired(monthsAfter(closed, 25))).isZero();
        assertKept(won, "Gewonnen Wieder GmbH");
        retention.anonymiseExpired(monthsAfter(closed, 37));
        assertAnonymised(won, "Gewonnen Wieder GmbH");
    }

    /**
     * The records of leads forwarded away (the agency API's departures) are forgotten once older than the period;
     * younger ones, and the leads themselves, stay.
     */
    @Test
    void forwardsOlderThanThePeriodAreForgotten() {
        String lead = lead("Weitergereicht Alt GmbH");
        Instant now = Instant.now();
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        db.execute("INSERT INTO lead_departure (id, agency_id, lead_id, forwarded_to, forwarded_at) VALUES (?, ?, ?, ?, ?)",
            old, "wf-dortmund", lead, "wf-bochum", Timestamp.from(monthsAfter(now, -25)));
        db.execute("INSERT INTO lead_departure (id, agency_id, lead_id, forwarded_to, forwarded_at) VALUES (?, ?, ?, ?, ?)",
            recent, "wf-bochum", lead, "wf-dortmund", Timestamp.from(monthsAfter(now, -23)));

        assertThat(retention.forgetDepartures(now)).isGreaterThanOrEqualTo(1);
        assertThat(db.rows("SELECT id FROM lead_departure WHERE id IN (?, ?)", old, recent)).extracting(r -> r.get("id"))
            .containsExactly(recent);
        assertKept(lead, "Weitergereicht Alt GmbH");
        // two months on, the other one is past the period too
        assertThat(retention.forgetDepartures(monthsAfter(now, 2))).isGreaterThanOrEqualTo(1);
        assertThat(db.rows("SELECT id FROM lead_departure WHERE id IN (?, ?)", old, recent)).isEmpty();
        assertThat(retention.forgetDepartures(monthsAfter(now, 2))).as("nothing left to forget").isZero();
    }
}
