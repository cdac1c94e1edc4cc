package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentCompleted;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.AssessmentId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listeners of {@link AssessmentCompleted} as another module would write them: one inside the completing transaction
 * (what an outbox does), one after its commit. Each notes what it saw; the inside one fails on request.
 */
@Singleton
@Requires(property = "test.completion-listeners", value = "true")
class CompletionListeners {

    /** What a listener saw: the event, whether a transaction was active, and the check's status as it read it. */
    record Seen(AssessmentId id, boolean inTransaction, Assessment.Status status) {
    }

    final List<Seen> inside = new CopyOnWriteArrayList<>();
    final List<Seen> erased = new CopyOnWriteArrayList<>();
    final List<Seen> afterCommit = new CopyOnWriteArrayList<>();
    volatile boolean failInside;

    private final TransactionOperations<Connection> transactions;
    private final AssessmentRows rows;

    CompletionListeners(TransactionOperations<Connection> transactions, AssessmentRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    @EventListener
    void inside(AssessmentCompleted event) {
        inside.add(seen(event));
        if (failInside) {
            throw new IllegalStateException("the outbox is full (test)");
        }
    }

    @EventListener
    void erased(AssessmentErased event) {
        erased.add(new Seen(event.assessmentId(), transactions.findTransactionStatus().isPresent(),
            rows.findById(event.assessmentId().value()).map(AssessmentRow::status).orElse(null)));
        if (failInside) {
            throw new IllegalStateException("the outbox is full (test)");
        }
    }

    @TransactionalEventListener
    void afterCommit(AssessmentCompleted event) {
        afterCommit.add(seen(event));
    }

    private Seen seen(AssessmentCompleted event) {
        return new Seen(event.assessmentId(), transactions.findTransactionStatus().isPresent(),
            rows.findById(event.assessmentId().value()).map(AssessmentRow::status).orElse(null));
    }

    void reset() {
        inside.clear();
        erased.clear();
        afterCommit.clear();
        failInside = false;
    }
}
