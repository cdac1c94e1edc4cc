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
    record Usage(double app, double db, double client, double machineBusy, int cores) {

        double other() {
            return Math.max(0, machineBusy - app - db - client);
        }

        double idle() {
            return Math.max(0, cores - machineBusy);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "app %.2f, MariaDB %.2f, load generator %.2f, other processes %.2f, idle %.2f (of %d cores)",
                app, db, client, other(), idle(), cores);
        }
    }

    private record Snapshot(long nanos, long app, long db, long client, long machineBusyTicks, long machineTotalTicks) {
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
        double machineBusy = 0;
        long totalTicks = end.machineTotalTicks - start.machineTotalTicks;
        int cores = Runtime.getRuntime().availableProcessors();
        if (totalTicks > 0) {
            machineBusy = cores * (double) (end.machineBusyTicks - start.machineBusyTicks) / totalTicks;
        }
        return new Usage((end.app - start.app) / 1e9 / seconds, (end.db - start.db) / 1e9 / seconds,
            (end.client - start.client) / 1e9 / seconds, machineBusy, cores);
    }

    private Snapshot snapshot() {
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), cpu(app), db.map(CpuMeter::cpu).orElse(0L),
            cpu(ProcessHandle.current()), machine[0], machine[1]);
    }

    static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Busy and total jiffies of all cores from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v; // idle, iowait
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Busy cores of the whole machine over a short interval, e.g. to wait until other people's builds are done. */
    static double machineBusy(Duration over) throws InterruptedException {
        long[] a = machineTicks();
        Thread.sleep(over.toMillis());
        long[] b = machineTicks();
        long total = b[1] - a[1];
        return total <= 0 ? 0 : Runtime.getRuntime().availableProcessors() * (double) (b[0] - a[0]) / total;
    }
}
