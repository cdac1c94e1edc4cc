package de.digitalcheck.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the machine's CPU went during a measured window: the portal, MariaDB, this load generator, and
 * everything else (other people's builds and tests on a shared machine), in cores (2.0 = both cores busy).
 * Reads {@code /proc}; on another OS the figures are simply missing.
 */
final class CpuMeter {

    /** CPU used in one window, in cores. */
    record Usage(double app, double db, double client, double processes, double interrupts, double steal, int cores) {

        /** Processes other than the portal, MariaDB and the load generator: other people's work on the machine. */
        double other() {
            return Math.max(0, processes - app - db - client);
        }

        double idle() {
            return Math.max(0, cores - processes - interrupts - steal);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "app %.2f, MariaDB %.2f, load generator %.2f, kernel interrupts "
                + "(network) %.2f, other processes %.2f, stolen by the hypervisor %.2f, idle %.2f (of %d cores)",
                app, db, client, interrupts, other(), steal, idle(), cores);
        }
    }

    private record Snapshot(long nanos, long app, long db, long client, long[] machine) {
    }

    private final ProcessHandle app;
    private final Optional<ProcessHandle> db;
    private Snapshot start;

    CpuMeter(ProcessHandle app) {
        this.app = app;
        this.db = mariadb();
    }

    static Optional<ProcessHandle> mariadb() {
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
            .findFirst();
    }

    void start() {
        start = snapshot();
    }

    Usage stop() {
        Snapshot end = snapshot();
        double seconds = (end.nanos - start.nanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        long total = end.machine[TOTAL] - start.machine[TOTAL];
        double scale = total <= 0 ? 0 : cores / (double) total;
        return new Usage((end.app - start.app) / 1e9 / seconds, (end.db - start.db) / 1e9 / seconds,
            (end.client - start.client) / 1e9 / seconds, scale * (end.machine[PROCESSES] - start.machine[PROCESSES]),
            scale * (end.machine[INTERRUPTS] - start.machine[INTERRUPTS]), scale * (end.machine[STEAL] - start.machine[STEAL]),
            cores);
    }

    private Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), cpu(app), db.map(CpuMeter::cpu).orElse(0L), cpu(ProcessHandle.current()),
            machineTicks());
    }

    static final int BUSY = 0;
    static final int TOTAL = 1;
    static final int PROCESSES = 2;
    static final int INTERRUPTS = 3;
    static final int STEAL = 4;

    static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Jiffies of all cores from the first line of /proc/stat: busy (everything but idle and iowait), total,
     * processes (user, nice, system), interrupts (irq, softirq: here mostly loopback networking), steal.
     */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long[] v = new long[9];
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                v[i] = Long.parseLong(f[i]);
            }
            long total = v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8];
            return new long[] {total - v[4] - v[5], total, v[1] + v[2] + v[3], v[6] + v[7], v[8]};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0, 0, 0};
        }
    }

    /** Busy cores of the whole machine over a short interval, e.g. to wait until other people's builds are done. */
    static double machineBusy(Duration over) throws InterruptedException {
        long[] a = machineTicks();
        Thread.sleep(over.toMillis());
        long[] b = machineTicks();
        long total = b[TOTAL] - a[TOTAL];
        return total <= 0 ? 0 : Runtime.getRuntime().availableProcessors() * (double) (b[BUSY] - a[BUSY]) / total;
    }
}
