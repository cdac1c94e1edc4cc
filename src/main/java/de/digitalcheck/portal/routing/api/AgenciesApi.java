package de.digitalcheck.portal.routing.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Territories;
import de.digitalcheck.portal.routing.Territory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** {@code GET /api/v1/agencies}: the network's agencies and their territories (AGS prefixes). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/agencies")
@ExecuteOn(TaskExecutors.BLOCKING)
class AgenciesApi {

    private final Agencies agencies;
    private final Territories territories;

    AgenciesApi(Agencies agencies, Territories territories) {
        this.agencies = agencies;
        this.territories = territories;
    }

    @Get
    List<AgencyDoc> list() {
        Map<String, List<String>> prefixes = StreamSupport.stream(territories.findAll().spliterator(), false)
            .collect(Collectors.groupingBy(Territory::agencyId,
                Collectors.mapping(Territory::agsPrefix, Collectors.collectingAndThen(Collectors.toList(),
                    l -> l.stream().sorted().toList()))));
        return agencies.findAllOrderByName().stream()
            .map(a -> new AgencyDoc(a.id(), a.name(), prefixes.getOrDefault(a.id(), List.of())))
            .toList();
    }

    @Serdeable
    record AgencyDoc(String id, String name, List<String> territories) {
    }
}
