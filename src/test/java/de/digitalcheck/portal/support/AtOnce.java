package de.digitalcheck.portal.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races for tests: calls on threads of their own, released together, their results in the calls' order. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The same call {@code times} times at once. */
    public static <T> List<T> times(int times, Callable<T> call) throws Exception {
        return all(Collections.nCopies(times, call));
    }

    /** Each call on a thread of its own, all released at the same moment; throws the first call's failure. */
    public static <T> List<T> all(List<? extends Callable<? extends T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<? extends T>> running = new ArrayList<>();
            for (Callable<? extends T> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<? extends T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
