package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer names its request id: the proxy's, where it is harmless, or a new one. */
@MicronautTest(transactional = false)
class RequestIdsIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void everyAnswerCarriesARequestId() {
        Http http = new Http(server, json);
        Set<String> ids = new HashSet<>();
        for (String path : new String[] {"/impressum", "/impressum", "/does-not-exist", "/api/v1/questionnaire"}) {
            HttpResponse<String> response = http.get(path);
            String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertThat(id).as(path).matches("[0-9a-f-]{36}");
            ids.add(id);
        }
        assertThat(ids).as("a new id for each request").hasSize(4);
    }

    @Test
    void theProxysIdIsKeptOnlyWhenItIsHarmless() {
        Http http = new Http(server, json);
        assertThat(http.get("/impressum", RequestIds.HEADER, "edge-4711.a_b").headers().firstValue(RequestIds.HEADER))
            .contains("edge-4711.a_b");
        for (String hostile : new String[] {"a b", "x".repeat(65), "<script>"}) {
            String id = http.get("/impressum", RequestIds.HEADER, hostile).headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertThat(id).as(hostile).isNotEqualTo(hostile).matches("[0-9a-f-]{36}");
        }
    }
}
