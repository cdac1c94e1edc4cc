package de.digitalcheck.portal.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A closed-loop load generator in the manner of {@code wrk}: one thread with a selector drives
 * {@code concurrency} keep-alive connections, each sending its next request as soon as the previous response
 * is complete. It costs a few microseconds of CPU per request, so the portal gets nearly all of the machine's two
 * cores (the load generator's own CPU is reported with every result). A warm-up (not counted) is followed by a
 * measured window; the run is bounded by time and by a maximum number of requests, so it always stops by itself.
 */
final class LoadGenerator {

    /** Called for every response (warm-up included), e.g. to collect the ids of created assessments. */
    interface Observer {
        void onResponse(long sequence, HttpConnection.Response response, boolean measured);
    }

    /** What a scenario is: its requests, which status is a success, and whether bodies are needed. */
    record Scenario(String name, int concurrency, LongFunction<byte[]> request, int expectedStatus, boolean keepBodies,
                    Observer observer) {
    }

    /** The outcome of the measured window. */
    record Result(String name, int concurrency, double seconds, long ok, long failed, Map<Integer, Long> statuses,
                  long ioErrors, double[] latencyMillis, long warmupRequests, CpuMeter.Usage cpu,
                  ThreadSampler.Summary threads) {

        double perSecond() {
            return ok / seconds;
        }

        double percentile(double p) {
            if (latencyMillis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencyMillis.length) - 1;
            return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, i))];
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    private final String host;
    private final int port;
    private final long maxRequests;

    LoadGenerator(String host, int port, long maxRequests) {
        this.host = host;
        this.port = port;
        this.maxRequests = maxRequests;
    }

    Result run(Scenario scenario, Duration warmup, Duration measure, CpuMeter cpu, ThreadSampler sampler)
        throws InterruptedException {
        Driver driver = new Driver(scenario);
        Thread thread = new Thread(driver, "bench-load");
        thread.setDaemon(true);
        thread.start();
        Thread.sleep(warmup.toMillis());
        cpu.start();
        long begin = System.nanoTime();
        driver.phase = MEASURE;
        ThreadSampler.Summary threadSummary = sampler == null ? null : sampler.sample(measure);
        long remaining = begin + measure.toNanos() - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
        driver.phase = STOP;
        long end = System.nanoTime();
        CpuMeter.Usage usage = cpu.stop();
        thread.join(120_000);
        if (driver.failure != null) {
            throw new IllegalStateException("load generator failed", driver.failure);
        }
        double[] all = new double[driver.latencyCount];
        for (int i = 0; i < all.length; i++) {
            all[i] = driver.latencies[i] / 1e6;
        }
        Arrays.sort(all);
        return new Result(scenario.name(), scenario.concurrency(), (end - begin) / 1e9, driver.ok, driver.failed,
            new TreeMap<>(driver.statuses), driver.ioErrors, all, driver.warmupCount, usage, threadSummary);
    }

    /** One connection's state: the request being written, the bytes of the response read so far. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        long sequence;
        long started;
        boolean busy;
    }

    private final class Driver implements Runnable {

        private final Scenario scenario;
        volatile int phase = WARMUP;
        volatile Throwable failure;
        long next;
        long ok;
        long failed;
        long ioErrors;
        long warmupCount;
        long[] latencies = new long[1 << 16];
        int latencyCount;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();

        Driver(Scenario scenario) {
            this.scenario = scenario;
        }

        @Override
        public void run() {
            try (Selector selector = Selector.open()) {
                List<Connection> connections = new ArrayList<>();
                for (int i = 0; i < scenario.concurrency(); i++) {
                    Connection c = new Connection();
                    connect(selector, c);
                    connections.add(c);
                    send(c);
                }
                long stopDeadline = Long.MAX_VALUE;
                while (true) {
                    boolean stopping = phase == STOP || next >= maxRequests;
                    if (stopping && stopDeadline == Long.MAX_VALUE) {
                        stopDeadline = System.nanoTime() + 60_000_000_000L; // in-flight requests get a minute
                    }
                    if (stopping && (connections.stream().noneMatch(c -> c.busy) || System.nanoTime() > stopDeadline)) {
                        break;
                    }
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection c = (Connection) key.attachment();
                        try {
                            if (key.isValid() && key.isWritable()) {
                                write(c);
                            }
                            if (key.isValid() && key.isReadable()) {
                                read(selector, c);
                            }
                        } catch (IOException e) {
                            done(c, null);
                            reconnect(selector, c);
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (Connection c : connections) {
                    c.channel.close();
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        private void connect(Selector selector, Connection c) throws IOException {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(new InetSocketAddress(host, port)); // blocking connect: loopback, immediate
            ch.configureBlocking(false);
            c.channel = ch;
            c.key = ch.register(selector, 0, c);
            c.in.clear();
        }

        private void reconnect(Selector selector, Connection c) {
            try {
                c.key.cancel();
                c.channel.close();
                selector.selectNow();
                connect(selector, c);
                send(c);
            } catch (IOException e) {
                failure = e;
                phase = STOP;
            }
        }

        private void send(Connection c) throws IOException {
            if (phase == STOP || next >= maxRequests) {
                c.busy = false;
                c.key.interestOps(0);
                return;
            }
            c.sequence = next++;
            c.out = ByteBuffer.wrap(scenario.request().apply(c.sequence));
            c.busy = true;
            c.started = System.nanoTime();
            write(c);
        }

        private void write(Connection c) throws IOException {
            c.channel.write(c.out);
            c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        private void read(Selector selector, Connection c) throws IOException {
            if (!c.in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
                c.in.flip();
                bigger.put(c.in);
                c.in = bigger;
            }
            int n = c.channel.read(c.in);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            HttpConnection.Response response = parse(c.in);
            if (response == null) {
                return; // incomplete
            }
            done(c, response);
            String connection = response.header("connection");
            if (connection != null && connection.equalsIgnoreCase("close")) {
                reconnect(selector, c);
            } else {
                send(c);
            }
        }

        private void done(Connection c, HttpConnection.Response response) {
            long end = System.nanoTime();
            c.busy = false;
            boolean measured = phase == MEASURE;
            if (response != null && scenario.observer() != null) {
                scenario.observer().onResponse(c.sequence, response, measured);
            }
            if (!measured) {
                warmupCount++;
                return;
            }
            if (response == null) {
                ioErrors++;
                failed++;
                return;
            }
            statuses.merge(response.status(), 1L, Long::sum);
            if (response.status() == scenario.expectedStatus()) {
                ok++;
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[latencyCount++] = end - c.started;
            } else {
                failed++;
            }
        }

        /**
         * A complete response at the start of the buffer (which is in write mode), consumed from it; or
         * {@code null} when more bytes are needed.
         */
        private HttpConnection.Response parse(ByteBuffer buf) {
            byte[] a = buf.array();
            int limit = buf.position();
            int headerEnd = indexOf(a, 0, limit, HEADER_END);
            if (headerEnd < 0) {
                return null;
            }
            String head = new String(a, 0, headerEnd, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                        .add(lines[i].substring(colon + 1).trim());
                }
            }
            int bodyStart = headerEnd + 4;
            int end;
            byte[] body = null;
            List<String> te = headers.get("transfer-encoding");
            List<String> cl = headers.get("content-length");
            if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
                java.io.ByteArrayOutputStream collected = scenario.keepBodies() ? new java.io.ByteArrayOutputStream() : null;
                int p = bodyStart;
                int length = 0;
                while (true) {
                    int eol = indexOf(a, p, limit, CRLF);
                    if (eol < 0) {
                        return null;
                    }
                    String sizeText = new String(a, p, eol - p, StandardCharsets.ISO_8859_1);
                    int semi = sizeText.indexOf(';');
                    int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
                    if (size == 0) {
                        int trailerEnd = indexOf(a, eol, limit, HEADER_END);
                        if (trailerEnd < 0) {
                            return null;
                        }
                        end = trailerEnd + 4;
                        break;
                    }
                    if (eol + 2 + size + 2 > limit) {
                        return null;
                    }
                    if (collected != null) {
                        collected.write(a, eol + 2, size);
                    }
                    length += size;
                    p = eol + 2 + size + 2;
                }
                body = collected == null ? null : collected.toByteArray();
                consume(buf, end);
                return new HttpConnection.Response(status, headers, length, body);
            }
            int length = cl == null ? 0 : Integer.parseInt(cl.get(0));
            end = bodyStart + length;
            if (end > limit) {
                return null;
            }
            if (scenario.keepBodies()) {
                body = Arrays.copyOfRange(a, bodyStart, end);
            }
            consume(buf, end);
            return new HttpConnection.Response(status, headers, length, body);
        }

        private void consume(ByteBuffer buf, int end) {
            buf.flip();
            buf.position(end);
            buf.compact();
        }

        private int indexOf(byte[] a, int from, int limit, byte[] w) {
            outer:
            for (int i = from; i <= limit - w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    if (a[i + j] != w[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
