package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @Inject
    Router router;

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
        // another spelling of the path reaches the same route and so the same limit
        assertThat(http.postJson("/api/v1/assessments/", "{}").statusCode()).isEqualTo(429);
        // a forwarded-for header the client sets itself does not make it another client
        assertThat(http.postJson("/api/v1/assessments", "{}", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
        // each route has its own window: starting a check is still possible, three times
        for (int i = 0; i < 3; i++) {
            assertThat(http.postForm("/check", FormProtectionIntegrationTest.PROFILE).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> page = http.postForm("/check/", FormProtectionIntegrationTest.PROFILE);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Zu viele Anfragen", "<title>Zu viele Anfragen – Digitalcheck 4.0</title>")
            .doesNotContain("Das hat nicht geklappt", "einen Moment")
            // how long to wait, from Retry-After (a window of 10 minutes)
            .containsPattern("Bitte versuchen Sie es in (([2-9]|10) Minuten|einer Minute) noch einmal");
        // reading stays possible
        assertThat(http.get("/api/v1/agencies").statusCode()).isEqualTo(200);
        assertThat(http.get("/").statusCode()).isEqualTo(200);
    }

    /**
     * A post refused for its {@code Content-Type} before any route matched (415) counts as its route's: three refused,
     * then the fourth — well-formed — is 429, and a refused one over the limit is 429 as well, not another 415.
     */
    @Test
    void postsRefusedForTheirContentTypeCountToo() {
        Http http = new Http(server, json);
        String[] client = {TEST_CLIENT_HEADER, "192.0.2.250"};
        for (String type : new String[] {"text/plain", "application/xml", "text/plain;charset=UTF-8"}) {
            assertThat(http.send("POST", "/api/v1/assessments", "{}", concat(client, "Content-Type", type)).statusCode())
                .as(type).isEqualTo(415);
        }
        assertThat(http.postJson("/api/v1/assessments", "{}", client).statusCode()).isEqualTo(429);
        assertThat(http.send("POST", "/api/v1/assessments/", "{}", concat(client, "Content-Type", "text/plain")).statusCode())
            .isEqualTo(429);
        // a path no route has, and a method the path does not have, count for nothing
        String[] other = {TEST_CLIENT_HEADER, "192.0.2.251"};
        for (int i = 0; i < 4; i++) {
            assertThat(http.send("POST", "/api/v1/no-such-thing", "{}", concat(other, "Content-Type", "text/plain"))
                .statusCode()).isEqualTo(404);
            assertThat(http.send("PUT", "/api/v1/assessments", "{}", concat(other, "Content-Type", "application/json"))
                .statusCode()).isEqualTo(405);
        }
        assertThat(http.postJson("/api/v1/assessments", "{}", other).statusCode()).isEqualTo(422);
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /**
     * Every route open to anyone that posts or makes a PDF is limited, whatever the spelling of its path: after the
     * limit, the path with a trailing slash is refused too. The routes named here were not limited before.
     */
    @Test
    void everyPublicPostAndPdfIsLimitedByItsRouteWhateverTheSpelling() {
        Http owner = new Http(server, json);
        String token = owner.postForm("/check", FormProtectionIntegrationTest.PROFILE, TEST_CLIENT_HEADER, "192.0.2.200")
            .headers().firstValue("Location").orElseThrow().split("/")[2];
        Map<String, Object> samples = Map.of("token", token, "dimension", "strategy", "id", "unknown");
        List<String> limited = new ArrayList<>();
        AtomicInteger client = new AtomicInteger();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            if (RateLimitFilter.limitedRoute(route).isEmpty()) {
                continue;
            }
            if (route.getHttpMethod() == HttpMethod.HEAD) {
                assertThat(RateLimitFilter.limitedRoute(route)).get().asString().startsWith("GET ");
                continue; // counted in the GET's window
            }
            limited.add(route.getHttpMethod() + " " + route.getUriMatchTemplate());
            String path = route.getUriMatchTemplate().expand(samples);
            Http http = new Http(server, json);
            String[] header = {TEST_CLIENT_HEADER, "192.0.2." + client.incrementAndGet()};
            for (int i = 0; i < 3; i++) {
                assertThat(call(http, route, path, header).statusCode()).as(route.getHttpMethod() + " " + path).isNotEqualTo(429);
            }
            assertThat(call(http, route, path + "/", header).statusCode()).as(route.getHttpMethod() + " " + path + "/")
                .isEqualTo(429);
            assertThat(call(http, route, path, header).statusCode()).as(route.getHttpMethod() + " " + path).isEqualTo(429);
        }
        assertThat(limited).contains("POST /check", "POST /check/{token}/profile", "POST /check/{token}/step/{dimension}",
            "POST /check/{token}/again", "POST /check/{token}/report/email", "GET /check/{token}/report.pdf",
            "POST /report/confirm/{id}", "POST /check/{token}/report/confirm/{id}",
            "POST /mein-unternehmen", "POST /mein-unternehmen/link/{token}", "POST /api/v1/assessments",
            "GET /api/v1/assessments/{id}/report");
        // signed-in work is not limited, nor are pages that only show something
        assertThat(limited).noneMatch(r -> r.contains("/admin") || r.contains("/agentur/") || r.endsWith(" /agentur")
            || r.startsWith("GET /check/{token}/result") || r.equals("GET /check"));
    }

    private static HttpResponse<String> call(Http http, UriRouteInfo<?, ?> route, String path, String[] header) {
        if (route.getHttpMethod() == HttpMethod.GET) {
            return http.get(path, header);
        }
        return path.startsWith("/api/") ? http.postJson(path, "{}", header) : http.postForm(path, Map.of(), header);
    }

    /** Twenty requests of one client at the same moment: exactly the limit is admitted. */
    @Test
    void aParallelBurstAdmitsExactlyTheLimit() throws Exception {
        Http http = new Http(server, json);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("/api/v1/assessments", "{}", TEST_CLIENT_HEADER, "198.51.100.99").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(threads - 3);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An IPv6 client is one client for its whole /64: changing the lower half of the address does not help. */
    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        Http http = new Http(server, json);
        for (int i = 1; i <= 3; i++) {
            assertThat(http.postJson("/api/v1/assessments", "{}", TEST_CLIENT_HEADER, "2001:db8:7:7::" + i).statusCode())
                .isEqualTo(422);
        }
        assertThat(http.postJson("/api/v1/assessments", "{}", TEST_CLIENT_HEADER, "2001:db8:7:7:ffff:1:2:3").statusCode())
            .isEqualTo(429);
        assertThat(http.postJson("/api/v1/assessments", "{}", TEST_CLIENT_HEADER, "2001:db8:7:8::1").statusCode())
            .isEqualTo(422);
    }

    @Test
    void trustingTheForwardedHeaderWithoutNamingItRefusesToStart() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
            "portal.rate-limits.public-posts.enabled", "true",
            "portal.rate-limits.public-posts.trust-forwarded-header", "true"), "test"))
            .satisfies(e -> assertThat(rootCause(e).getMessage())
                .isEqualTo("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets, e.g. "
                    + "MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER=X-Forwarded-For (see README, Configuration)"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void theLimitHoldsAcrossReplicasSharingTheDatabase() {
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.of(
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
