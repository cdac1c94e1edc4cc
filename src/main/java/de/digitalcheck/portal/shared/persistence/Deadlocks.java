package de.digitalcheck.portal.shared.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a write again when the database chose it as a deadlock's victim (SQLState 40001) and rolled it back: at most
 * {@value #ATTEMPTS} tries in all, each after a short random pause, so that the writes it met do not meet again. Only
 * for a whole transaction or a statement outside one: nothing of a rolled-back try stays (its rows are gone, its
 * after-commit work never ran), so the next try starts afresh.
 */
public final class Deadlocks {

    private static final Logger LOG = LoggerFactory.getLogger(Deadlocks.class);
    static final int ATTEMPTS = 5;

    private Deadlocks() {
    }

    /** {@code write}, tried again as a deadlock's victim; {@code what} names it in the log. */
    public static <T> T retrying(String what, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!DatabaseErrors.deadlock(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.info("{} was a deadlock's victim (try {}): tried again", what, attempt);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
