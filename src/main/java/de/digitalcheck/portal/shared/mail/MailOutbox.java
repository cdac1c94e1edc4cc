package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.persistence.AfterCommit;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the portal sends mail: {@link #send(Mail)} writes the mail into the {@code mail_outbox} table in the caller's
 * transaction, and a dispatcher hands it to the {@link Mailer} (SMTP) once that transaction has committed — at
 * once on this replica, or by the job that every replica runs every few seconds. So no mail goes out for a change
 * that was rolled back, no request waits for the mail server (the answer takes as long whether a mail goes out or
 * not), and a mail server that is away delays mail without losing it: a failed attempt is tried again later
 * (30 s, doubling up to an hour), and after {@value #MAX_ATTEMPTS} attempts the mail is given up and logged.
 *
 * <p>Several dispatchers (threads, replicas) may run at once: each mail is claimed by one conditional update for
 * {@link #CLAIM}; a dispatcher that died while sending leaves the claim to run out, and the mail is sent again
 * (at least once, never lost).
 */
@Singleton
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 15;
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final OutboxRows rows;
    private final Mailer mailer;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final boolean dispatching;
    private final BusinessMetrics metrics;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    MailOutbox(OutboxRows rows, Mailer mailer, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${portal.mail.dispatch:true}") boolean dispatching, BusinessMetrics metrics) {
        this.rows = rows;
        this.metrics = metrics;
        metrics.mailsPending(this::waiting);
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.dispatching = dispatching;
    }

    /**
     * Sends the mail once the caller's transaction has committed (without a transaction: at once). Nothing is sent
     * if the transaction rolls back.
     */
    public void send(Mail mail) {
        OutboxRow row = OutboxRow.of(UUID.randomUUID().toString(), mail, clock.instant());
        if (transactions.findTransactionStatus().filter(s -> !s.isCompleted()).isPresent()) {
            rows.save(row);
        } else {
            transactions.executeWrite(s -> rows.save(row));
        }
        AfterCommit.run(transactions, () -> {
            metrics.mailQueued();
            wakeUp();
        });
    }

    /**
     * {@link #send} for several mails in the caller's transaction, written in one batch (the lead events' relay writes
     * the mails of many events at once).
     */
    public void sendAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        if (transactions.findTransactionStatus().filter(s -> !s.isCompleted()).isEmpty()) {
            throw new IllegalStateException("sendAll needs the caller's transaction");
        }
        Instant now = clock.instant();
        rows.saveAll(mails.stream().map(m -> OutboxRow.of(UUID.randomUUID().toString(), m, now)).toList());
        AfterCommit.run(transactions, () -> {
            mails.forEach(m -> metrics.mailQueued());
            wakeUp();
        });
    }

    /** How many mails wait to be sent (operations: a growing number means the mail server is away). */
    public long waiting() {
        return rows.count();
    }

    /** Waits until the wake-ups asked for so far have run (tests). */
    void awaitWakeUps() {
        try {
            wakeUps.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void wakeUp() {
        if (dispatching && wakeUpPending.compareAndSet(false, true)) {
            try {
                wakeUps.execute(() -> {
                    wakeUpPending.set(false);
                    dispatchDue();
                });
            } catch (RejectedExecutionException e) {
                wakeUpPending.set(false); // shutting down: the job of the next start sends it
            }
        }
    }

    @Scheduled(fixedDelay = "${portal.mail.dispatch-interval:10s}", initialDelay = "10s")
    void scheduled() {
        if (dispatching) {
            dispatchDue();
        }
    }

    /** Sends what is due now; how many mails were handed over. */
    public synchronized int dispatchDue() {
        return dispatchDueUnsynchronised();
    }

    /** {@link #dispatchDue()} without this replica's lock: as several replicas run it (tests). */
    int dispatchDueUnsynchronised() {
        int sent = 0;
        for (List<String> due = rows.findDue(clock.instant(), BATCH); !due.isEmpty();
             due = rows.findDue(clock.instant(), BATCH)) {
            int claimed = 0;
            for (String id : due) {
                Instant now = clock.instant();
                if (rows.claim(id, now, now.plus(CLAIM)) != 1) {
                    continue;
                }
                claimed++;
                Optional<OutboxRow> row = rows.findById(id);
                if (row.isPresent() && deliver(row.get())) {
                    sent++;
                }
            }
            if (claimed == 0) {
                break;
            }
        }
        return sent;
    }

    private boolean deliver(OutboxRow row) {
        try {
            mailer.send(row.mail());
            rows.deleteById(row.id());
            metrics.mailSent();
            return true;
        } catch (RuntimeException e) {
            int attempts = row.attempts();
            String reason = reason(e);
            if (attempts >= MAX_ATTEMPTS) {
                LOG.error("Mail {} given up after {} attempts: {}", row.id(), attempts, reason);
                rows.deleteById(row.id());
                metrics.mailGivenUp();
            } else {
                metrics.mailFailed();
                Duration wait = backoff(attempts);
                LOG.warn("Mail {} not sent (attempt {}), trying again in {} s: {}", row.id(), attempts,
                    wait.toSeconds(), reason);
                rows.retryAt(row.id(), clock.instant().plus(wait).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), reason);
            }
            return false;
        }
    }

    /** 30 s after the first failed attempt, doubling up to an hour. */
    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /** The exception's kind and the first cause's message, without the recipient (no personal data in logs). */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = text.replaceAll("[^\\s<>@]+@[^\\s<>@]+", "<address>");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /**
     * On shutdown (after the server stopped taking requests): lets the mail being sent finish (at most 10 s), then
     * stops. A mail interrupted all the same stays claimed until its claim runs out and is sent by another replica
     * or the next start: never lost, at worst sent twice.
     */
    @PreDestroy
    void stop() {
        wakeUps.shutdown();
        try {
            if (!wakeUps.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                wakeUps.shutdownNow();
            }
        } catch (InterruptedException e) {
            wakeUps.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
