package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.WebhookReceiver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agencies' webhook signing secrets are sealed in the database under {@code WEBHOOK_SECRETS_KEY} and still sign:
 * the stored value holds no trace of the secret; a key change with the previous key seals them anew at start-up; a
 * replica without a fitting key lets the deliveries wait (no attempt counted) until one with the key delivers them;
 * secrets stored before a key was set are sealed at the next start; a short key stops the start. Several portals one
 * after the other on one H2 database, each signature checked by the receiver with the secret shown once.
 */
class WebhookSecretsSealingIntegrationTest {

    private static final String AGENCY = "weg-bochum";
    private static final String KEY_ONE = "first-webhook-secrets-key-0123456789-abcdef";
    private static final String KEY_TWO = "second-webhook-secrets-key-0123456789-abcdef";
    private static final String KEY_THREE = "third-webhook-secrets-key-0123456789-abcdef";

    private String url;
    private WebhookReceiver receiver;
    private int counter;

    @BeforeEach
    void setUp() throws Exception {
        url = "jdbc:h2:mem:sealing-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void secretsAreSealedAtRestSignAndSurviveAKeyChange() throws Exception {
        String sealedOne;
        try (EmbeddedServer one = start(KEY_ONE, null)) {
            String secret = one.getApplicationContext().getBean(Webhooks.class).setUrl(AGENCY, receiver.url()).orElseThrow();
            receiver.trust(secret);
            sealedOne = stored(one);
            assertThat(sealedOne).startsWith("sealed:v1:").doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain(secret);
            assertDelivered(one, lead(one));
        }
        try (EmbeddedServer two = start(KEY_TWO, KEY_ONE)) {
            String sealedTwo = stored(two);
            assertThat(sealedTwo).as("sealed anew under the new key at start-up").startsWith("sealed:v1:")
                .isNotEqualTo(sealedOne);
            assertThat(keyId(sealedTwo)).isNotEqualTo(keyId(sealedOne));
            assertDelivered(two, lead(two));
        }
        String waiting;
        try (EmbeddedServer three = start(KEY_THREE, null)) {
            String sealedTwo = stored(three);
            waiting = lead(three);
            WebhookDispatcher dispatcher = three.getApplicationContext().getBean(WebhookDispatcher.class);
            assertThat(dispatcher.dispatchDue()).isZero();
            dispatcher.awaitWakeUps(); // the dispatch woken by the lead's commit, too
            Database db = db(three);
            Map<String, Object> row = db.rows("SELECT state, attempts, last_error FROM webhook_delivery WHERE lead_id = ?",
                waiting).get(0);
            assertThat(row.get("state")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).as("no attempt counted").isZero();
            assertThat(receiver.received()).noneMatch(r -> r.body().contains(waiting));
            assertThat(stored(three)).as("a secret no key of this replica opens is left as it is").isEqualTo(sealedTwo);
        }
        try (EmbeddedServer again = start(KEY_TWO, null)) {
            assertDelivered(again, waiting);
        }
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
    }

    @Test
    void secretsStoredWithoutAKeyAreSealedWhenOneIsSet() throws Exception {
        String secret;
        try (EmbeddedServer plain = start(null, null)) {
            secret = plain.getApplicationContext().getBean(Webhooks.class).setUrl(AGENCY, receiver.url()).orElseThrow();
            assertThat(stored(plain)).isEqualTo(secret);
        }
        receiver.trust(secret);
        try (EmbeddedServer sealed = start(KEY_ONE, null)) {
            assertThat(stored(sealed)).startsWith("sealed:v1:").doesNotContain(secret);
            assertDelivered(sealed, lead(sealed));
        }
    }

    @Test
    void aShortKeyStopsTheStart() {
        assertThatThrownBy(() -> start("too-short", null).close())
            .hasStackTraceContaining("WEBHOOK_SECRETS_KEY must be at least 32 characters long");
    }

    private EmbeddedServer start(String key, String previous) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("portal.webhooks.poll-interval", "1h"); // the test dispatches itself
        if (key != null) {
            properties.put("portal.webhooks.secrets-key", key);
        }
        if (previous != null) {
            properties.put("portal.webhooks.secrets-key-previous", previous);
        }
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private String lead(EmbeddedServer server) {
        counter++;
        Questionnaires questionnaires = server.getApplicationContext().getBean(Questionnaires.class);
        Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Versiegelt " + counter)
            .at("44787").contact("Vera Siegel", "vera" + counter + "@siegel.example.org")
            .sharedWithAgency().submit(http).document().get("lead")).get("id");
    }

    private void assertDelivered(EmbeddedServer server, String leadId) throws Exception {
        WebhookDispatcher dispatcher = server.getApplicationContext().getBean(WebhookDispatcher.class);
        long until = System.currentTimeMillis() + 20_000;
        while (receiver.accepted().stream().noneMatch(r -> r.body().contains(leadId))) {
            assertThat(System.currentTimeMillis()).as("lead " + leadId + " delivered").isLessThan(until);
            dispatcher.dispatchDue();
            Thread.sleep(100);
        }
        assertThat(receiver.accepted()).filteredOn(r -> r.body().contains(leadId))
            .allMatch(WebhookReceiver.Received::signatureValid);
    }

    private String stored(EmbeddedServer server) {
        return (String) db(server).value("SELECT secret FROM webhook_endpoint WHERE agency_id = ?", AGENCY);
    }

    private static Database db(EmbeddedServer server) {
        return new Database(server.getApplicationContext().getBean(DataSource.class));
    }

    private static String keyId(String sealed) {
        return sealed.split(":")[2];
    }
}
