package de.digitalcheck.portal.routing;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The network's agencies and their territories as other modules read them (changes: {@link AgencyAdministration}). */
@Singleton
public class Agencies {

    private final AgencyRows agencies;
    private final TerritoryRows territories;

    Agencies(AgencyRows agencies, TerritoryRows territories) {
        this.agencies = agencies;
        this.territories = territories;
    }

    /** Every agency, by name. */
    public List<Agency> all() {
        return de.digitalcheck.portal.shared.i18n.NameOrder.sorted(
            agencies.findAll().stream().map(AgencyRow::agency).toList(), Agency::name);
    }

    /**
     * The agency with exactly this id: MySQL/MariaDB's collations (and H2 for trailing spaces) find {@code EN-AGENTUR}
     * or {@code en-agentur } as {@code en-agentur}, which then reached the admin's pages and was stored as typed.
     */
    public Optional<Agency> find(String id) {
        return id == null ? Optional.empty()
            : agencies.findById(id).filter(a -> a.id().equals(id)).map(AgencyRow::agency);
    }

    /**
     * @throws UnknownAgency if there is no agency with this id
     */
    public Agency require(String id) {
        return find(id).orElseThrow(UnknownAgency::new);
    }

    public boolean exists(String id) {
        return find(id).isPresent(); // exactly this id (see find)
    }

    /** The AGS prefixes each agency serves, sorted, by agency id (agencies without territories are missing). */
    public Map<String, List<String>> territories() {
        Map<String, List<String>> byAgency = new TreeMap<>();
        territories.findAllOrderByAgsPrefix().forEach(t ->
            byAgency.computeIfAbsent(t.agencyId(), id -> new ArrayList<>()).add(t.agsPrefix()));
        byAgency.replaceAll((id, prefixes) -> List.copyOf(prefixes));
        return byAgency;
    }

    public List<String> territoriesOf(String agencyId) {
        return territories().getOrDefault(agencyId, List.of());
    }

    /**
     * Who serves the places of a territory once it is taken away: the agency the routing rule ({@link TerritoryMap})
     * finds for it among the other territories; empty: nobody, so new results from there go to the network's team
     * (its fallback queue).
     */
    public Optional<Agency> servingWithout(String prefix) {
        Map<String, String> others = new HashMap<>();
        territories.findAllOrderByAgsPrefix().stream().filter(t -> !t.agsPrefix().equals(prefix))
            .forEach(t -> others.put(t.agsPrefix(), t.agencyId()));
        return TerritoryMap.of(all(), others).agencyFor(prefix);
    }

    /** A territory as it serves a place: its AGS prefix and its agency. */
    public record Serving(String prefix, Agency agency) {
    }

    /**
     * For each of these AGS prefixes (places: a municipality, a district, a state), the territory that serves it by the
     * routing rule ({@link TerritoryMap}): itself where it is a territory, else the longest one it lies in, as stored
     * now (not the router's cache). Places no territory covers are missing.
     */
    public Map<String, Serving> serving(Collection<String> prefixes) {
        Map<String, String> all = new HashMap<>();
        territories.findAllOrderByAgsPrefix().forEach(t -> all.put(t.agsPrefix(), t.agencyId()));
        TerritoryMap map = TerritoryMap.of(all(), all);
        Map<String, Serving> serving = new HashMap<>();
        for (String prefix : prefixes) {
            map.territoryFor(prefix).ifPresent(territory ->
                serving.put(prefix, new Serving(territory, map.agencyFor(territory).orElseThrow())));
        }
        return serving;
    }

    /** A territory of one agency that lies inside another agency's territory (the longer prefix wins there). */
    public record Overlap(String prefix, String within, String withinAgencyId) {
    }

    /** An agency with its territories and where they overlap another agency's. */
    public record AgencyTerritories(Agency agency, List<String> territories, List<Overlap> overlaps) {
    }

    /** Every agency with its territories and their overlaps, by name (the network admin's overview). */
    public List<AgencyTerritories> overview() {
        Map<String, List<String>> byAgency = territories();
        List<AgencyTerritories> rows = new ArrayList<>();
        for (Agency agency : all()) {
            List<String> own = byAgency.getOrDefault(agency.id(), List.of());
            List<Overlap> overlaps = new ArrayList<>();
            for (String prefix : own) {
                byAgency.forEach((other, prefixes) -> {
                    if (!other.equals(agency.id())) {
                        prefixes.stream().filter(prefix::startsWith)
                            .forEach(p -> overlaps.add(new Overlap(prefix, p, other)));
                    }
                });
            }
            rows.add(new AgencyTerritories(agency, own, List.copyOf(overlaps)));
        }
        return List.copyOf(rows);
    }
}
