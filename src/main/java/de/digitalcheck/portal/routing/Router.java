package de.digitalcheck.portal.routing;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a location to the agency with the longest matching AGS prefix. Territories are held in memory
 * and re-read after {@link #TTL} (or at once after {@link #refresh()}), so replicas agree within seconds.
 */
@Singleton
public class Router {

    static final Duration TTL = Duration.ofSeconds(30);

    private final Agencies agencies;
    private final Territories territories;
    /** Resolved at the first lookup: creating the router (the demo data does so at startup) need not read the table. */
    private final BeanProvider<PostalCodeDirectory> directory;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public Router(Agencies agencies, Territories territories, BeanProvider<PostalCodeDirectory> directory, Clock clock) {
        this.agencies = agencies;
        this.territories = territories;
        this.directory = directory;
        this.clock = clock;
    }

    /** A municipality of a postal code and the agency responsible for it (empty: the network's fallback queue). */
    public record Located(Municipality municipality, Optional<Agency> agency) {
    }

    public List<Located> locate(String postalCode) {
        return directory.get().municipalities(postalCode).stream()
            .map(m -> new Located(m, agencyFor(m.ags())))
            .toList();
    }

    /** The agency whose territory is the longest prefix of the AGS. */
    public Optional<Agency> agencyFor(String ags) {
        Snapshot current = current();
        for (int length = Math.min(ags.length(), 8); length >= 1; length--) {
            String agencyId = current.agencyByPrefix().get(ags.substring(0, length));
            if (agencyId != null) {
                return Optional.ofNullable(current.agencies().get(agencyId));
            }
        }
        return Optional.empty();
    }

    public Optional<Agency> agency(String id) {
        return Optional.ofNullable(id == null ? null : current().agencies().get(id));
    }

    /** Forget the cached territories; the next call reads them again. */
    public void refresh() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.loadedAt().plus(TTL))) {
            Map<String, Agency> byId = new HashMap<>();
            agencies.findAll().forEach(a -> byId.put(a.id(), a));
            Map<String, String> byPrefix = new HashMap<>();
            territories.findAll().forEach(t -> byPrefix.put(t.agsPrefix(), t.agencyId()));
            current = new Snapshot(Map.copyOf(byId), Map.copyOf(byPrefix), now);
            snapshot = current;
        }
        return current;
    }

    private record Snapshot(Map<String, Agency> agencies, Map<String, String> agencyByPrefix, Instant loadedAt) {
    }
}
