package de.digitalcheck.portal.routing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.digitalcheck.portal.routing.Agencies;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/agencies}: the network's agencies and their territories (AGS prefixes). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/agencies")
@ExecuteOn(TaskExecutors.BLOCKING)
class AgenciesApi {

    private final Agencies agencies;

    AgenciesApi(Agencies agencies) {
        this.agencies = agencies;
    }

    @Get
    List<AgencyDoc> list() {
        Map<String, List<String>> prefixes = agencies.territories();
        return agencies.all().stream()
            .map(a -> new AgencyDoc(a.id(), a.name(), prefixes.getOrDefault(a.id(), List.of())))
            .toList();
    }

    /** Every member always: an agency without territories has {@code "territories": []} (docs/api.md, OpenAPI). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AgencyDoc(String id, String name, List<String> territories) {
    }
}
