package de.digitalcheck.portal.bench;

import ognl.OgnlRuntime;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evidence for the questionnaire page's lock contention, without the portal: Thymeleaf evaluates {@code ${q.id()}}
 * through {@code ognl.OgnlRuntime.invokeMethod}, which enters {@code synchronized (method)} on every call and, for a
 * method of a class that is not public (the portal's view records are package-private), additionally holds that
 * monitor around {@code setAccessible(true)}, the call itself and {@code setAccessible(false)}. This probe calls a
 * record accessor from {@code threads} threads, for a package-private and for a public record.
 * <p>
 * Run: {@code java -cp target/bench/app/bench-classes:$(cat target/bench/classpath-runtime.txt)
 * de.digitalcheck.portal.bench.OgnlContentionProbe [seconds]}
 */
public final class OgnlContentionProbe {

    record HiddenView(String id) {
    }

    /** Public, as the suggested fix would make the portal's view records. */
    public record PublicView(String id) {
    }

    private OgnlContentionProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Method hidden = HiddenView.class.getMethod("id");
        Method visible = PublicView.class.getMethod("id");
        Object h = new HiddenView("a");
        Object v = new PublicView("a");
        run("warm-up", h, hidden, 2, 1);
        run("warm-up", v, visible, 2, 1);
        for (int threads : new int[] {1, 2, 32}) {
            run("package-private record", h, hidden, threads, seconds);
            run("public record", v, visible, threads, seconds);
        }
    }

    private static void run(String label, Object target, Method method, int threads, double seconds) throws Exception {
        AtomicLong calls = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        Object[] none = new Object[0];
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                long n = 0;
                try {
                    while ((n & 1023) != 0 || System.nanoTime() < deadline) {
                        OgnlRuntime.invokeMethod(target, method, none);
                        n++;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                calls.addAndGet(n);
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!label.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "%-24s %2d threads: %,12.0f calls/s%n", label, threads, calls.get() / seconds);
        }
    }
}
