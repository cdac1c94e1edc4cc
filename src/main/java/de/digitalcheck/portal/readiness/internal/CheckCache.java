package de.digitalcheck.portal.readiness.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The checks this replica has lately read or written, by token hash, each as of one revision. An entry is only
 * ever handed out for the revision the caller names (the one its browser last saw, see
 * {@link SelfCheck#byToken(String, int)}); since a revision's content never changes (optimistic locking on
 * {@link AssessmentRow#revision()}), an entry is right on every replica as long as the check exists. Changes made on
 * another replica carry a newer revision and so miss here and are read from the database.
 *
 * <p>Erasure (a new token hash) is the one change that does not go through a revision the caller can name: the
 * replica that erases forgets the check at once, the others after {@code portal.check-cache.seconds} at the latest.
 * Bounded by {@code portal.check-cache.max-entries}; {@code portal.check-cache.seconds: 0} turns the cache off.
 */
@Singleton
class CheckCache {

    private final boolean enabled;
    private final Cache<String, AssessmentRow> checks;
    /** Token hashes of erased checks: a read that began before the erasure must not bring the check back. */
    private final Cache<String, Boolean> erased;

    CheckCache(@Value("${portal.check-cache.seconds:60}") long seconds,
               @Value("${portal.check-cache.max-entries:10000}") long maxEntries) {
        this.enabled = seconds > 0 && maxEntries > 0;
        this.checks = Caffeine.newBuilder()
            .maximumSize(Math.max(maxEntries, 0))
            .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 0)))
            .executor(Runnable::run)
            .build();
        this.erased = Caffeine.newBuilder()
            .maximumSize(Math.max(maxEntries, 0))
            .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 0)))
            .executor(Runnable::run)
            .build();
    }

    /** The check with this token hash as of {@code revision}, if this replica knows that revision. */
    @Nullable
    AssessmentRow at(String tokenHash, int revision) {
        AssessmentRow known = checks.getIfPresent(tokenHash);
        return known != null && known.revision() == revision ? known : null;
    }

    /** Remembers a check as just read or written (an older revision never replaces a newer one). */
    void remember(AssessmentRow check) {
        if (!enabled) {
            return;
        }
        String hash = check.tokenHash();
        if (erased.getIfPresent(hash) != null) {
            return;
        }
        checks.asMap().merge(hash, check, (known, given) -> given.revision() >= known.revision() ? given : known);
        // forget() may have run meanwhile: it marks before it removes, so one of the two removes the entry
        if (erased.getIfPresent(hash) != null) {
            checks.invalidate(hash);
        }
    }

    /**
     * Forgets the check with this token hash for good (its link stops working): also what a read that began before
     * would remember afterwards.
     */
    void forget(String tokenHash) {
        erased.put(tokenHash, Boolean.TRUE);
        checks.invalidate(tokenHash);
    }
}
