package de.digitalcheck.portal.shared.metrics;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
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

    final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(smtp.portalProperties());
        properties.put("portal.mail.dispatch-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    int managementPort() {
        int port = endpoints.getPort().orElseThrow();
        assertThat(port).isNotEqualTo(server.getPort());
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
        outbox.send(new Mail("metrics@example.org", "Zählen", "Eine Mail."));
        outbox.dispatchDue();
        assertThat(smtp.awaitMails(1)).hasSize(1);
        smtp.stop();
        outbox.send(new Mail("metrics@example.org", "Zählen", "Noch eine Mail."));
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
        // what the leads and booking modules will count is there from the start, at zero
        for (String series : List.of("digitalcheck_leads_routed_total", "digitalcheck_leads_delivered_total",
            "digitalcheck_deliveries_failed_total", "digitalcheck_deliveries_retried_total",
            "digitalcheck_bookings_made_total", "digitalcheck_bookings_cancelled_total")) {
            assertThat(value(after, series)).as(series).isZero();
        }
        smtp.start();
        outbox.dispatchDue();
    }
}
