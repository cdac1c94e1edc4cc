package de.digitalcheck.portal.accounts.dev;

import de.digitalcheck.portal.accounts.DemoUsers;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real OpenID Connect provider on localhost for the embedded default, so that sign-in works out of the box.
 * Its login page offers the {@link DemoUsers}; the ID token then carries that user's verified email, which the
 * portal's directory knows. Runs only where {@code portal.local-openid-provider.enabled} is true (the embedded
 * default) — never in production configuration.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE) // before the OpenID client's eager configuration fetches the provider's metadata
@Requires(property = "portal.local-openid-provider.enabled", value = "true")
class LocalOpenIdProvider {

    static final String ISSUER = "digitalcheck";
    private static final Logger LOG = LoggerFactory.getLogger(LocalOpenIdProvider.class);

    private final MockOAuth2Server server;
    private final Path loginPage;

    LocalOpenIdProvider(@Value("${portal.local-openid-provider.port:8085}") int port) throws IOException {
        loginPage = Files.createTempFile("digitalcheck-demo-login", ".html");
        Files.writeString(loginPage, DemoLoginPage.html(), StandardCharsets.UTF_8);
        server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString(), null, false));
        server.start(InetAddress.getByName("127.0.0.1"), port);
        LOG.info("Local sign-in provider at {} with the demo users {}", server.issuerUrl(ISSUER),
            DemoUsers.ALL.stream().map(DemoUsers.DemoUser::username).toList());
    }

    @PreDestroy
    void stop() {
        server.shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
