package de.digitalcheck.portal.admin.web;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agency ids that would collide with a fixed path segment of the routes that carry an agency id (e.g.
 * {@code /admin/agenturen/neu}): read from the application's routes, so that a new fixed path is reserved with it.
 * Every literal segment after one of the prefixes counts, not only the one in the id's place, so that an id never
 * reads like a sub-page either.
 */
@Singleton
class ReservedAgencyIds {

    /** The paths whose next segment is an agency id. */
    static final List<String> PREFIXES = List.of(AdminAgencyPages.PATH + "/", "/agenturen/");

    private final Router router;
    private volatile Set<String> reserved;

    ReservedAgencyIds(Router router) {
        this.router = router;
    }

    boolean isReserved(String id) {
        return all().contains(id);
    }

    Set<String> all() {
        Set<String> known = reserved;
        if (known == null) {
            Set<String> segments = new TreeSet<>();
            router.uriRoutes().map(UriRouteInfo::getUriMatchTemplate).map(Object::toString).forEach(template -> {
                for (String prefix : PREFIXES) {
                    if (template.startsWith(prefix)) {
                        for (String segment : template.substring(prefix.length()).split("/")) {
                            if (!segment.isEmpty() && !segment.contains("{")) {
                                segments.add(segment);
                            }
                        }
                    }
                }
            });
            known = Set.copyOf(segments);
            reserved = known;
        }
        return known;
    }
}
