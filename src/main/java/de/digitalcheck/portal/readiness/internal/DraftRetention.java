package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Deletes drafts that nobody changed for {@code portal.retention.drafts} (default 180 days, {@code DRAFT_RETENTION}):
 * an unfinished check is never a result, and it may hold a company's name and contact data. Runs hourly
 * ({@code portal.jobs.draft-retention.interval}) on one replica ({@link ScheduledJobs}); deleting what another
 * replica already deleted would change nothing either.
 */
@Singleton
class DraftRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DraftRetention.class);
    private static final int BATCH = 500;

    private final SelfCheck selfCheck;
    private final Duration keep;
    private final ScheduledJobs jobs;
    private final Duration interval;

    DraftRetention(SelfCheck selfCheck, @Value("${portal.retention.drafts:180d}") Duration keep, ScheduledJobs jobs,
                   @Value("${portal.jobs.draft-retention.interval:1h}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("portal.retention.drafts (DRAFT_RETENTION) must be positive, was " + keep);
        }
        this.selfCheck = selfCheck;
        this.keep = keep;
    }

    @Scheduled(fixedDelay = "${portal.jobs.draft-retention.interval:1h}",
        initialDelay = "${portal.jobs.draft-retention.initial-delay:3m}")
    void scheduled() {
        jobs.runOnce("draft-retention", interval, this::run);
    }

    int run() {
        int deleted = selfCheck.deleteDraftsUnchangedFor(keep, BATCH);
        if (deleted > 0) {
            LOG.info("Retention: deleted {} draft(s) unchanged for {} days", deleted, keep.toDays());
        }
        return deleted;
    }
}
