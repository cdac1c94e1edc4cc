package de.digitalcheck.portal.shared.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlocksTest {

    static RuntimeException deadlock() {
        return new IllegalStateException("wrapped", new SQLException("Deadlock found when trying to get lock", "40001"));
    }

    @Test
    void aDeadlocksVictimIsTriedAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        int result = Deadlocks.retrying("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw deadlock();
            }
            return 42;
        });
        assertThat(result).isEqualTo(42);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherErrorIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Deadlocks.retrying("test", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("x", new SQLException("Duplicate entry", "23000"));
        })).hasMessage("x");
        assertThat(calls).hasValue(1);
    }

    @Test
    void afterFiveDeadlocksTheLastOneIsThrown() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Deadlocks.retrying("test", () -> {
            calls.incrementAndGet();
            throw deadlock();
        })).hasRootCauseMessage("Deadlock found when trying to get lock");
        assertThat(calls).hasValue(Deadlocks.ATTEMPTS);
    }

    /**
     * Connector/J reports a lock wait that timed out (MySQL error 1205) with a deadlock's SQLState 40001; trying it
     * again would make the caller wait the whole lock wait timeout (50 s by default) once more, up to five times.
     */
    @Test
    void aLockWaitThatTimedOutIsNotTriedAgainButCountsAsBusy() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException lockWait = new IllegalStateException("wrapped",
            new SQLException("Lock wait timeout exceeded; try restarting transaction", "40001", 1205));
        assertThatThrownBy(() -> Deadlocks.retrying("test", () -> {
            calls.incrementAndGet();
            throw lockWait;
        })).isSameAs(lockWait);
        assertThat(calls).hasValue(1);
        assertThat(DatabaseErrors.busy(lockWait)).isTrue();
        assertThat(DatabaseErrors.busy(deadlock())).isFalse();
        assertThat(DatabaseErrors.deadlock(new SQLException("Deadlock found", "40001", 1213))).isTrue();
    }
}
