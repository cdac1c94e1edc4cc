package de.digitalcheck.portal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenID provider as the portal sees it, with a token endpoint and a discovery document that can fail as a real
 * provider's do: in front of the test's {@link OidcProvider} (mock-oauth2-server, which issues a token for any code and
 * is never down), it serves the provider's discovery document with its own token endpoint and passes token requests on
 * to the provider — or refuses them as Keycloak refuses a code used already or expired ({@code 400 invalid_grant}), or
 * drops them without an answer (a provider down or cut off), or answers them {@code 503} (a provider down behind its
 * proxy). The portal's issuer is {@link #issuer()}.
 */
public final class OidcStandIn {

    /** What the token endpoint does with a request. */
    public enum Token {
        /** Passed on to the provider: a sign-in works. */
        PASS,
        /** {@code 400 {"error":"invalid_grant",…}}, as Keycloak answers a code used already or expired. */
        REFUSE,
        /** The connection closed without an answer. */
        DROP,
        /** {@code 503} with an HTML page, as a provider down behind its proxy answers. */
        FAIL
    }

    /** The body of the token endpoint's {@code 503} ({@link Token#FAIL}). */
    public static final String OUTAGE = "<html><body>Service Unavailable: maintenance</body></html>";
    public static final String REFUSAL = "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}";

    private final OidcProvider provider;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Token> token = new AtomicReference<>(Token.PASS);
    private final AtomicBoolean discoveryDown = new AtomicBoolean();
    private final List<String> notPassed = Collections.synchronizedList(new ArrayList<>());

    public OidcStandIn(OidcProvider provider) {
        this.provider = provider;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/" + OidcProvider.ISSUER_ID + "/.well-known/openid-configuration", this::discovery);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + OidcProvider.ISSUER_ID;
    }

    /** What the token endpoint does from now on. */
    public void token(Token what) {
        token.set(what);
    }

    /** Whether the discovery document's address drops every request (a provider down). */
    public void discoveryDown(boolean down) {
        discoveryDown.set(down);
    }

    /** The bodies of the token requests refused or dropped since the last call, which forgets them. */
    public List<String> takeNotPassed() {
        synchronized (notPassed) {
            List<String> taken = List.copyOf(notPassed);
            notPassed.clear();
            return taken;
        }
    }

    public void stop() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (discoveryDown.get()) {
            exchange.close();
            return;
        }
        HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create(provider.issuer()
            + "/.well-known/openid-configuration")).GET().build());
        String own = document.body().replaceFirst("\"token_endpoint\"\\s*:\\s*\"[^\"]*\"",
            "\"token_endpoint\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/token\"");
        answer(exchange, document.statusCode(), own);
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        // always passed on, so that the provider takes the user the test queued for this sign-in (mock-oauth2-server
        // hands them out at its token endpoint), whatever the portal is answered
        HttpRequest.Builder onward = HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        for (String header : List.of("Content-Type", "Authorization", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                onward.header(header, value);
            }
        }
        HttpResponse<String> answer = send(onward.build());
        switch (token.get()) {
            case REFUSE -> {
                notPassed.add(body);
                answer(exchange, 400, REFUSAL);
            }
            case DROP -> {
                notPassed.add(body);
                exchange.close();
            }
            case FAIL -> {
                notPassed.add(body);
                answer(exchange, 503, OUTAGE, "text/html");
            }
            case PASS -> answer(exchange, answer.statusCode(), answer.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        answer(exchange, status, body, "application/json");
    }

    private static void answer(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
