package de.digitalcheck.portal.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A poor man's profiler: a few thread dumps of the portal during a measured window (SIGQUIT, no agent, a
 * pause of a few milliseconds each), and what its request threads (Netty event loops, the blocking executor)
 * were doing: idle, waiting for a pooled connection, waiting for MariaDB, rendering, serialising JSON, ….
 */
final class ThreadSampler {

    /** What the request threads did, counted over all dumps. */
    record Summary(int dumps, int blockingThreads, int threadSamples, Map<String, Integer> activities,
                   Map<String, Integer> topFrames) {

        String render(String indent) {
            if (dumps == 0) {
                return indent + "(no thread dumps)";
            }
            StringBuilder sb = new StringBuilder();
            sb.append(indent).append(String.format(Locale.ROOT,
                "%d thread dumps; %d blocking-executor threads; %d request-thread samples:%n", dumps, blockingThreads,
                threadSamples));
            activities.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(indent).append(String.format(Locale.ROOT, "  %5.1f %%  %s%n",
                    100.0 * e.getValue() / threadSamples, e.getKey())));
            sb.append(indent).append("busiest frames of non-idle request threads (top frame | first portal frame):")
                .append(System.lineSeparator());
            topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> sb.append(indent).append(String.format(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey())));
            return sb.toString();
        }
    }

    private record ThreadStack(String name, String state, List<String> frames) {
    }

    private final AppProcess app;
    private final int samples;
    private final java.nio.file.Path rawDumps;

    /** {@code rawDumps}: where the dumps are written as they are (for a closer look), or {@code null}. */
    ThreadSampler(AppProcess app, int samples, java.nio.file.Path rawDumps) {
        this.app = app;
        this.samples = samples;
        this.rawDumps = rawDumps;
    }

    /** Takes the dumps spread over the first 80 % of {@code window}; returns before the window ends. */
    Summary sample(Duration window) throws InterruptedException {
        Map<String, Integer> activities = new TreeMap<>();
        Map<String, Integer> frames = new LinkedHashMap<>();
        int dumps = 0;
        int threadSamples = 0;
        int blockingThreads = 0;
        if (samples <= 0) {
            return new Summary(0, 0, 0, activities, frames);
        }
        long gap = window.toMillis() * 8 / 10 / samples;
        if (rawDumps != null) {
            try {
                java.nio.file.Files.deleteIfExists(rawDumps);
            } catch (IOException e) {
                // diagnostics only
            }
        }
        for (int i = 0; i < samples; i++) {
            Thread.sleep(gap);
            List<String> dump;
            try {
                dump = app.threadDump();
            } catch (IOException e) {
                continue;
            }
            if (dump.isEmpty()) {
                continue;
            }
            dumps++;
            if (rawDumps != null) {
                try {
                    java.nio.file.Files.write(rawDumps, dump, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    // diagnostics only
                }
            }
            List<ThreadStack> stacks = parse(dump);
            blockingThreads = Math.max(blockingThreads,
                (int) stacks.stream().filter(s -> s.name().startsWith("blocking-executor")).count());
            for (ThreadStack s : stacks) {
                if (!isRequestThread(s.name())) {
                    continue;
                }
                threadSamples++;
                String activity = classify(s);
                activities.merge(activity, 1, Integer::sum);
                if (!activity.startsWith("idle")) {
                    String top = s.frames().isEmpty() ? "?" : s.frames().get(0);
                    String portal = s.frames().stream().filter(f -> f.startsWith("de.digitalcheck")).findFirst().orElse("-");
                    frames.merge(top + " | " + portal, 1, Integer::sum);
                }
            }
        }
        return new Summary(dumps, blockingThreads, threadSamples, activities, frames);
    }

    private static boolean isRequestThread(String name) {
        return name.startsWith("blocking-executor") || name.startsWith("default-eventLoopGroup")
            || name.startsWith("default-nioEventLoopGroup") || name.startsWith("default-epollEventLoopGroup");
    }

    static String classify(ThreadStack s) {
        List<String> f = s.frames();
        boolean eventLoop = !s.name().startsWith("blocking-executor");
        String kind = eventLoop ? "event loop" : "blocking executor";
        List<String> top = f.subList(0, Math.min(4, f.size()));
        if (top.stream().anyMatch(x -> x.contains("EPoll.wait") || x.contains("epollWait") || x.contains("SelectorImpl.select")
            || x.contains("EPollSelectorImpl.doSelect"))) {
            return "idle (" + kind + ")";
        }
        if (f.stream().anyMatch(x -> x.contains("ThreadPoolExecutor.getTask"))
            && f.stream().noneMatch(x -> x.startsWith("de.digitalcheck") || x.startsWith("io.micronaut.http"))) {
            return "idle (" + kind + ")";
        }
        if (contains(f, "com.zaxxer.hikari.util.ConcurrentBag.requite")) {
            return "handing a connection back to waiting threads (HikariCP: Thread.yield spin while threads wait) [" + kind + "]";
        }
        if (contains(f, "com.zaxxer.hikari.pool.HikariPool.getConnection")
            && top.stream().anyMatch(x -> x.contains("park") || x.contains("SynchronousQueue") || x.contains("ConcurrentBag"))) {
            return "waiting for a pooled DB connection (HikariCP) [" + kind + "]";
        }
        if (contains(f, "com.mysql.cj") && top.stream().anyMatch(x -> x.contains("NioSocketImpl") || x.contains("SocketInputStream")
            || x.contains("Net.poll") || x.contains("socketRead") || x.contains("SocketDispatcher.read"))) {
            String what = f.stream().anyMatch(x -> x.contains("commit") || x.contains("Commit")) ? "commit"
                : f.stream().anyMatch(x -> x.contains("executeQuery")) ? "query" : f.stream().anyMatch(x -> x.contains("executeUpdate")
                || x.contains("executeInternal") || x.contains("execute")) ? "statement" : "other";
            return "waiting for MariaDB (" + what + ") [" + kind + "]";
        }
        if ("BLOCKED".equals(s.state())) {
            return "BLOCKED on a monitor at " + (f.isEmpty() ? "?" : f.get(0)) + " [" + kind + "]";
        }
        if (contains(f, "org.thymeleaf")) {
            return "Thymeleaf rendering [" + kind + "]";
        }
        if (contains(f, "com.mysql.cj") || contains(f, "com.zaxxer.hikari")) {
            return "JDBC driver / HikariCP (CPU) [" + kind + "]";
        }
        if (contains(f, "io.micronaut.data")) {
            return "Micronaut Data mapping [" + kind + "]";
        }
        if (contains(f, "io.micronaut.serde") || contains(f, "com.fasterxml.jackson")) {
            return "JSON (serde/Jackson) [" + kind + "]";
        }
        if (contains(f, "de.digitalcheck")) {
            return "portal code [" + kind + "]";
        }
        if (!f.isEmpty() && (f.get(0).startsWith("io.netty") || f.get(0).startsWith("sun.nio.ch"))) {
            return "Netty I/O [" + kind + "]";
        }
        if (contains(f, "io.micronaut")) {
            return "Micronaut HTTP (routing, filters, binding) [" + kind + "]";
        }
        return "other [" + kind + "]";
    }

    private static boolean contains(List<String> frames, String prefix) {
        for (String x : frames) {
            if (x.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<ThreadStack> parse(List<String> dump) {
        List<ThreadStack> stacks = new ArrayList<>();
        String name = null;
        String state = null;
        List<String> frames = null;
        for (String line : dump) {
            if (line.startsWith("\"")) {
                if (name != null) {
                    stacks.add(new ThreadStack(name, state, frames));
                }
                int end = line.indexOf('"', 1);
                name = end > 0 ? line.substring(1, end) : line;
                state = null;
                frames = new ArrayList<>();
            } else if (name != null) {
                String t = line.trim();
                if (t.startsWith("java.lang.Thread.State:")) {
                    String st = t.substring("java.lang.Thread.State:".length()).trim();
                    int space = st.indexOf(' ');
                    state = space < 0 ? st : st.substring(0, space);
                } else if (t.startsWith("at ")) {
                    String frame = t.substring(3);
                    int paren = frame.indexOf('(');
                    frames.add(paren < 0 ? frame : frame.substring(0, paren));
                }
            }
        }
        if (name != null) {
            stacks.add(new ThreadStack(name, state, frames));
        }
        return stacks.stream().filter(s -> s.frames() != null).collect(Collectors.toList());
    }
}
