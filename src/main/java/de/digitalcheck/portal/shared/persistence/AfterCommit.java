package de.digitalcheck.portal.shared.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.util.Optional;

/** Work that belongs to a transaction's outcome: it runs once the transaction has committed, never if it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} after the current transaction's commit (nothing on a rollback), or at once outside one. */
    public static void run(TransactionOperations<?> transactions, Runnable action) {
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isPresent() && !status.get().isCompleted()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
