package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The requests admitted per client address and route, in the database: every replica counts the same requests, so
 * the limit holds for the whole installation, not per replica. A window starts with a client's first request on a
 * route and lasts {@link RateLimits#window()}; within it at most {@link RateLimits#requests()} are admitted.
 * Admission is one conditional statement, so that a parallel burst cannot exceed the limit.
 */
@Singleton
class RateLimitLedger {

    private final RateLimitBuckets buckets;
    private final RateLimits limits;
    private final Clock clock;
    private final ScheduledJobs jobs;
    private final Duration cleanupInterval;

    RateLimitLedger(RateLimitBuckets buckets, RateLimits limits, Clock clock, ScheduledJobs jobs,
                    @Value("${portal.jobs.rate-limit-cleanup.interval:5m}") Duration cleanupInterval) {
        this.jobs = jobs;
        this.cleanupInterval = cleanupInterval;
        this.buckets = buckets;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts a request of {@code client} on {@code route} and answers 0 if it may go on, else the seconds until it
     * may (nothing counted).
     */
    long admit(String client, String route) {
        Instant now = clock.instant();
        Instant horizon = now.minus(limits.window());
        String bucket = bucket(client, route);
        if (buckets.take(bucket, now, horizon, limits.requests()) == 1 || buckets.open(bucket, now) == 1
            // opened by a parallel request between the two statements: count on in it
            || buckets.take(bucket, now, horizon, limits.requests()) == 1) {
            return 0;
        }
        Instant start = buckets.windowStart(bucket).orElse(now);
        return Math.max(1, Duration.between(now, start.plus(limits.window())).toSeconds() + 1);
    }

    /** The row's key: a hash of client and route (fixed length; no client address at rest). */
    static String bucket(String client, String route) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((client + '\n' + route).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #forgetOld()} every 5 minutes, on one replica ({@link ScheduledJobs}). */
    @Scheduled(fixedDelay = "${portal.jobs.rate-limit-cleanup.interval:5m}",
        initialDelay = "${portal.jobs.rate-limit-cleanup.initial-delay:1m}")
    void scheduledCleanup() {
        jobs.runOnce("rate-limit-cleanup", cleanupInterval, this::forgetOld);
    }

    /** Forgets windows that have passed (safe on several replicas at once: only deletes). */
    void forgetOld() {
        if (limits.enabled()) {
            buckets.forgetStartedBefore(clock.instant().minus(limits.window()));
        }
    }
}
