package de.digitalcheck.portal.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which agency serves which AGS prefix, and the routing rule: a location goes to the agency whose territory is the
 * longest prefix of its AGS (a municipality's agency beats its district's, the district's its state's); no prefix,
 * no agency (the network's fallback queue). A prefix belongs to one agency at most (the territory table's key).
 */
final class TerritoryMap {

    private final Map<String, Agency> agencies;
    private final Map<String, String> agencyByPrefix;

    private TerritoryMap(Map<String, Agency> agencies, Map<String, String> agencyByPrefix) {
        this.agencies = agencies;
        this.agencyByPrefix = agencyByPrefix;
    }

    /** @param agencyByPrefix AGS prefix → agency id; prefixes of unknown agencies are ignored */
    static TerritoryMap of(Collection<Agency> agencies, Map<String, String> agencyByPrefix) {
        Map<String, Agency> byId = new HashMap<>();
        agencies.forEach(a -> byId.put(a.id(), a));
        Map<String, String> known = new HashMap<>();
        agencyByPrefix.forEach((prefix, id) -> {
            if (byId.containsKey(id)) {
                known.put(prefix, id);
            }
        });
        return new TerritoryMap(Map.copyOf(byId), Map.copyOf(known));
    }

    /** The agency whose territory is the longest prefix of {@code ags}, if any. */
    Optional<Agency> agencyFor(String ags) {
        return territoryFor(ags).map(prefix -> agencies.get(agencyByPrefix.get(prefix)));
    }

    /** The territory that is the longest prefix of {@code ags} (itself, where it is one), if any. */
    Optional<String> territoryFor(String ags) {
        if (ags == null) {
            return Optional.empty();
        }
        for (int length = Math.min(ags.length(), 8); length >= 1; length--) {
            String prefix = ags.substring(0, length);
            if (agencyByPrefix.containsKey(prefix)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code agencyId} serves {@code ags}: one of its territories is a prefix of it (whoever the longest prefix
     * routes it to), or it has no territory at all (an agency not yet given one serves no area to keep to).
     */
    boolean serves(String agencyId, String ags) {
        boolean any = false;
        for (Map.Entry<String, String> e : agencyByPrefix.entrySet()) {
            if (e.getValue().equals(agencyId)) {
                any = true;
                if (ags != null && ags.startsWith(e.getKey())) {
                    return true;
                }
            }
        }
        return !any;
    }

    Optional<Agency> agency(String id) {
        return Optional.ofNullable(id == null ? null : agencies.get(id));
    }
}
