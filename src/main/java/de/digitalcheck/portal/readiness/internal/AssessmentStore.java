package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.AssessmentCompleted;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.AssessmentRevised;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code assessment} table behind {@link SelfCheck}: the one class that uses {@link AssessmentRows} (see the
 * package note). Every write is one transaction that publishes the self-check's events inside it and tells the
 * {@link CheckCache} of the new revision after its commit; an update that loses an optimistic-lock race is applied
 * again, in a new transaction, to the row as it is now.
 */
@Singleton
class AssessmentStore {

    private static final int MAX_ATTEMPTS = 10;

    private final AssessmentRows rows;
    private final CheckCache cache;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<AssessmentCompleted> completions;
    private final ApplicationEventPublisher<AssessmentErased> erasures;
    private final ApplicationEventPublisher<AssessmentRevised> revisions;
    private final Clock clock;
    private final BusinessMetrics metrics;

    AssessmentStore(AssessmentRows rows, CheckCache cache, TransactionOperations<Connection> transactions,
                    ApplicationEventPublisher<AssessmentCompleted> completions,
                    ApplicationEventPublisher<AssessmentErased> erasures,
                    ApplicationEventPublisher<AssessmentRevised> revisions, Clock clock, BusinessMetrics metrics) {
        this.revisions = revisions;
        this.metrics = metrics;
        this.rows = rows;
        this.cache = cache;
        this.transactions = transactions;
        this.completions = completions;
        this.erasures = erasures;
        this.clock = clock;
    }

    AssessmentRow insert(AssessmentRow check) {
        return transactions.executeWrite(status -> written(status, null, rows.save(check)));
    }

    /**
     * Writes {@code change} applied to the check as read. When another request changed the check in between (its
     * revision moved on), the change is applied again to the check as it is now, so that neither change is lost —
     * e.g. two tabs saving different dimensions at the same moment.
     *
     * <p>Inside a caller's transaction there is one attempt only: the failed write has marked that transaction
     * rollback-only, and a read in it would see the check as the transaction's snapshot holds it, so an attempt
     * again here would "succeed" only for the caller's commit to fail. The {@link OptimisticLockException} goes to the
     * caller, which runs its whole transaction again with the check as it is now ({@link SharedChecks}).
     *
     * @throws UnknownAssessment when the check's personal data was erased meanwhile (nothing is saved)
     * @throws OptimisticLockException inside a caller's transaction, when another request changed the check since
     *     {@code read}; otherwise when it lost {@value #MAX_ATTEMPTS} times in a row
     */
    AssessmentRow update(AssessmentRow read, UnaryOperator<AssessmentRow> change) {
        if (transactions.findTransactionStatus().filter(s -> !s.isCompleted()).isPresent()) {
            return transactions.executeWrite(status -> written(status, read, rows.update(change.apply(read))));
        }
        AssessmentRow current = read;
        for (int attempt = 1; ; attempt++) {
            AssessmentRow before = current;
            try {
                return transactions.executeWrite(status -> written(status, before, rows.update(change.apply(before))));
            } catch (OptimisticLockException e) {
                Optional<AssessmentRow> now = now(read);
                if (now.isEmpty()) {
                    throw new UnknownAssessment();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                current = now.get();
            }
        }
    }

    /**
     * What follows a write inside its transaction: {@link AssessmentCompleted} where the check became complete (its
     * listeners run in this transaction), {@link AssessmentRevised} where a complete one changed its result or profile, and the cache told of the new revision once the transaction has committed.
     */
    private AssessmentRow written(TransactionStatus<?> status, @Nullable AssessmentRow before, AssessmentRow after) {
        boolean completed = after.completed() && (before == null || !before.completed());
        if (completed) {
            completions.publishEvent(new AssessmentCompleted(new AssessmentId(after.id())));
        } else if (before != null && before.completed() && after.completed()
            && (!Objects.equals(before.result(), after.result()) || !Objects.equals(before.company(), after.company()))) {
            revisions.publishEvent(new AssessmentRevised(new AssessmentId(after.id())));
        }
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (before == null) {
                    metrics.checkStarted();
                }
                if (completed) {
                    metrics.checkCompleted();
                }
                cache.remember(after);
            }
        });
        return after;
    }

    /**
     * Erases the personal data of every check with this contact email, inside the caller's transaction; how many
     * checks. The checks are locked while they are erased: a save at the same moment waits, then finds the link no
     * longer working and saves nothing.
     */
    int eraseContact(String email) {
        List<AssessmentRow> checks = rows.lockByContactEmail(email);
        checks.forEach(this::erase);
        return checks.size();
    }

    /**
     * Erases the personal data of the check with this token hash, in one transaction.
     *
     * @throws UnknownAssessment if there is no such check
     */
    void eraseByTokenHash(String tokenHash) {
        transactions.executeWrite(status -> {
            erase(rows.lockByTokenHash(tokenHash).orElseThrow(UnknownAssessment::new));
            return null;
        });
    }

    /**
     * Deletes up to {@code batch} drafts that nobody changed since {@code before}, in one transaction; how many. A
     * save at the same moment waits for the lock, then finds the check gone and saves nothing.
     */
    int deleteDraftsUnchangedSince(java.time.Instant before, int batch) {
        return transactions.executeWrite(status -> {
            List<AssessmentRow> drafts = rows.lockDraftsUnchangedSince(before, batch);
            drafts.forEach(d -> cache.forget(d.tokenHash()));
            rows.deleteAll(drafts);
            drafts.forEach(d -> erasures.publishEvent(new AssessmentErased(new AssessmentId(d.id()))));
            return drafts.size();
        });
    }

    private void erase(AssessmentRow check) {
        cache.forget(check.tokenHash());
        rows.update(check.anonymised(Tokens.hash(Tokens.newToken()), clock.instant()));
        erasures.publishEvent(new AssessmentErased(new AssessmentId(check.id())));
    }

    /**
     * Gives the check a new private link: the new token's hash replaces the old, which this replica forgets at once
     * (the others within the cache's time; question pages hold no personal data).
     */
    AssessmentRow relink(AssessmentRow check, String newTokenHash) {
        AssessmentRow relinked = update(check, current -> current.withTokenHash(newTokenHash, clock.instant()));
        cache.forget(check.tokenHash());
        return relinked;
    }

    /**
     * The check {@code read} as it is now in the database, if its link still reaches it (not erased or relinked).
     */
    Optional<AssessmentRow> now(AssessmentRow read) {
        return rows.findById(read.id()).filter(a -> a.tokenHash().equals(read.tokenHash()));
    }

    /** The check with this token hash, read from the database (and remembered by this replica). */
    Optional<AssessmentRow> byTokenHash(String tokenHash) {
        Optional<AssessmentRow> found = rows.findByTokenHash(tokenHash);
        found.ifPresent(cache::remember);
        return found;
    }

    /** The check with this token hash as of {@code revision}, if this replica knows exactly that revision. */
    Optional<AssessmentRow> remembered(String tokenHash, int revision) {
        return Optional.ofNullable(cache.at(tokenHash, revision));
    }

    /** Locks the check with this id until the caller's transaction ends; whether there is one. */
    boolean lock(String id) {
        return rows.lockById(id).isPresent();
    }

    Optional<AssessmentRow> byId(String id) {
        return rows.findById(id);
    }

    List<AssessmentRow> ofContact(String email) {
        return rows.findByContactEmailOrderByCreatedAtDesc(email);
    }
}
