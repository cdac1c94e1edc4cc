package de.digitalcheck.portal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal in its own JVM, started exactly as in production ({@code java -cp … Application}, configured by
 * environment variables). Its output goes to a log file; the "Startup completed in N ms" line and thread dumps
 * (asked for with SIGQUIT) are picked out of it.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
    static final String MAIN_CLASS = "de.digitalcheck.portal.Application";

    private final Process process;
    private final long launchedNanos;
    private final int port;
    private final int managementPort;
    private final BlockingQueue<List<String>> dumps = new LinkedBlockingQueue<>();
    private volatile Long startupLogMillis;
    private volatile long readyNanos;
    private volatile boolean closed;

    private AppProcess(Process process, long launchedNanos, int port, int managementPort) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Launches the portal in {@code directory}. {@code classpath} is the JVM class path (relative to it); {@code env}
     * the production environment variables (DB_URL, PORT, …); {@code jvmOptions} extra JVM options.
     */
    static AppProcess launch(Path directory, String classpath, Map<String, String> env, List<String> jvmOptions, int port, Path log) {
        if (portAnswers(port)) {
            throw new IllegalStateException("port " + port + " is in use by another process: choose another one with BENCH_PORT");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        // the health check answers on the management port (MANAGEMENT_PORT; here the port after PORT unless given)
        int managementPort = Integer.parseInt(env.getOrDefault("MANAGEMENT_PORT", String.valueOf(port + 1)));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        try {
            Files.createDirectories(log.getParent());
            long launched = System.nanoTime();
            Process p = builder.start();
            AppProcess app = new AppProcess(p, launched, port, managementPort);
            Thread reader = new Thread(() -> app.pump(log), "app-output-" + p.pid());
            reader.setDaemon(true);
            reader.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(Path log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            List<String> dump = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("Full thread dump")) {
                    dump = new ArrayList<>();
                    continue;
                }
                if (dump != null) {
                    if (line.startsWith("JNI global")) {
                        dumps.add(dump);
                        dump = null;
                    } else {
                        dump.add(line);
                    }
                    continue; // thread dumps are not copied to the log
                }
                w.println(line);
                if (startupLogMillis == null) {
                    Matcher m = STARTUP.matcher(line);
                    if (m.find()) {
                        startupLogMillis = Long.parseLong(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Polls {@code GET /health} on the management port every 10 ms until it answers 200; returns milliseconds since
     * launch.
     */
    double awaitReady(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        byte[] request = HttpConnection.get("127.0.0.1", managementPort, "/health", "application/json");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue() + " before it was ready (see its log)");
            }
            try (HttpConnection c = new HttpConnection("127.0.0.1", managementPort, 2000)) {
                if (c.send(request, false).status() == 200) {
                    readyNanos = System.nanoTime();
                    return (readyNanos - launchedNanos) / 1e6;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the portal was not ready within " + timeoutSeconds + " s (see its log)");
    }

    /** The portal's own "Startup completed in N ms", once logged (waits briefly for the log line). */
    Long startupLogMillis() throws InterruptedException {
        for (int i = 0; i < 100 && startupLogMillis == null; i++) {
            Thread.sleep(10);
        }
        return startupLogMillis;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** One thread dump of the portal (SIGQUIT: cheap, no attach), or an empty list if none arrived in time. */
    List<String> threadDump() throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start();
        kill.waitFor(5, TimeUnit.SECONDS);
        List<String> dump = dumps.poll(5, TimeUnit.SECONDS);
        return dump == null ? List.of() : dump;
    }

    private static final Pattern THREAD_CPU = Pattern.compile("^\"([^\"]+)\".*\\bcpu=([0-9.]+)ms");

    /**
     * CPU used so far per kind of thread (main, JIT compiler, GC, request threads, other), in ms, from a thread
     * dump's {@code cpu=} figures.
     */
    Map<String, Double> cpuByThreadKind() throws InterruptedException, IOException {
        Map<String, Double> kinds = new java.util.LinkedHashMap<>();
        for (String line : threadDump()) {
            Matcher m = THREAD_CPU.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            String kind = name.equals("main") || name.equals("DestroyJavaVM") ? "main thread"
                : name.contains("CompilerThread") ? "JIT compiler"
                : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "GC and VM"
                : name.startsWith("default-") || name.startsWith("blocking-executor") ? "event loops and executors"
                : "other threads";
            kinds.merge(kind, Double.parseDouble(m.group(2)), Double::sum);
        }
        return kinds;
    }

    static boolean portAnswers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the portal (SIGTERM, then SIGKILL after 20 s) and waits until its port is free. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (int i = 0; i < 100 && portAnswers(port); i++) {
            Thread.sleep(50);
        }
    }
}
