package de.digitalcheck.portal.shared.scheduling;

import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a scheduled job at most once per period, however many replicas run the portal: every replica's timer fires
 * about once per interval, and only the one that takes the job's lock in the {@code shedlock} table (ShedLock, JDBC
 * provider) runs it. The periods are aligned to the clock (an hourly job's period is the hour from :00), and the
 * lock is kept until the period ends, so that the other replicas' timers of the same period find it taken, whatever
 * their phase (a lock kept "for the interval" instead would let two replicas whose timers are about an interval apart
 * both run). A replica that dies while running a job holds the lock at most {@code portal.scheduled-jobs.lock-at-most}
 * ({@code JOB_LOCK_AT_MOST}, default 30 minutes, at least the interval).
 *
 * <p>The mail outbox's dispatch does not go through here: it claims each mail by a conditional update, so that
 * every replica may dispatch at the same time without sending a mail twice.
 */
@Singleton
public class ScheduledJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final LockingTaskExecutor executor;
    private final Duration lockAtMost;
    private final BusinessMetrics metrics;

    ScheduledJobs(DataSource dataSource, @Value("${portal.scheduled-jobs.lock-at-most:30m}") Duration lockAtMost,
                  BusinessMetrics metrics) {
        // the lock takes its own connection and commits at once, outside any transaction of the job
        DataSource target = dataSource instanceof DelegatingDataSource contextual
            ? contextual.getTargetDataSource() : dataSource;
        this.executor = new DefaultLockingTaskExecutor(new JdbcLockProvider(target, "shedlock"));
        this.lockAtMost = lockAtMost;
        this.metrics = metrics;
    }

    /**
     * Runs {@code job} here unless another replica ran (or runs) the job of this name in this period of
     * {@code interval} (aligned to the clock); whether it ran here. A job that throws is logged (with its exception's
     * class, not its message) and counts as run.
     */
    public boolean runOnce(String name, Duration interval, Runnable job) {
        // ShedLock's clock: the one it compares lock_until with
        Instant now = ClockProvider.now();
        long period = Math.max(interval.toMillis(), 1);
        Instant periodEnd = Instant.ofEpochMilli((now.toEpochMilli() / period + 1) * period);
        Duration atLeast = Duration.between(now, periodEnd);
        Duration atMost = lockAtMost.compareTo(interval) < 0 ? interval : lockAtMost;
        LockConfiguration lock = new LockConfiguration(now, name, atMost, atLeast);
        boolean[] ran = {false};
        try {
            executor.executeWithLock((Runnable) () -> {
                ran[0] = true;
                metrics.jobRan(name);
                job.run();
            }, lock);
        } catch (RuntimeException e) {
            LOG.error("Scheduled job {} failed: {}", name, e.getClass().getName());
        }
        return ran[0];
    }
}
