package de.digitalcheck.portal.routing.api;

import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/agencies}: every agency with every member the OpenAPI requires, territories as a list. */
@MicronautTest(transactional = false)
class AgenciesApiIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AgencyAdministration agencies;

    @Test
    void anAgencyWithoutTerritoriesHasAnEmptyList() {
        String id = "nt-" + UUID.randomUUID().toString().substring(0, 8);
        agencies.addUnlessPresent(id, new AgencyProfile("Ohne Gebiet " + id, "OG " + id, "kontakt@" + id + ".example.org",
            "+49 231 000000", "https://og.example.org", "Teststraße 1, 44135 Dortmund", "5"), List.of());
        Http http = new Http(server, json);
        List<Object> all = http.list(http.get("/api/v1/agencies"));
        Map<?, ?> without = all.stream().map(a -> (Map<?, ?>) a).filter(a -> id.equals(a.get("id"))).findFirst()
            .orElseThrow();
        assertThat(without.containsKey("territories")).as("territories present").isTrue();
        assertThat(without.get("territories")).isEqualTo(List.of());
        assertThat(all).map(a -> (Map<?, ?>) a).filteredOn(a -> "weg-bochum".equals(a.get("id"))).singleElement()
            .satisfies(a -> assertThat(a.get("territories")).isEqualTo(List.of("05911000")));
    }
}
