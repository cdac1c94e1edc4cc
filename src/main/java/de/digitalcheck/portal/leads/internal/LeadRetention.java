package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.shared.time.PortalTime;
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
import java.util.List;

/**
 * The leads' retention period (SPEC §8): a lead closed — withdrawn, or at a final stage (won, closed, rejected) — for
 * longer than {@code portal.retention.lead-months} (default 24, {@code LEAD_RETENTION_MONTHS}) is anonymised as the
 * company's erasure anonymises it ({@link LeadBook#erase}): company and contact gone, the trail's notes dropped,
 * undelivered events stopped, the delivery log's payloads replaced, and the agency told ({@code lead.erased}) so
 * that its own systems can follow. A lead consented to again within the period is kept (the period counts from the
 * later of its closing and its last consent). Hourly ({@code portal.jobs.lead-retention.interval}) on one replica
 * ({@link ScheduledJobs}); each batch locks its rows, so a consent given at that moment waits and then finds the lead
 * no longer open (and makes a new one). The same job forgets the records of leads forwarded away from an agency
 * ({@link LeadFeed#departures}) once they are older than the period.
 */
@Singleton
public class LeadRetention {

    private static final Logger LOG = LoggerFactory.getLogger(LeadRetention.class);
    static final int BATCH = 200;

    private final LeadRows leads;
    private final LeadBook book;
    private final LeadFeed feed;
    private final TransactionOperations<Connection> transactions;
    private final ScheduledJobs jobs;
    private final Clock clock;
    private final int months;
    private final Duration interval;

    LeadRetention(LeadRows leads, LeadBook book, LeadFeed feed, TransactionOperations<Connection> transactions,
                  ScheduledJobs jobs, Clock clock, @Value("${portal.retention.lead-months:24}") int months,
                  @Value("${portal.jobs.lead-retention.interval:1h}") Duration interval) {
        if (months < 1 || months > 1200) {
            throw new IllegalArgumentException(
                "portal.retention.lead-months (LEAD_RETENTION_MONTHS) must be between 1 and 1200, was " + months);
        }
        this.leads = leads;
        this.book = book;
        this.feed = feed;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.months = months;
        this.interval = interval;
    }

    /** The retention period in months (the privacy notice names it). */
    public int months() {
        return months;
    }

    @Scheduled(fixedDelay = "${portal.jobs.lead-retention.interval:1h}",
        initialDelay = "${portal.jobs.lead-retention.initial-delay:4m}")
    void scheduled() {
        jobs.runOnce("lead-retention", interval, () -> {
            Instant now = clock.instant();
            anonymiseExpired(now);
            forgetDepartures(now);
        });
    }

    /** The start of the retention period that ends at {@code now}: calendar months in the portal's time zone. */
    private Instant periodStart(Instant now) {
        return now.atZone(PortalTime.ZONE).minusMonths(months).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Anonymises every lead whose retention period ended at {@code now}; how many. */
    public int anonymiseExpired(Instant now) {
        Instant before = periodStart(now);
        int anonymised = 0;
        while (true) {
            Integer done = transactions.executeWrite(s -> {
                List<LeadRow> expired = leads.closedBefore(before, BATCH);
                expired.forEach(book::erase);
                return expired.size();
            });
            anonymised += done;
            if (done < BATCH) {
                break;
            }
        }
        if (anonymised > 0) {
            LOG.info("Retention: anonymised {} lead(s) closed for more than {} months", anonymised, months);
        }
        return anonymised;
    }

    /**
     * Forgets that leads were forwarded away ({@code lead_departure}, no personal data) where that happened before the
     * retention period that ends at {@code now}; how many. A CRM that did not ask for them in all that time has no use
     * for them, and the list of an agency's departures does not grow for ever.
     */
    public int forgetDepartures(Instant now) {
        int forgotten = feed.forgetDeparturesBefore(periodStart(now));
        if (forgotten > 0) {
            LOG.info("Retention: forgot {} forward(s) older than {} months", forgotten, months);
        }
        return forgotten;
    }
}
