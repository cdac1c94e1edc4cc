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
@Property(name = "datasources.default.url", value = RateLimitIntegrationTest.SHARED_DB)
@Property(name = "portal.rate-limits.public-posts.trust-forwarded-header", value = "true")
@Property(name = "micronaut.server.client-address-header", value = RateLimitIntegrationTest.TEST_CLIENT_HEADER)
class RateLimitIntegrationTest {

    /** One database for this test's two servers, as several replicas share one MySQL. */
    static final String SHARED_DB = "jdbc:h2:mem:rate-limits;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    /** The client address header of a (trusted) proxy in front of both servers; without it, the connection's peer. */
    static final String TEST_CLIENT_HEADER = "X-Test-Client";

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

    @Test
    void theLimitHoldsAcrossReplicasSharingTheDatabase() {
        try (EmbeddedServer second = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, java.util.Map.of(
            "datasources.default.url", SHARED_DB,
            "portal.rate-limits.public-posts.enabled", "true",
            "portal.rate-limits.public-posts.requests", "3",
            "portal.rate-limits.public-posts.window", "10m",
            "portal.rate-limits.public-posts.trust-forwarded-header", "true",
            "micronaut.server.client-address-header", TEST_CLIENT_HEADER), "test")) {
            Http one = new Http(server, json);
            Http two = new Http(second, json);
            String[] client = {TEST_CLIENT_HEADER, "198.51.100.23"};
            // the posts alternate between the two replicas; the fourth is refused wherever it lands
            assertThat(one.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(422);
            assertThat(two.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(422);
            assertThat(one.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(422);
            assertThat(two.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(429);
            assertThat(one.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(429);
            // another client is not affected
            assertThat(two.postJson("/api/v1/assessments", "{}", TEST_CLIENT_HEADER, "198.51.100.24").statusCode())
                .isEqualTo(422);
        }
    }
}
