package de.digitalcheck.portal.support;

import de.digitalcheck.portal.accounts.DemoUsers;
import java.util.LinkedHashMap;
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

    /**
     * Every demo user of the directory ({@link DemoUsers}: network admin, staff and coach of two agencies) signed in,
     * by user name; each under a provider subject that starts with {@code subjectPrefix} (a subject binds an account
     * once, so each test class takes its own).
     */
    protected Map<String, Http> everyDemoUser(String subjectPrefix) {
        Map<String, Http> users = new LinkedHashMap<>();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            users.put(user.username(), as(subjectPrefix + user.username(), user.email()));
        }
        return users;
    }
}
