package de.digitalcheck.portal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A webhook receiver for tests (the JDK's HTTP server on a free local port): records every request, checks its
 * signature with the Standard Webhooks algorithm as docs/api.md documents it — written here again, not taken from the
 * portal — against the secrets it was told, and answers as told: a status (with headers), after a delay, or by
 * closing the connection without an answer.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String body, boolean signatureValid,
                           int signatures, long receivedAtMillis) {
    }

    /** How to answer the n-th request (1-based) of a webhook-id. */
    public record Answer(int status, long delayMillis, boolean close, String retryAfter) {
        public static Answer ok() {
            return new Answer(204, 0, false, null);
        }

        public static Answer status(int status) {
            return new Answer(status, 0, false, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Integer> attemptsById = new ConcurrentHashMap<>();
    private final AtomicReference<Function<Integer, Answer>> answers = new AtomicReference<>(n -> Answer.ok());

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secrets that are valid now (a rotation: both). */
    public void trust(String... secret) {
        secrets.clear();
        secrets.addAll(List.of(secret));
    }

    /** How to answer the n-th request of each webhook-id (1-based). */
    public void answer(Function<Integer, Answer> byAttempt) {
        answers.set(byAttempt);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests whose answer was a 2xx. */
    public List<Received> accepted() {
        return received().stream().filter(r -> r.signatureValid() && answered2xx.contains(r)).toList();
    }

    private final Set<Received> answered2xx = ConcurrentHashMap.newKeySet();

    private void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n = attemptsById.merge(id == null ? "" : id, 1, Integer::sum);
        Received r = new Received(id, timestamp, signature, body, valid(id, timestamp, signature, body),
            signature == null ? 0 : signature.split(" ").length, System.currentTimeMillis());
        received.add(r);
        Answer answer = answers.get().apply(n);
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (answer.close()) {
            exchange.getHttpContext().getServer();
            exchange.close(); // no status line: the client sees the connection closed
            return;
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            answered2xx.add(r);
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    /** Every signature of the header must verify with one of the trusted secrets, and there is at least one. */
    private boolean valid(String id, String timestamp, String header, String body) {
        if (id == null || timestamp == null || header == null || secrets.isEmpty()) {
            return false;
        }
        String[] parts = header.split(" ");
        for (String part : parts) {
            if (!part.startsWith("v1,")) {
                return false;
            }
            String given = part.substring(3);
            boolean any = secrets.stream().anyMatch(s -> given.equals(sign(s, id + "." + timestamp + "." + body)));
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
