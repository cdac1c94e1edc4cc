package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

import java.util.Optional;

/**
 * {@code Cache-Control: no-store} on every answer of a route (and every error and redirect) that does not set its own
 * caching: pages and API answers show a company's check, its contact and its private link, staff pages show leads;
 * neither a shared cache nor the browser's history may keep them. Only the static assets (no route) and what a
 * route declares cacheable itself (agency logos) may be cached.
 *
 * <p>{@code X-Robots-Tag: noindex, nofollow} on every answer but those of the routes marked {@link Indexable} (decided
 * by the route the router matched, so {@code /impressum/} is what {@code /impressum} is) and the static assets: private
 * links, staff pages, API answers, redirects and errors stay out of search engines.
 *
 * <p>The {@link SecurityHeaders} on every response.
 */
@ServerFilter("/**")
class SecurityHeadersFilter implements Ordered {

    static final String ROBOTS = "X-Robots-Tag";
    static final String NOT_INDEXED = "noindex, nofollow";

    private final SecurityHeaders security;

    SecurityHeadersFilter(SecurityHeaders security) {
        this.security = security;
    }

    /**
     * Outside every other filter: its response filter runs last and so also reaches the answers to requests that an
     * inner filter refused by throwing ({@link SameOriginFilter}'s 403, the rate limit's 429).
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        // a controller's route answered (not the static files)
        Optional<UriRouteMatch<?, ?>> route = RouteAttributes.getRouteMatch(request)
            .filter(UriRouteMatch.class::isInstance).map(match -> (UriRouteMatch<?, ?>) match);
        boolean notAsset = route.isPresent() || response.code() >= 300;
        if (!headers.contains(HttpHeaders.CACHE_CONTROL) && notAsset) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (!headers.contains(ROBOTS) && notAsset && !route.map(r -> r.hasAnnotation(Indexable.class)).orElse(false)) {
            headers.set(ROBOTS, NOT_INDEXED);
        }
        security.all().forEach(headers::set);
    }
}
