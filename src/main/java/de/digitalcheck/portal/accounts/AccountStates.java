package de.digitalcheck.portal.accounts;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The directory's current state of each signed-in person, for the check of every request: the account and when the
 * person last signed out, read from the database at most every {@code portal.sign-in.directory-check-seconds}
 * (default 5) per person and replica, on the blocking executor (never on an event-loop thread). A change made on this
 * replica is seen at once; one made on another replica within those seconds.
 */
@Singleton
public class AccountStates {

    /** The person as the directory has them now, and when they last signed out (null: never). */
    public record Current(Account account, @Nullable Instant signedOutAt) {
    }

    private final AsyncLoadingCache<String, Optional<Current>> states;

    AccountStates(AccountRows rows, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                  @Value("${portal.sign-in.directory-check-seconds:5}") long seconds) {
        this.states = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 0)))
            .maximumSize(50_000)
            .executor(blocking)
            .buildAsync(id -> rows.findById(id)
                .map(row -> new Current(row.account(), rows.findSignedOutAt(id).orElse(null))));
    }

    /** The person as the directory has them now (empty: no such account any more). */
    public CompletableFuture<Optional<Current>> current(String accountId) {
        return states.get(accountId);
    }

    void forget(String accountId) {
        states.synchronous().invalidate(accountId);
    }
}
