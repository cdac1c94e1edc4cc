package de.digitalcheck.portal.shared.metrics;

import de.digitalcheck.portal.shared.persistence.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The portal's business counters, one method per event, exported with the JVM, HTTP and connection-pool metrics on
 * the management port's {@code /prometheus} (see docs/operations.md, "Metrics"). Modules call the method for their
 * event <em>after</em> the change is committed, so that a rolled-back change counts nothing. Counters carry no
 * labels with personal data or ids (agency ids at most, where a method takes one, to keep the series few).
 *
 * <p>Counters of this replica since its start (Prometheus: {@code *_total}); sum them over replicas with
 * {@code sum(rate(...))}. The "pending" values are gauges read from the database when scraped, the same on every
 * replica: use {@code max(...)}, not {@code sum(...)}.
 */
@Singleton
public class BusinessMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessMetrics.class);

    private final MeterRegistry registry;
    private final TransactionOperations<Connection> transactions;
    private final Counter checksStarted;
    private final Counter checksCompleted;
    private final Counter leadsRouted;
    private final Counter leadsDelivered;
    private final Counter deliveriesFailed;
    private final Counter deliveriesRetried;
    private final Counter bookingsMade;
    private final Counter bookingsCancelled;
    private final Counter mailsQueued;
    private final Counter mailsSent;
    private final Counter mailsFailed;
    private final Counter mailsGivenUp;

    /** @param registry Micronaut's registry; absent with {@code METRICS_ENABLED=false} (then nothing is exported) */
    BusinessMetrics(@Nullable MeterRegistry registry, TransactionOperations<Connection> transactions) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        this.transactions = transactions;
        checksStarted = counter("digitalcheck.checks.started", "self-checks started (a company entered its profile)");
        checksCompleted = counter("digitalcheck.checks.completed", "self-checks completed (every dimension answered)");
        leadsRouted = counter("digitalcheck.leads.routed", "leads created and routed to an agency or the fallback queue");
        leadsDelivered = counter("digitalcheck.leads.delivered", "lead deliveries (webhook or mail) that succeeded");
        deliveriesFailed = counter("digitalcheck.deliveries.failed", "lead delivery attempts that failed");
        deliveriesRetried = counter("digitalcheck.deliveries.retried", "lead deliveries scheduled for another attempt");
        bookingsMade = counter("digitalcheck.bookings.made", "coach appointments booked");
        bookingsCancelled = counter("digitalcheck.bookings.cancelled", "coach appointments cancelled");
        mailsQueued = counter("digitalcheck.mails.queued", "mails written to the outbox");
        mailsSent = counter("digitalcheck.mails.sent", "mails handed to the SMTP server");
        mailsFailed = counter("digitalcheck.mails.failed", "mail sending attempts that failed (the mail is tried again)");
        mailsGivenUp = counter("digitalcheck.mails.given.up", "mails given up after the last attempt");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /** A self-check was started (its first save committed). */
    public void checkStarted() {
        checksStarted.increment();
    }

    /** A self-check became complete (committed). */
    public void checkCompleted() {
        checksCompleted.increment();
    }

    /** A lead was created and routed (leads module, after its commit). */
    public void leadRouted() {
        leadsRouted.increment();
    }

    /** A lead was delivered to its agency (webhook answered 2xx, or the lead mail was handed over). */
    public void leadDelivered() {
        leadsDelivered.increment();
    }

    /** An attempt to deliver a lead failed. */
    public void deliveryFailed() {
        deliveriesFailed.increment();
    }

    /** A failed delivery was scheduled for another attempt. */
    public void deliveryRetried() {
        deliveriesRetried.increment();
    }

    /** A coach appointment was booked (committed). */
    public void bookingMade() {
        bookingsMade.increment();
    }

    /** A coach appointment was cancelled (committed). */
    public void bookingCancelled() {
        bookingsCancelled.increment();
    }

    /** A mail was written to the outbox (counted when the caller's transaction committed). */
    public void mailQueued() {
        mailsQueued.increment();
    }

    /** A mail was handed to the SMTP server. */
    public void mailSent() {
        mailsSent.increment();
    }

    /** An attempt to send a mail failed; it is tried again later. */
    public void mailFailed() {
        mailsFailed.increment();
    }

    /** A mail was given up after its last attempt (also counted as failed). */
    public void mailGivenUp() {
        mailsFailed.increment();
        mailsGivenUp.increment();
    }

    /** A scheduled job ran on this replica ({@code shared.scheduling.ScheduledJobs}; the others skipped it). */
    public void jobRan(String job) {
        Counter.builder("digitalcheck.jobs.runs").description("scheduled jobs run on this replica")
            .tag("job", job).register(registry).increment();
    }

    /** Registers the number of mails waiting in the outbox, read when scraped. */
    public void mailsPending(Supplier<Number> count) {
        pending("digitalcheck.mails.pending", "mails waiting in the outbox", count);
    }

    /** Registers the number of lead deliveries waiting (leads module), read when scraped. */
    public void deliveriesPending(Supplier<Number> count) {
        pending("digitalcheck.deliveries.pending", "lead deliveries waiting for their (next) attempt", count);
    }

    private void pending(String name, String description, Supplier<Number> count) {
        Gauge.builder(name, count, c -> {
            try {
                return c.get().doubleValue();
            } catch (RuntimeException e) {
                LOG.warn("{} could not be read: {}", name, e.getClass().getSimpleName());
                return Double.NaN; // the database is away: the scrape still answers
            }
        }).description(description).strongReference(true).register(registry);
    }

    /**
     * Counts once the current transaction has committed (nothing if it rolls back), or at once outside a transaction:
     * for an event inside a module's transaction, e.g. {@code metrics.afterCommit(metrics::leadRouted)}.
     */
    public void afterCommit(Runnable count) {
        AfterCommit.run(transactions, count);
    }

    /** The registry the counters are in (tests). */
    MeterRegistry registry() {
        return registry;
    }
}
