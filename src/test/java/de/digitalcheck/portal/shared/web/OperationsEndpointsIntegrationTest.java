package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsIntegrationTest implements io.micronaut.test.support.TestPropertyProvider {

    final de.digitalcheck.portal.support.ManagementPort management = new de.digitalcheck.portal.support.ManagementPort();

    @Override
    public java.util.Map<String, String> getProperties() {
        return management.properties();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    io.micronaut.web.router.Router routes;

    @Inject
    io.micronaut.management.endpoint.EndpointDefaultConfiguration endpoints;

    @Test
    void healthAnswersForLivenessAndReadinessOnTheManagementPort() throws Exception {
        Http http = new Http(server, json);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + endpoints.getPort().orElseThrow() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(http.map(response)).as(path).containsEntry("status", "UP");
        }
    }

    @Test
    void openApiDescribesEveryPublicApiRoute() {
        HttpResponse<String> response = new Http(server, json).get("/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/yaml");
        String spec = response.body();
        assertThat(spec).startsWith("openapi: 3.");
        List<String> apiPaths = routes.uriRoutes()
            .map(UriRouteInfo::getUriMatchTemplate)
            .map(Object::toString)
            .filter(p -> p.startsWith("/api/"))
            .map(p -> p.replaceAll("\\{\\?[^}]*}", ""))
            .distinct().toList();
        assertThat(apiPaths).isNotEmpty();
        for (String path : apiPaths) {
            assertThat(spec).as("OpenAPI document describes " + path).contains("  " + path + ":");
        }
    }

    /**
     * With the management endpoints on a port of their own (as in every deployment), the API still weighs Accept:
     * the router then binds routes to ports, and the types the routes offer must still be found for the API's port.
     */
    @Test
    void acceptWeightsCountWhenTheManagementEndpointsHaveAPortOfTheirOwn() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (var accept : java.util.Map.of("application/json;q=0", 406, "text/html", 406, "application/*", 200,
            "application/json;q=0, */*", 406).entrySet()) {
            HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + server.getPort() + "/api/v1/agencies")).header("Accept", accept.getKey()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(accept.getKey()).isEqualTo(accept.getValue());
        }
    }
}
