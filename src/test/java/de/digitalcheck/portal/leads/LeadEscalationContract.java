package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.LeadEscalation;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.time.WorkingDays;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation of overdue leads (issue 13, SPEC §5), with the job's own notion of "now" (the test's clock): a lead
 * past its first-contact deadline in NRW working days gets one escalation mail through the outbox and an audit entry;
 * one not yet due, contacted in time, withdrawn or already escalated gets none; two runs racing for the same leads
 * (two replicas) mail each lead once. Against H2 and MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadEscalationContract {

    static final String SUBJECT = "Überfällige Anfrage im Digitalcheck";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    LeadEscalation escalation;
    @Inject
    AgencyLeads leads;

    Database db;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void setUp() {
        db = new Database(dataSource);
    }

    String lead(String name) {
        return lead(name, "44135");
    }

    String lead(String name, String postalCode) {
        String email = name.toLowerCase().replace(' ', '-') + "-" + run + "@escalation.example.org";
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(name).at(postalCode)
            .contact("Erik Eskalation", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    Instant due(String leadId) {
        Object value = db.value("SELECT contact_due_at FROM agency_lead WHERE id = ?", leadId);
        return value instanceof java.time.LocalDateTime local ? local.toInstant(java.time.ZoneOffset.UTC)
            : ((Timestamp) value).toInstant();
    }

    long mails(String leadId) {
        return ((Number) db.value("SELECT COUNT(*) FROM mail_outbox WHERE subject = ? AND body LIKE ?", SUBJECT,
            "%" + leadId + "%")).longValue();
    }

    long audits(String leadId) {
        return ((Number) db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ? AND action = 'ESCALATE'", leadId))
            .longValue();
    }

    @Test
    void aLeadPastItsDeadlineIsEscalatedOnceAndNotBefore() {
        String id = lead("Faellig GmbH");
        Instant deadline = due(id);
        escalation.escalateOverdue(deadline.minusMillis(1));
        assertThat(mails(id)).as("not due yet").isZero();
        assertThat(db.value("SELECT escalated_at FROM agency_lead WHERE id = ?", id)).isNull();

        escalation.escalateOverdue(deadline.plusSeconds(60));
        assertThat(mails(id)).isEqualTo(1);
        assertThat(audits(id)).isEqualTo(1);
        assertThat(db.value("SELECT escalated_at FROM agency_lead WHERE id = ?", id)).isNotNull();
        String body = (String) db.value("SELECT body FROM mail_outbox WHERE subject = ? AND body LIKE ?", SUBJECT,
            "%" + id + "%");
        assertThat(body).contains("Faellig GmbH", "/agentur/leads/" + id).doesNotContain("erik-eskalation");
        assertThat(db.value("SELECT recipient FROM mail_outbox WHERE subject = ? AND body LIKE ?", SUBJECT, "%" + id + "%"))
            .isEqualTo(db.value("SELECT COALESCE(lead_email, email) FROM agency WHERE id = 'wf-dortmund'"));

        escalation.escalateOverdue(deadline.plus(3, ChronoUnit.DAYS));
        assertThat(mails(id)).as("already escalated: no second mail").isEqualTo(1);
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void anOverdueLeadOfTheFallbackQueueIsEscalatedToTheNetworkAdmins() {
        String id = lead("Spree Eskalation GmbH", "10115");
        assertThat(db.value("SELECT agency_id FROM agency_lead WHERE id = ?", id)).as("the fallback queue").isNull();
        escalation.escalateOverdue(due(id).plusSeconds(60));
        String subject = "Überfällige Anfrage in der Auffangwarteschlange";
        assertThat(db.rows("SELECT recipient FROM mail_outbox WHERE subject = ? AND body LIKE ?", subject, "%" + id + "%"))
            .extracting(r -> r.get("recipient")).contains("admin@digitalcheck.example.org");
        assertThat((String) db.value("SELECT body FROM mail_outbox WHERE subject = ? AND body LIKE ? "
            + "AND recipient = 'admin@digitalcheck.example.org'", subject, "%" + id + "%")).contains("Spree Eskalation GmbH", "/admin/leads/" + id).doesNotContain("escalation.example.org");
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void contactedInTimeWithdrawnOrErasedLeadsAreNotEscalated() {
        String contacted = lead("Kontaktiert KG");
        db.execute("UPDATE agency_lead SET stage = 'CONTACTED', first_contact_at = created_at WHERE id = ?", contacted);
        String withdrawn = lead("Widerrufen AG");
        String email = (String) db.value("SELECT contact_email FROM agency_lead WHERE id = ?", withdrawn);
        leads.withdraw(email, withdrawn);
        Instant late = due(contacted).plus(10, ChronoUnit.DAYS);
        escalation.escalateOverdue(late);
        assertThat(mails(contacted)).isZero();
        assertThat(mails(withdrawn)).isZero();
        assertThat(db.value("SELECT escalated_at FROM agency_lead WHERE id = ?", contacted)).isNull();
    }

    @Test
    void theDeadlineCountsNrwWorkingDaysAcrossChristmas() {
        String id = lead("Weihnacht OHG");
        Instant created = Instant.parse("2026-12-23T09:00:00Z");
        Instant deadline = WorkingDays.dueBy(created, 2, PortalTime.ZONE);
        assertThat(deadline).as("Thu 24th, then Mon 28th (25th, 26th holidays, a weekend)")
            .isEqualTo(Instant.parse("2026-12-28T23:00:00Z"));
        db.execute("UPDATE agency_lead SET created_at = ?, contact_due_at = ? WHERE id = ?", Timestamp.from(created),
            Timestamp.from(deadline), id);
        escalation.escalateOverdue(Instant.parse("2026-12-28T22:59:00Z"));
        assertThat(mails(id)).as("still the 28th in Berlin").isZero();
        escalation.escalateOverdue(Instant.parse("2026-12-28T23:00:01Z"));
        assertThat(mails(id)).isEqualTo(1);
    }

    @Test
    void twoRunsRacingForTheSameLeadsMailEachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(lead("Wettlauf " + i));
        }
        Instant late = ids.stream().map(this::due).max(Instant::compareTo).orElseThrow().plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return escalation.escalateOverdue(late);
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : runs) {
                total += f.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(ids.size());
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(mails(id)).as(id).isEqualTo(1);
            assertThat(audits(id)).as(id).isEqualTo(1);
        }
    }
}
