package de.digitalcheck.portal.routing;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes a location to the agency with the longest matching AGS prefix ({@link TerritoryMap}). Territories are held
 * in memory and re-read after {@link #TTL} (or at once after {@link #refresh()}), so replicas agree within seconds.
 */
@Singleton
public class Router {

    static final Duration TTL = Duration.ofSeconds(30);

    private final Supplier<TerritoryMap> loader;
    /** Resolved at the first lookup: creating the router (the demo data does so at startup) need not read the table. */
    private final Supplier<PostalCodeDirectory> directory;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Inject
    Router(AgencyRows agencies, TerritoryRows territories, BeanProvider<PostalCodeDirectory> directory, Clock clock) {
        this(() -> {
            Map<String, String> byPrefix = new HashMap<>();
            territories.findAll().forEach(t -> byPrefix.put(t.agsPrefix(), t.agencyId()));
            return TerritoryMap.of(agencies.findAll().stream().map(AgencyRow::agency).toList(), byPrefix);
        }, directory::get, clock);
    }

    Router(Supplier<TerritoryMap> loader, Supplier<PostalCodeDirectory> directory, Clock clock) {
        this.loader = loader;
        this.directory = directory;
        this.clock = clock;
    }

    /** A municipality of a postal code and the agency responsible for it (empty: the network's fallback queue). */
    public record Located(Municipality municipality, Optional<Agency> agency) {
    }

    /** Every municipality of a postal code with its agency; empty for an unknown code. */
    public List<Located> locate(String postalCode) {
        return directory.get().municipalities(postalCode).stream()
            .map(m -> new Located(m, agencyFor(m.ags())))
            .toList();
    }

    /** The agency whose territory is the longest prefix of the AGS; empty: the network's fallback queue. */
    public Optional<Agency> agencyFor(String ags) {
        return current().agencyFor(ags);
    }

    /**
     * Whether the agency serves the location: one of its territories covers the AGS, also where a longer prefix routes
     * it elsewhere (NRW.INVEST's {@code 05} serves Dortmund), or it has no territory yet.
     */
    public boolean serves(String agencyId, String ags) {
        return current().serves(agencyId, ags);
    }

    public Optional<Agency> agency(String id) {
        return current().agency(id);
    }

    /** Forget the cached territories; the next call reads them again. */
    public void refresh() {
        snapshot = null;
    }

    private TerritoryMap current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.loadedAt().plus(TTL))) {
            current = new Snapshot(loader.get(), now);
            snapshot = current;
        }
        return current.map();
    }

    private record Snapshot(TerritoryMap map, Instant loadedAt) {
    }
}
