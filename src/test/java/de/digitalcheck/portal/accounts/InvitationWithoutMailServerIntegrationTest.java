package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the SMTP server cannot be reached, an invitation fails as a whole: no account is left behind. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationWithoutMailServerIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(provider.portalProperties());
        // an SMTP server's address where none runs: it was never started
        properties.putAll(new SmtpServer().portalAddress());
        return properties;
    }

    @AfterAll
    void stop() {
        provider.stop();
    }

    @Test
    void whenTheMailServerIsDownNoInvitationIsLeftBehind() {
        Http admin = new Http(server, json);
        provider.signIn(admin, "offline-admin", "admin@digitalcheck.example.org", true);
        long before = accounts.count();
        HttpResponse<String> page = admin.postForm("/admin/einladungen", Map.of("email", "offline@example.org",
            "name", "Olaf Offline", "role", "NETWORK_ADMIN", "agencyId", ""));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("konnte nicht per E-Mail verschickt werden", "value=\"offline@example.org\"");
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(accounts.findByEmail("offline@example.org")).isEmpty();
    }
}
