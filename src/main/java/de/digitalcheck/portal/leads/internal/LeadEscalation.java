package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The service level's escalation (SPEC §5): a lead that is still new and open after its first-contact deadline (the
 * agency's working days, NRW holidays excluded: {@code contact_due_at}) is mailed once to the agency's lead address
 * (a lead of the network's fallback queue: to every network admin).
 * Every {@code LEAD_ESCALATION_INTERVAL} one replica runs the job ({@link ScheduledJobs}); each lead is claimed by a
 * conditional update of {@code escalated_at} in the transaction that queues its mail (outbox), so that even two runs
 * at the same moment mail it once. A lead contacted, withdrawn or erased before the run is not mailed.
 */
@Singleton
public class LeadEscalation {

    private static final Logger LOG = LoggerFactory.getLogger(LeadEscalation.class);
    static final int BATCH = 500;

    private final LeadMoves moves;
    private final LeadRows leads;
    private final LeadAuditRows audit;
    private final LeadEvents events;
    private final TransactionOperations<Connection> transactions;
    private final ScheduledJobs jobs;
    private final Clock clock;
    private final Duration interval;

    LeadEscalation(LeadMoves moves, LeadRows leads, LeadAuditRows audit, LeadEvents events,
                   TransactionOperations<Connection> transactions, ScheduledJobs jobs, Clock clock,
                   @Value("${portal.jobs.lead-escalation.interval:15m}") Duration interval) {
        this.moves = moves;
        this.leads = leads;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${portal.jobs.lead-escalation.interval:15m}",
        initialDelay = "${portal.jobs.lead-escalation.initial-delay:2m}")
    void scheduled() {
        jobs.runOnce("lead-escalation", interval, () -> escalateOverdue(clock.instant()));
    }

    /** Escalates every lead overdue at {@code now} that is not yet escalated; how many this call escalated. */
    public int escalateOverdue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int escalated = 0;
        while (true) {
            var due = transactions.executeRead(s -> moves.overdueNotEscalated(at, BATCH));
            int claimed = 0;
            for (LeadRow lead : due) {
                if (Boolean.TRUE.equals(transactions.executeWrite(s -> escalate(lead.id(), at)))) {
                    claimed++;
                }
            }
            escalated += claimed;
            if (due.size() < BATCH || claimed == 0) {
                break;
            }
        }
        if (escalated > 0) {
            LOG.info("Escalated {} overdue lead(s)", escalated);
        }
        return escalated;
    }

    private boolean escalate(String leadId, Instant now) {
        if (moves.claimEscalation(leadId, now) != 1) {
            return false; // another run claimed it, or the lead was contacted, withdrawn or erased meanwhile
        }
        LeadRow lead = leads.findById(leadId).orElseThrow();
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), leadId, now, null, null, LeadAuditRow.ESCALATE,
            null, null, null));
        events.escalated(lead);
        return true;
    }
}
