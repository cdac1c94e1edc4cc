package de.digitalcheck.portal.shared.web;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits' ledger: counting per client and route, refusing with the wait, a new window once one has passed,
 * forgetting, and admitting exactly the limit from a parallel burst. Run on H2 and MySQL/MariaDB.
 */
abstract class RateLimitLedgerContract {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    RateLimitBuckets buckets;
    @Inject
    de.digitalcheck.portal.shared.scheduling.ScheduledJobs jobs;

    private RateLimitLedger ledger(int requests, Clock clock) {
        return new RateLimitLedger(buckets, new RateLimits(true, requests, WINDOW, false), clock, jobs,
            Duration.ofMinutes(5));
    }

    @Test
    void admitsUpToTheLimitThenNamesTheWait() {
        RateLimitLedger ledger = ledger(2, Clock.systemUTC());
        String client = "client-" + System.nanoTime();
        assertThat(ledger.admit(client, "POST /check")).isZero();
        assertThat(ledger.admit(client, "POST /check")).isZero();
        assertThat(ledger.admit(client, "POST /check")).isBetween(590L, 601L);
        assertThat(ledger.admit(client, "POST /check")).isBetween(590L, 601L);
        // another route and another client have windows of their own
        assertThat(ledger.admit(client, "POST /check/{token}/again")).isZero();
        assertThat(ledger.admit("other-" + client, "POST /check")).isZero();
        // refused requests are not counted
        assertThat(buckets.hits(RateLimitLedger.bucket(client, "POST /check"))).contains(2);
    }

    @Test
    void aNewWindowStartsOnceTheOldOneHasPassedAndPassedWindowsAreForgotten() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        RateLimitLedger ledger = ledger(2, clock);
        String client = "window-" + System.nanoTime();
        assertThat(ledger.admit(client, "POST /check")).isZero();
        clock.now = clock.now.plusSeconds(300);
        assertThat(ledger.admit(client, "POST /check")).isZero();
        assertThat(ledger.admit(client, "POST /check")).isBetween(300L, 301L);
        clock.now = clock.now.plusSeconds(300);
        assertThat(ledger.admit(client, "POST /check")).isZero();
        assertThat(ledger.admit(client, "POST /check")).isZero();
        assertThat(ledger.admit(client, "POST /check")).isBetween(600L, 601L);
        String bucket = RateLimitLedger.bucket(client, "POST /check");
        ledger.forgetOld();
        assertThat(buckets.hits(bucket)).as("a window still running is kept").contains(2);
        clock.now = clock.now.plus(WINDOW);
        ledger.forgetOld();
        assertThat(buckets.hits(bucket)).isEmpty();
    }

    /** Twenty requests of one client on one route at the same moment: exactly the limit is admitted. */
    @Test
    void aParallelBurstCannotExceedTheLimit() throws Exception {
        RateLimitLedger ledger = ledger(5, Clock.systemUTC());
        String client = "burst-" + System.nanoTime();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return ledger.admit(client, "POST /check");
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Long> answer : answers) {
                admitted += answer.get() == 0 ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(5);
            assertThat(buckets.hits(RateLimitLedger.bucket(client, "POST /check"))).contains(5);
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
