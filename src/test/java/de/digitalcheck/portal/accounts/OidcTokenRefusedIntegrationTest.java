package de.digitalcheck.portal.accounts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's token endpoint refusing the callback's code: Keycloak answers a code used already or expired with
 * {@code 400 {"error":"invalid_grant",…}}. mock-oauth2-server issues a token for any code, so a stand-in sits between
 * the portal and it: it serves the provider's discovery document with its own token endpoint, passes token requests on
 * to the provider, or refuses them as Keycloak does. The person lands on the sign-in page, which says that signing in
 * was not completed (or, already signed in, on their workspace) — not on a 500, a blank 401 or the general error page —
 * and neither the code nor the provider's description of it is logged.
 */
@MicronautTest(transactional = false)
class OidcTokenRefusedIntegrationTest extends SignedInTests {

    private static final String REFUSAL = "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}";

    private final TokenEndpointStandIn standIn = new TokenEndpointStandIn(provider);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("micronaut.security.oauth2.clients.oidc.openid.issuer", standIn.issuer());
        return properties;
    }

    @AfterAll
    void stopStandIn() {
        standIn.stop();
    }

    @Test
    void aCodeTheProviderRefusesLeadsBackToTheSignInPageWhichSaysSo() {
        Http http = new Http(server, json);
        provider.nextUser("token-refused-nobody", Map.of("email", "token-refused@example.org", "email_verified", true,
            "name", "Tanja Refused"));
        String callback = callbackOf(http);
        String code = URI.create("http://localhost" + callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        List<ILoggingEvent> logged = logged(() -> {
            standIn.refuse(true);
            HttpResponse<String> answer = http.get(callback);
            assertThat(standIn.takeRefused()).as("the token endpoint was asked for this code and refused it")
                .singleElement().asString().contains("grant_type=authorization_code", "code=" + code);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/anmelden");
        });
        assertThat(http.get("/anmelden").body()).contains("role=\"alert\"", "Die Anmeldung wurde nicht abgeschlossen");
        assertThat(http.get("/anmelden").body()).as("said once").doesNotContain("nicht abgeschlossen");
        assertThat(http.get("/agentur").headers().firstValue("Location")).as("not signed in").hasValue("/anmelden");
        assertThat(logged).as("the refusal is logged, as a warning, with the provider's error code").anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).isEqualTo("Sign-in not completed on GET /oauth/callback/oidc "
                + "(token request refused: 400 invalid_grant): back to the sign-in page");
        });
        assertThat(logged).noneSatisfy(e -> assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR));
        for (ILoggingEvent event : logged) {
            assertThat(text(event)).as(event.getLoggerName())
                .doesNotContain(code, "token-refused@example.org", "Tanja Refused", "Code not valid");
        }
    }

    @Test
    void aCodeTheProviderRefusesWhileSignedInLeadsOnToTheWorkspace() {
        Http http = as("token-refused-staff", "staff@en-agentur.example.org");
        assertThat(http.get("/agentur").statusCode()).isEqualTo(200);
        provider.nextUser("token-refused-staff", Map.of("email", "staff@en-agentur.example.org",
            "email_verified", true, "name", "token-refused-staff"));
        String callback = callbackOf(http);
        standIn.refuse(true);
        try {
            HttpResponse<String> answer = http.get(callback);
            assertThat(standIn.takeRefused()).as("the token endpoint refused the code").hasSize(1);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/workspace");
        } finally {
            standIn.refuse(false);
        }
        assertThat(http.get("/agentur").statusCode()).as("still signed in").isEqualTo(200);
    }

    /** The portal's callback address (path and query) the provider sends the browser to, not yet followed. */
    private String callbackOf(Http http) {
        standIn.refuse(false);
        String authorize = http.get("/oauth/login/oidc").headers().firstValue("Location").orElseThrow();
        URI back = URI.create(http.getAbsolute(authorize).headers().firstValue("Location").orElseThrow());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    /** Every event any logger wrote while the action ran. */
    private static List<ILoggingEvent> logged(Runnable action) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }

    private static String text(ILoggingEvent event) {
        StringBuilder all = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            all.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return all.toString();
    }

    /**
     * The provider as the portal sees it: its discovery document with this stand-in's token endpoint; token requests
     * passed on to the provider, or refused with {@code 400 invalid_grant}.
     */
    private static final class TokenEndpointStandIn {

        private final OidcProvider provider;
        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final AtomicBoolean refuse = new AtomicBoolean();
        private final List<String> refused = Collections.synchronizedList(new ArrayList<>());

        TokenEndpointStandIn(OidcProvider provider) {
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

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + OidcProvider.ISSUER_ID;
        }

        void refuse(boolean refuse) {
            this.refuse.set(refuse);
        }

        /** The bodies of the token requests refused since the last call, which forgets them. */
        List<String> takeRefused() {
            synchronized (refused) {
                List<String> taken = List.copyOf(refused);
                refused.clear();
                return taken;
            }
        }

        void stop() {
            server.stop(0);
        }

        private void discovery(HttpExchange exchange) throws IOException {
            HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create(provider.issuer()
                + "/.well-known/openid-configuration")).GET().build());
            String own = document.body().replaceFirst("\"token_endpoint\"\\s*:\\s*\"[^\"]*\"",
                "\"token_endpoint\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/token\"");
            answer(exchange, document.statusCode(), own);
        }

        private void token(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (refuse.get()) {
                refused.add(body);
                answer(exchange, 400, REFUSAL);
                return;
            }
            HttpRequest.Builder onward = HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
            for (String header : List.of("Content-Type", "Authorization", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    onward.header(header, value);
                }
            }
            HttpResponse<String> answer = send(onward.build());
            answer(exchange, answer.statusCode(), answer.body());
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
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
