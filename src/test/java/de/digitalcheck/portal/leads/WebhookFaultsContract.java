package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.WebhookReceiver;
import de.digitalcheck.portal.support.WebhookReceiver.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivery that loses nothing (issue 12): a receiver answering 500, timing out or closing the connection, a
 * {@code Retry-After}, a {@code 410 Gone}, a dispatcher that dies holding its claims, two dispatchers racing, a
 * secret rotation and an SMTP server that is away — every event arrives, under one webhook-id, each signature
 * verifies with the documented algorithm, and no attempt is made twice. Against H2 and MySQL/MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookFaultsContract implements TestPropertyProvider {

    static final String BOCHUM = "44787";
    static final String AGENCY = "weg-bochum";

    final SmtpServer smtp = new SmtpServer();
    WebhookReceiver receiver;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Webhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    MailOutbox mailOutbox;
    @Inject
    de.digitalcheck.portal.readiness.AgencyLeads agencyLeads;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadForwarding forwarding;

    Http http;
    Database db;
    String secret;
    int counter;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
        receiver.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(server, json);
        db = new Database(dataSource);
        if (receiver == null) {
            receiver = new WebhookReceiver();
            secret = webhooks.setUrl(AGENCY, receiver.url()).orElseThrow();
            receiver.trust(secret);
        }
        receiver.answer(n -> Answer.ok());
        // a test that disabled the endpoint and failed before enabling it again leaves it to the next enabled
        db.execute("UPDATE webhook_endpoint SET enabled = TRUE WHERE agency_id = ?", AGENCY);
    }

    /** A lead at the Bochum agency; its id. */
    String lead() {
        counter++;
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Bochumer Bau " + counter)
            .at(BOCHUM).contact("Bo Bauer", "bo" + counter + "-" + System.nanoTime() + "@bau.example.org")
            .sharedWithAgency().submit(http).document().get("lead")).get("id");
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for: " + what).isLessThan(until);
            Thread.sleep(50);
        }
    }

    List<WebhookReceiver.Received> of(String leadId) {
        return receiver.received().stream().filter(r -> r.body().contains(leadId)).toList();
    }

    String state(String leadId) {
        return (String) db.value("SELECT state FROM webhook_delivery WHERE lead_id = ? AND event_type = 'lead.created'", leadId);
    }

    void deliveredAfterRetries(Answer first, int failures) throws Exception {
        receiver.answer(n -> n <= failures ? first : Answer.ok());
        String leadId = lead();
        await("delivered", () -> "DELIVERED".equals(state(leadId)));
        List<WebhookReceiver.Received> got = of(leadId);
        assertThat(got).hasSize(failures + 1);
        assertThat(got.stream().map(WebhookReceiver.Received::id).distinct().count()).as("one webhook-id").isEqualTo(1);
        assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(db.value("SELECT attempts FROM webhook_delivery WHERE lead_id = ?", leadId).toString())
            .isEqualTo(String.valueOf(failures + 1));
    }

    @Test
    void aReceiverAnswering500IsTriedAgainUntilItTakesTheEvent() throws Exception {
        deliveredAfterRetries(Answer.status(500), 2);
    }

    @Test
    void aReceiverThatTimesOutIsTriedAgain() throws Exception {
        deliveredAfterRetries(new Answer(204, 1_600, false, null), 1);
    }

    @Test
    void aReceiverThatClosesTheConnectionIsTriedAgain() throws Exception {
        deliveredAfterRetries(new Answer(0, 0, true, null), 1);
    }

    /** The kind and detail of a lead's failed attempt, once one failed. */
    Map<String, Object> failedAttempt(String leadId) throws InterruptedException {
        String sql = "SELECT last_status, last_error, last_failure FROM webhook_delivery WHERE lead_id = ? "
            + "AND event_type = 'lead.created' AND last_failure IS NOT NULL";
        await("an attempt failed", () -> !db.rows(sql, leadId).isEmpty());
        return db.rows(sql, leadId).get(0);
    }

    @Test
    void eachFailedAttemptIsRecordedWithItsKindAndADeliveryClearsIt() throws Exception {
        receiver.answer(n -> Answer.status(500));
        String status = lead();
        assertThat(failedAttempt(status)).containsEntry("last_failure", "STATUS").containsEntry("last_error", null)
            .satisfies(r -> assertThat(((Number) r.get("last_status")).intValue()).isEqualTo(500));

        receiver.answer(n -> new Answer(204, 1_600, false, null));
        assertThat(failedAttempt(lead())).containsEntry("last_failure", "TIMEOUT").containsEntry("last_status", null);

        receiver.answer(n -> new Answer(0, 0, true, null));
        assertThat(failedAttempt(lead())).containsEntry("last_failure", "CLOSED")
            .satisfies(r -> assertThat((String) r.get("last_error")).isNotBlank().doesNotContain("Bochumer", "bau.example"));

        receiver.answer(n -> Answer.ok());
        await("delivered at last", () -> "DELIVERED".equals(state(status)));
        assertThat(db.rows("SELECT last_error, last_failure FROM webhook_delivery WHERE lead_id = ?", status).get(0))
            .containsEntry("last_error", null).containsEntry("last_failure", null);

        // nothing listens at the address
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        webhooks.setUrl(AGENCY, "http://127.0.0.1:" + closed + "/hook");
        try {
            assertThat(failedAttempt(lead())).containsEntry("last_failure", "REFUSED")
                .satisfies(r -> assertThat((String) r.get("last_error")).startsWith("ConnectException"));
        } finally {
            webhooks.setUrl(AGENCY, receiver.url());
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        receiver.answer(n -> n == 1 ? new Answer(503, 0, false, "2") : Answer.ok());
        String leadId = lead();
        await("delivered", () -> "DELIVERED".equals(state(leadId)));
        List<WebhookReceiver.Received> got = of(leadId);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).receivedAtMillis() - got.get(0).receivedAtMillis())
            .as("waited as asked (2 s), not the configured 200 ms").isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void goneDisablesTheEndpointTellsTheAgencyAndTheEventWaitsForItsReturn() throws Exception {
        receiver.answer(n -> Answer.status(410));
        String leadId = lead();
        await("disabled", () -> Boolean.FALSE.equals(asBoolean(db.value(
            "SELECT enabled FROM webhook_endpoint WHERE agency_id = ?", AGENCY))));
        await("the agency's mail", () -> java.util.Arrays.stream(smtp.received()).anyMatch(m -> {
            try {
                return m.getSubject().equals("Ihr Webhook wurde abgeschaltet");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }));
        Thread.sleep(600);
        int tried = of(leadId).size();
        Thread.sleep(800);
        assertThat(of(leadId)).as("a disabled endpoint is not called").hasSize(tried);
        assertThat(state(leadId)).as("nothing lost").isEqualTo("PENDING");
        receiver.answer(n -> Answer.ok());
        webhooks.setUrl(AGENCY, receiver.url());
        await("delivered once it is back", () -> "DELIVERED".equals(state(leadId)));
    }

    static Boolean asBoolean(Object value) {
        return value == null ? null : value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    @Test
    void claimsOfADispatcherThatDiedRunOutAndAnotherDeliversEveryEventOnce() throws Exception {
        db.execute("UPDATE webhook_endpoint SET enabled = FALSE WHERE agency_id = ?", AGENCY);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leads.add(lead());
        }
        dispatcher.awaitWakeUps(); // their events relayed to webhook rows (the endpoint disabled: none sent)
        // a dispatcher claims them and dies before sending: its lease (3 s in the tests) runs out
        Instant now = Instant.now();
        int claimed = db.execute("UPDATE webhook_delivery SET claimed_by = 'dead', claimed_until = ?, attempts = attempts + 1 "
            + "WHERE agency_id = ? AND state = 'PENDING'", java.sql.Timestamp.from(now.plusSeconds(2)), AGENCY);
        assertThat(claimed).isGreaterThanOrEqualTo(5);
        db.execute("UPDATE webhook_endpoint SET enabled = TRUE WHERE agency_id = ?", AGENCY);
        Thread.sleep(1_000);
        assertThat(leads.stream().flatMap(l -> of(l).stream()).toList()).as("held by the dead dispatcher").isEmpty();
        for (String leadId : leads) {
            await("delivered after the lease", () -> "DELIVERED".equals(state(leadId)));
            assertThat(of(leadId)).hasSize(1);
            assertThat(of(leadId).get(0).signatureValid()).isTrue();
        }
    }

    @Test
    void twoDispatchersNeverSendOneEventTwice() throws Exception {
        db.execute("UPDATE webhook_endpoint SET enabled = FALSE WHERE agency_id = ?", AGENCY);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            leads.add(lead());
        }
        AutoCloseable ownDispatcher = dispatcher.hold(); // only the two below race
        db.execute("UPDATE webhook_endpoint SET enabled = TRUE WHERE agency_id = ?", AGENCY);
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (String name : List.of("replica-a", "replica-b")) {
            runs.add(two.submit(() -> {
                start.await();
                return dispatcher.dispatchDue(name);
            }));
        }
        start.countDown();
        int delivered = 0;
        for (Future<Integer> run : runs) {
            delivered += run.get();
        }
        two.shutdown();
        ownDispatcher.close();
        for (String leadId : leads) {
            await("delivered", () -> "DELIVERED".equals(state(leadId)));
        }
        Map<String, Long> byId = leads.stream().flatMap(l -> of(l).stream())
            .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
        assertThat(byId).hasSize(30);
        assertThat(byId.values()).as("each event exactly once").allMatch(n -> n == 1);
        assertThat(delivered).as("the two dispatchers did the work").isEqualTo(30);
    }

    @Test
    void duringARotationEveryRequestCarriesBothSignaturesAndEachVerifies() throws Exception {
        String before = lead();
        await("delivered", () -> "DELIVERED".equals(state(before)));
        assertThat(of(before).get(0).signatures()).isEqualTo(1);
        String rotated = webhooks.rotate(AGENCY);
        receiver.trust(secret, rotated);
        String after = lead();
        await("delivered", () -> "DELIVERED".equals(state(after)));
        assertThat(of(after).get(0).signatures()).as("old and new secret sign").isEqualTo(2);
        assertThat(of(after).get(0).signatureValid()).isTrue();
        receiver.trust(rotated);
        assertThat(of(after).get(0).signature().split(" ")).anySatisfy(s ->
            assertThat(s).isEqualTo("v1," + de.digitalcheck.portal.leads.internal.WebhookSigner.sign(rotated,
                of(after).get(0).id(), Long.parseLong(of(after).get(0).timestamp()), of(after).get(0).body())));
        receiver.trust(secret, rotated); // both sign for a day: the other tests verify both
    }

    @Test
    void aMailServerThatIsAwayDelaysTheAgencysMailWithoutLosingIt() throws Exception {
        smtp.stop();
        String leadId = lead();
        await("an attempt failed", () -> db.value("SELECT last_error FROM mail_outbox WHERE body LIKE ?",
            "%" + leadId + "%") != null);
        smtp.start();
        db.execute("UPDATE mail_outbox SET next_attempt_at = ? WHERE body LIKE ?", java.sql.Timestamp.from(Instant.now()),
            "%" + leadId + "%");
        mailOutbox.dispatchDue();
        await("the mail arrived", () -> java.util.Arrays.stream(smtp.received()).anyMatch(m -> Mails.text(m).contains(leadId)));
        await("the webhook did not wait for the mail", () -> "DELIVERED".equals(state(leadId)));
    }

    /** The state of the agency's delivery of {@code type} for the lead. */
    String state(String leadId, String type) {
        return (String) db.value("SELECT state FROM webhook_delivery WHERE lead_id = ? AND agency_id = ? AND event_type = ?",
            leadId, AGENCY, type);
    }

    /** The agency's delivery of {@code type} for the lead that arrived last. */
    List<WebhookReceiver.Received> arrived(String leadId, String type) {
        return receiver.received().stream().filter(r -> r.body().contains(leadId) && r.body().contains("\"" + type + "\""))
            .toList();
    }

    /**
     * A receiver away for longer than every attempt (its deliveries FAILED) takes them when staff send them again: the
     * open lead's event with its webhook-id, the news that a lead was withdrawn or forwarded — but never again the
     * data of a lead whose consent was withdrawn or that left for another agency. Nothing without an endpoint that is on.
     */
    @Test
    void failedDeliveriesAreSentAgainOnRequestWithoutTheDataOfLeadsNoLongerShared() throws Exception {
        receiver.answer(n -> Answer.status(500));
        String open = lead();
        String withdrawn = lead();
        String away = lead();
        String email = (String) db.value("SELECT contact_email FROM agency_lead WHERE id = ?", withdrawn);
        for (String lead : List.of(open, withdrawn, away)) {
            await("failed after every attempt", () -> "FAILED".equals(state(lead, "lead.created")));
        }
        agencyLeads.withdraw(email, withdrawn);
        forwarding.forward(AGENCY, false, away, ((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?",
            away)).intValue(), "wf-dortmund", "Standort in Dortmund",
            new de.digitalcheck.portal.leads.internal.LeadWork.Actor("contract", "Contract"));
        await("the news failed too", () -> "FAILED".equals(state(withdrawn, "lead.withdrawn"))
            && "FAILED".equals(state(away, "lead.updated")));
        String openId = (String) db.value("SELECT id FROM webhook_delivery WHERE lead_id = ? AND event_type = 'lead.created'",
            open);
        long withdrawnDataCalls = arrived(withdrawn, "lead.created").size();
        long awayDataCalls = arrived(away, "lead.created").size();

        db.execute("UPDATE webhook_endpoint SET enabled = FALSE WHERE agency_id = ?", AGENCY);
        assertThatThrownBy(() -> webhooks.replayFailed(AGENCY, 7)).isInstanceOf(
            de.digitalcheck.portal.shared.validation.ValidationException.class);
        db.execute("UPDATE webhook_endpoint SET enabled = TRUE WHERE agency_id = ?", AGENCY);
        assertThatThrownBy(() -> webhooks.replayFailed(AGENCY, 3)).as("a period not offered")
            .isInstanceOf(de.digitalcheck.portal.shared.validation.ValidationException.class);
        assertThat(state(open, "lead.created")).as("nothing queued by a refusal").isEqualTo("FAILED");

        receiver.answer(n -> Answer.ok());
        long replayable = webhooks.replayable(AGENCY);
        assertThat(webhooks.replayFailed(AGENCY, 7)).isGreaterThanOrEqualTo(3).isEqualTo((int) replayable);
        await("the open lead's event", () -> "DELIVERED".equals(state(open, "lead.created")));
        await("the withdrawal", () -> "DELIVERED".equals(state(withdrawn, "lead.withdrawn")));
        await("the forward", () -> "DELIVERED".equals(state(away, "lead.updated")));
        assertThat(receiver.accepted()).filteredOn(r -> r.id().equals(openId)).as("under its webhook-id, once")
            .hasSize(1).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(arrived(away, "lead.updated").get(arrived(away, "lead.updated").size() - 1).body())
            .contains("\"forwarded\"").doesNotContain("@bau.example.org");
        Thread.sleep(500);
        assertThat(state(withdrawn, "lead.created")).as("the withdrawn lead's data stays unsent").isEqualTo("FAILED");
        assertThat(state(away, "lead.created")).as("so does the data of the lead that left").isEqualTo("FAILED");
        assertThat(arrived(withdrawn, "lead.created")).hasSize((int) withdrawnDataCalls);
        assertThat(arrived(away, "lead.created")).hasSize((int) awayDataCalls);
        assertThat(webhooks.replayFailed(AGENCY, 30)).as("nothing left that may be sent").isZero();
    }
}
