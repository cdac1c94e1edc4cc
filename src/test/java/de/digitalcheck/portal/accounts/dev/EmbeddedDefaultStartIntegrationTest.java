package de.digitalcheck.portal.accounts.dev;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command starts the embedded default ("dev": H2 file, demo data, local sign-in provider) without
 * an error in its log, and sign-in leads to the local OpenID provider. (The provider must be up before the OpenID
 * client's eager configuration fetches its metadata: started from the jar, the order of eager beans differs from the
 * test class path's, and the portal logged "Connection refused" with a stack trace on every start.)
 */
class EmbeddedDefaultStartIntegrationTest {

    @Test
    void startsWithoutAnErrorAndSignInLeadsToTheLocalProvider(@TempDir Path data) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        int providerPort = freePort();
        String issuer = "http://localhost:" + providerPort + "/digitalcheck";
        try (ApplicationContext context = ApplicationContext.run(Map.of(
            "micronaut.server.port", -1,
            "portal.data-dir", data.toString(),
            "portal.local-openid-provider.port", providerPort,
            "micronaut.security.oauth2.clients.oidc.openid.issuer", issuer), "dev")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()))
                .as("errors logged while starting").isEmpty();
            javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
            if (dataSource instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource contextual) {
                dataSource = contextual.getTargetDataSource();
            }
            try (java.sql.Connection c = dataSource.getConnection();
                 java.sql.ResultSet lockTimeout = c.createStatement().executeQuery("CALL LOCK_TIMEOUT()")) {
                lockTimeout.next();
                assertThat(lockTimeout.getInt(1)).as("a change waits for a held row as long as this").isEqualTo(10_000);
            }

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(
                URI.create(issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.body().replace(" ", "")).contains("\"issuer\":\"" + issuer + "\"");

            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getPort() + "/oauth/login/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isBetween(302, 303);
            assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(issuer));
        } finally {
            root.detachAppender(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
