package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "portal.rate-limits.public-posts.enabled", value = "true")
@Property(name = "portal.rate-limits.public-posts.requests", value = "3")
@Property(name = "portal.rate-limits.public-posts.window", value = "10m")
class RateLimitIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void publicPostsOverTheLimitGet429WithRetryAfter() {
        Http http = new Http(server, json);
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/v1/assessments", "{}").statusCode()).isEqualTo(422);
        }
        HttpResponse<String> limited = http.postJson("/api/v1/assessments", "{}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).get().satisfies(v ->
            assertThat(Long.parseLong(v)).isBetween(1L, 600L));
        assertThat(limited.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        // a forwarded-for header the client sets itself does not make it another client
        assertThat(http.postJson("/api/v1/assessments", "{}", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
        HttpResponse<String> page = http.postForm("/check", FormProtectionIntegrationTest.PROFILE);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Zu viele Anfragen");
        // mailing the PDF report counts too
        assertThat(http.postForm("/check/" + "A".repeat(43) + "/report/email", java.util.Map.of()).statusCode()).isEqualTo(429);
        // reading stays possible
        assertThat(http.get("/api/v1/agencies").statusCode()).isEqualTo(200);
    }
}
