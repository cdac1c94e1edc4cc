package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.OidcProvider;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the SMTP server cannot be reached, an invitation is made all the same and its mail waits in the outbox; it
 * goes out once the server is back. No request waits for the mail server.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationWithoutMailServerIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();
    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;
    @Inject
    MailOutbox outbox;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(provider.portalProperties());
        // an SMTP server's address where none runs yet
        properties.putAll(smtp.portalAddress());
        properties.put("portal.mail.dispatch-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        provider.stop();
        smtp.stop();
    }

    @Test
    void whenTheMailServerIsDownTheInvitationsMailWaitsAndGoesOutLater() throws Exception {
        Http admin = new Http(server, json);
        provider.signIn(admin, "offline-admin", "admin@digitalcheck.example.org", true);
        HttpResponse<String> page = admin.postForm("/admin/einladungen", Map.of("email", "offline@example.org",
            "name", "Olaf Offline", "role", "NETWORK_ADMIN", "agencyId", ""));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(accounts.findByEmail("offline@example.org")).isPresent();
        assertThat(outbox.waiting()).isEqualTo(1);
        Database db = new Database(dataSource);
        for (int i = 0; i < 100 && db.value("SELECT last_error FROM mail_outbox") == null; i++) {
            Thread.sleep(100); // the attempt right after the commit fails and is recorded
        }
        assertThat((String) db.value("SELECT last_error FROM mail_outbox")).isNotBlank();

        smtp.start();
        db.execute("UPDATE mail_outbox SET next_attempt_at = created_at");
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        MimeMessage mail = smtp.lastMailTo("offline@example.org");
        assertThat(Mails.text(mail)).contains("Olaf Offline");
        assertThat(outbox.waiting()).isZero();
    }
}
