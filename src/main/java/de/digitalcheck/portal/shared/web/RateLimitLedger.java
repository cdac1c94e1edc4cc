package de.digitalcheck.portal.shared.web;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The public posts of the last window per client address, in the database: every replica counts the same posts,
 * so the limit holds for the whole installation, not per replica. A sliding window: a client may post again as
 * soon as its oldest post within the window has left it.
 */
@Singleton
class RateLimitLedger {

    private final RateLimitHits hits;
    private final RateLimits limits;
    private final Clock clock;

    RateLimitLedger(RateLimitHits hits, RateLimits limits, Clock clock) {
        this.hits = hits;
        this.limits = limits;
        this.clock = clock;
    }

    /** Records the post and answers 0 if the client may go on, else the seconds until it may (nothing recorded). */
    @Transactional
    long admit(String client) {
        Instant now = clock.instant();
        Instant horizon = now.minus(limits.window());
        String key = client.length() > 64 ? client.substring(0, 64) : client;
        if (hits.countByClientAndHitAtGreaterThan(key, horizon) >= limits.requests()) {
            Instant oldest = hits.oldestSince(key, horizon).orElse(now);
            return Math.max(1, Duration.between(now, oldest.plus(limits.window())).toSeconds() + 1);
        }
        hits.save(new RateLimitHit(null, key, now));
        return 0;
    }

    /** Forgets posts that have left every window (safe on several replicas at once: only deletes). */
    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    @Transactional
    void forgetOld() {
        if (limits.enabled()) {
            hits.deleteByHitAtLessThan(clock.instant().minus(limits.window()));
        }
    }
}
