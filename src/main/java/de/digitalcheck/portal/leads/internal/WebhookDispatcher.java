package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.persistence.Deadlocks;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Relays this replica's lead events on a thread of its own ({@link LeadEvents#relayOwn}: they become mails and webhook
 * rows; every poll interval also those another replica left, {@link LeadEvents#relayOrphans}), and delivers the
 * due {@code webhook_delivery} rows: woken right after a transaction that wrote some committed, and
 * every {@code poll-interval} by a job (for rows whose retry came due, and those a dead dispatcher left: its lease
 * runs out). Each attempt is claimed by one conditional update ({@link DeliveryRows#claim}) under this dispatcher's
 * name, so several dispatchers (threads, replicas) never make one attempt twice; the outcome is written only while
 * the claim is still this dispatcher's. Sends in parallel on {@code threads} senders ({@link WebhookSender}).
 */
@Singleton
public class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    private static final int MAX_LOST_RACES = 3;

    private final DeliveryRows deliveries;
    /** The lead events' relay (a provider: {@link LeadEvents} wakes this dispatcher). */
    private final Provider<LeadEvents> relay;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock clock;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    /**
     * How long a wake-up waits for more commits before it reads the due rows: at full load one batch then carries the
     * events of many submissions instead of one or two (its statements are paid once), for a few milliseconds of lag.
     */
    static final long GATHER_MILLIS = 50;

    private final ScheduledExecutorService coordinator =
        Executors.newSingleThreadScheduledExecutor(daemon("webhook-dispatch"));
    private final ExecutorService senders;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    /** The relay of this replica's lead events: its own thread, so relaying and delivering overlap. */
    private final ScheduledExecutorService relayThread =
        Executors.newSingleThreadScheduledExecutor(daemon("lead-event-relay"));
    private final AtomicBoolean relayPending = new AtomicBoolean();
    /** When this dispatcher next looks for lead events that their own replica did not relay. */
    private volatile Instant nextSweep = Instant.MIN;

    WebhookDispatcher(DeliveryRows deliveries, WebhookSender sender, WebhookSettings settings, Clock clock,
                      Provider<LeadEvents> relay) {
        this.relay = relay;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.threads()), daemon("webhook-send"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether this replica relays and delivers (WEBHOOK_DISPATCH). */
    boolean dispatches() {
        return settings.dispatch();
    }

    /** Looks for due deliveries soon, on this dispatcher's own thread (after a commit that wrote some). */
    public void wakeUp() {
        schedule(coordinator, wakeUpPending, () -> deliverDue(name));
    }

    /** Relays this replica's lead events soon, on the relay's own thread (after a consent's commit). */
    void relaySoon() {
        schedule(relayThread, relayPending, this::relayEvents);
    }

    /** Runs {@code work} on {@code thread} after {@link #GATHER_MILLIS}, unless it is already waiting to run there. */
    private void schedule(ScheduledExecutorService thread, AtomicBoolean pending, Runnable work) {
        if (settings.dispatch() && pending.compareAndSet(false, true)) {
            try {
                thread.schedule(() -> {
                    pending.set(false);
                    work.run();
                }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    @Scheduled(fixedDelay = "${portal.webhooks.poll-interval:2s}", initialDelay = "5s")
    void scheduled() {
        if (settings.dispatch()) {
            relaySoon();
            wakeUp();
        }
    }

    /**
     * Relays this replica's lead events, in parallel on the senders (they become mails and webhook rows, whose commit
     * wakes the delivery), and once per poll interval those another replica left; how many were relayed.
     */
    int relayEvents() {
        int relayed = 0;
        try {
            relayed += relay.get().relayOwn(senders, Math.max(1, settings.threads()));
            Instant now = now();
            if (!now.isBefore(nextSweep)) {
                nextSweep = now.plus(settings.pollInterval());
                relayed += relay.get().relayOrphans();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Relaying lead events stopped, the next run goes on: {}", e.toString());
        }
        return relayed;
    }

    /** Relays this replica's lead events, then makes every attempt that is due now; how many were delivered. */
    public int dispatchDue() {
        return dispatchDue(name);
    }

    /** As {@link #dispatchDue()} under another dispatcher's name (tests: several dispatchers on one database). */
    public int dispatchDue(String dispatcher) {
        relayEvents();
        return deliverDue(dispatcher);
    }

    /** Makes every attempt that is due now under the dispatcher's name; how many were delivered. */
    private int deliverDue(String dispatcher) {
        int delivered = 0;
        int lostRaces = 0;
        try {
            for (List<DeliveryRow> due = deliveries.findDue(now(), BATCH); !due.isEmpty(); due = deliveries.findDue(now(), BATCH)) {
                Instant now = now();
                Instant until = now.plus(settings.lease());
                List<String> ids = InLists.padded(due.stream().map(DeliveryRow::id).toList());
                int claimed = Deadlocks.retrying("A webhook claim", () -> deliveries.claimAll(ids, dispatcher, now, until));
                if (claimed == 0) {
                    // another dispatcher took them all: the next query skips what it holds; give up after a few
                    if (++lostRaces == MAX_LOST_RACES) {
                        break;
                    }
                    continue;
                }
                // all claimed: the rows as read, with the claim's changes (no second read); some: read those
                List<DeliveryRow> mine = claimed == due.size()
                    ? due.stream().map(d -> d.claimed(dispatcher, now, until)).toList()
                    : deliveries.claimedOf(ids, dispatcher);
                Map<String, WebhookSender.Target> targets =
                    sender.targets(mine.stream().map(DeliveryRow::agencyId).collect(Collectors.toSet()));
                List<Future<Attempt>> attempts = new ArrayList<>();
                List<String> postponed = new ArrayList<>();
                for (DeliveryRow delivery : mine) {
                    WebhookSender.Target target = targets.get(delivery.agencyId());
                    if (target.keyMissing()) {
                        postponed.add(delivery.id());
                    } else {
                        attempts.add(senders.submit(() -> new Attempt(delivery.id(), sender.attempt(delivery, target, dispatcher))));
                    }
                }
                if (!postponed.isEmpty()) {
                    Deadlocks.retrying("A webhook postponement", () -> deliveries.postpone(InLists.padded(postponed), dispatcher,
                        now.plus(settings.lease())));
                }
                Map<Integer, List<String>> succeeded = new HashMap<>();
                for (Future<Attempt> attempt : attempts) {
                    Attempt made = attempt.get();
                    made.status().ifPresent(s -> succeeded.computeIfAbsent(s, k -> new ArrayList<>()).add(made.id()));
                }
                for (Map.Entry<Integer, List<String>> ok : succeeded.entrySet()) {
                    Instant at = sender.now();
                    delivered += Deadlocks.retrying("A webhook delivery", () ->
                        deliveries.deliveredAll(InLists.padded(ok.getValue()), dispatcher, at, ok.getKey()));
                }
                if (due.size() < BATCH) {
                    break; // all that was due is done; what was committed since has woken this dispatcher again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("Webhook dispatch stopped, the next run goes on: {}", e.toString());
        }
        return delivered;
    }

    private record Attempt(String id, OptionalInt status) {
    }

    /**
     * Keeps this dispatcher's own thread busy (after what it is doing now) until the returned handle is closed
     * (tests: other dispatchers race alone).
     */
    public AutoCloseable hold() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(2);
        CountDownLatch released = new CountDownLatch(1);
        for (ScheduledExecutorService thread : List.of(relayThread, coordinator)) {
            thread.execute(() -> {
                held.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        held.await();
        return released::countDown;
    }

    /** Waits until the relays and wake-ups asked for so far have run (tests). */
    public void awaitWakeUps() throws Exception {
        // after every one scheduled so far (a task of the same delay runs after those scheduled before it); the relay
        // first: what it commits wakes the delivery
        relayThread.schedule(() -> { }, GATHER_MILLIS, TimeUnit.MILLISECONDS).get();
        coordinator.schedule(() -> { }, GATHER_MILLIS, TimeUnit.MILLISECONDS).get();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @PreDestroy
    void stop() {
        relayThread.shutdownNow();
        coordinator.shutdownNow();
        senders.shutdownNow();
    }
}
