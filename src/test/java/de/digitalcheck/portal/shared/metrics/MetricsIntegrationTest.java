package de.digitalcheck.portal.shared.metrics;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.ManagementPort;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.WebhookReceiver;
import de.digitalcheck.portal.support.WebhookReceiver.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus metrics: scraped from the management port (never the public port), with the JVM, HTTP and pool
 * defaults and the business counters moving as checks are started and completed and mails queued, sent and failed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIntegrationTest implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();
    final ManagementPort management = new ManagementPort();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    EndpointDefaultConfiguration endpoints;
    @Inject
    Questionnaires questionnaires;
    @Inject
    MailOutbox outbox;
    @Inject
    Webhooks webhooks;
    @Inject
    javax.sql.DataSource dataSource;

    final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(smtp.portalProperties());
        properties.putAll(management.properties());
        properties.put("portal.mail.dispatch-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    int managementPort() {
        int port = endpoints.getPort().orElseThrow();
        assertThat(port).isEqualTo(management.port()).isNotEqualTo(server.getPort());
        return port;
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    String scrape() throws Exception {
        HttpResponse<String> response = get(managementPort(), "/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        return response.body();
    }

    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(scrape);
        assertThat(m.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void managementEndpointsAnswerOnlyOnTheManagementPort() throws Exception {
        int management = managementPort();
        for (String path : List.of("/health", "/health/liveness", "/health/readiness", "/prometheus")) {
            assertThat(get(management, path).statusCode()).as("management port " + path).isEqualTo(200);
            assertThat(get(server.getPort(), path).statusCode()).as("public port " + path).isEqualTo(404);
        }
        assertThat(get(management, "/check").statusCode()).as("pages are not on the management port").isEqualTo(404);
    }

    @Test
    void scrapeHasTheJvmHttpAndPoolDefaults() throws Exception {
        new Http(server, json).get("/impressum");
        String scrape = scrape();
        assertThat(scrape).contains("jvm_memory_used_bytes", "jvm_gc_", "process_cpu_usage", "jvm_threads_live_threads",
            "http_server_requests_seconds_count", "hikaricp_connections_active", "executor_");
        assertThat(scrape).as("personal data or tokens never become labels").doesNotContain("@example.org", "token=");
    }

    @Test
    void businessCountersMove() throws Exception {
        String before = scrape();
        Http http = new Http(server, json);
        // a check started on the pages (profile only) and one submitted complete through the API
        HttpResponse<String> started = http.postForm("/check", Map.of("name", "Zähler GmbH", "postalCode", "44135",
            "sector", "C", "employees", "5", "companyType", "TRADE"));
        assertThat(started.headers().firstValue("Location")).get().asString().startsWith("/check/");
        CompletedChecks.of(questionnaires.current()).submit(http);
        // a mail that goes out, then one that fails while the mail server is away
        outbox.send(new Mail(Language.DE, "metrics@example.org", "Zählen", "Eine Mail."));
        outbox.dispatchDue();
        smtp.awaitMailsTo("metrics@example.org");
        smtp.stop();
        outbox.send(new Mail(Language.DE, "metrics@example.org", "Zählen", "Noch eine Mail."));
        outbox.dispatchDue();
        String after = scrape();

        assertThat(value(after, "digitalcheck_checks_started_total") - value(before, "digitalcheck_checks_started_total"))
            .isEqualTo(2);
        assertThat(value(after, "digitalcheck_checks_completed_total") - value(before, "digitalcheck_checks_completed_total"))
            .isEqualTo(1);
        assertThat(value(after, "digitalcheck_mails_queued_total") - value(before, "digitalcheck_mails_queued_total"))
            .isEqualTo(2);
        assertThat(value(after, "digitalcheck_mails_sent_total") - value(before, "digitalcheck_mails_sent_total"))
            .isEqualTo(1);
        assertThat(value(after, "digitalcheck_mails_failed_total") - value(before, "digitalcheck_mails_failed_total"))
            .isEqualTo(1);
        assertThat(value(after, "digitalcheck_mails_pending")).isEqualTo(value(before, "digitalcheck_mails_pending") + 1);
        // what the leads and booking modules count is there from the start (leadAndBookingCountersMove moves it)
        for (String series : List.of("digitalcheck_leads_routed_total", "digitalcheck_leads_delivered_total",
            "digitalcheck_deliveries_failed_total", "digitalcheck_deliveries_retried_total",
            "digitalcheck_deliveries_pending", "digitalcheck_bookings_made_total",
            "digitalcheck_bookings_cancelled_total")) {
            assertThat(value(after, series)).as(series).isGreaterThanOrEqualTo(0);
        }
        smtp.start();
        outbox.dispatchDue();
    }

    /**
     * A lead shared with the Bochum agency waits while its webhook endpoint is off (pending), is routed, fails once
     * (500) and is delivered on the retry; a coach appointment is booked and cancelled: each counter moves by exactly
     * what happened, and none carries personal data.
     */
    @Test
    void leadAndBookingCountersMove() throws Exception {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.trust(webhooks.setUrl("weg-bochum", receiver.url()).orElseThrow());
            receiver.answer(n -> n == 1 ? Answer.status(500) : Answer.ok());
            db.execute("UPDATE webhook_endpoint SET enabled = FALSE WHERE agency_id = ?", "weg-bochum");
            String before = scrape();
            String leadId = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Zähler Bau")
                .at("44787").contact("Zoe Zähler", "zoe-" + System.nanoTime() + "@bau.example.org").sharedWithAgency()
                .submit(http).document().get("lead")).get("id");
            String waiting = scrape();
            assertThat(delta(before, waiting, "digitalcheck_leads_routed_total")).isEqualTo(1);
            assertThat(delta(before, waiting, "digitalcheck_deliveries_pending")).isEqualTo(1);
            assertThat(delta(before, waiting, "digitalcheck_leads_delivered_total")).isZero();

            db.execute("UPDATE webhook_endpoint SET enabled = TRUE WHERE agency_id = ?", "weg-bochum");
            long until = System.currentTimeMillis() + 20_000;
            while (!"DELIVERED".equals(db.value("SELECT state FROM webhook_delivery WHERE lead_id = ?"
                + " AND event_type = 'lead.created'", leadId))) {
                assertThat(System.currentTimeMillis()).as("the lead's webhook is delivered").isLessThan(until);
                Thread.sleep(50);
            }
            String delivered = scrape();
            assertThat(delta(before, delivered, "digitalcheck_leads_delivered_total")).isEqualTo(1);
            assertThat(delta(before, delivered, "digitalcheck_deliveries_failed_total")).isEqualTo(1);
            assertThat(delta(before, delivered, "digitalcheck_deliveries_retried_total")).isEqualTo(1);
            assertThat(delta(before, delivered, "digitalcheck_deliveries_pending")).isZero();
            assertThat(delta(before, delivered, "digitalcheck_bookings_made_total")).isZero();
            webhooks.remove("weg-bochum");
        }

        // a booking through the API, then cancelled with its token
        String type = (String) ((Map<?, ?>) http.list(http.get("/api/v1/appointment-types?agency=wf-dortmund")).get(0))
            .get("id");
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(2);
        List<?> slots = (List<?>) http.map(http.get("/api/v1/slots?agency=wf-dortmund&type=" + type + "&from=" + from
            + "&to=" + from.plusDays(14))).get("slots");
        Map<?, ?> slot = (Map<?, ?>) slots.get(slots.size() - 1);
        String beforeBooking = scrape();
        HttpResponse<String> made = http.postJson("/api/v1/bookings", "{\"agencyId\":\"wf-dortmund\",\"typeId\":\""
            + type + "\",\"start\":\"" + slot.get("start") + "\",\"coachId\":\"" + slot.get("coachId") + "\","
            + "\"company\":{\"name\":\"Zähler GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Zoe Zähler\",\"email\":\"zoe@zaehler.example.org\"},\"language\":\"de\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        Map<String, Object> booking = http.map(made);
        assertThat(http.postJson("/api/v1/bookings/" + booking.get("id") + "/cancel", "{\"token\":\""
            + booking.get("token") + "\"}").statusCode()).isEqualTo(200);
        // cancelling again changes nothing and counts nothing
        http.postJson("/api/v1/bookings/" + booking.get("id") + "/cancel", "{\"token\":\"" + booking.get("token") + "\"}");
        String after = scrape();
        assertThat(delta(beforeBooking, after, "digitalcheck_bookings_made_total")).isEqualTo(1);
        assertThat(delta(beforeBooking, after, "digitalcheck_bookings_cancelled_total")).isEqualTo(1);
        assertThat(after).as("no personal data or ids in labels").doesNotContain("example.org", "Zähler", "wf-dortmund",
            (String) booking.get("id"));
    }

    static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }
}
