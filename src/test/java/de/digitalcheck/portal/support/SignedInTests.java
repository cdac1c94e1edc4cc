package de.digitalcheck.portal.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of integration tests that sign people in: a real OpenID provider for the class, the portal configured
 * against it, and {@link #as} for a browser session of one person (the whole authorization-code flow).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SignedInTests implements TestPropertyProvider {

    protected final OidcProvider provider = new OidcProvider();

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return provider.portalProperties();
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    /** A client signed in as the person with this provider subject and (verified) email. */
    protected Http as(String subject, String email) {
        Http http = new Http(server, json);
        provider.signIn(http, subject, email, true);
        return http;
    }
}
