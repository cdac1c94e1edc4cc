package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Whether a request was routed to the API: decided by the route the router matched (its URI template), not by the raw
 * path, so that {@code /api/v1/agencies/} is what {@code /api/v1/agencies} is. The filters that treat API calls apart
 * ({@link ApiLanguageFilter}, {@link ApiContentTypeFilter}, {@link SameOriginFilter}, {@link LanguageCookieFilter})
 * ask here.
 */
final class ApiRoutes {

    private ApiRoutes() {
    }

    /** A route of the JSON API ({@code /api/…}). */
    static boolean api(@Nullable RouteMatch<?> match) {
        return match instanceof UriRouteMatch<?, ?> route
            && route.getRouteInfo().getUriMatchTemplate().toString().startsWith("/api/");
    }

    /** A route for programs, not people: the API's, and the OpenAPI document's ({@code /openapi}). */
    static boolean forPrograms(@Nullable RouteMatch<?> match) {
        return api(match) || match instanceof UriRouteMatch<?, ?> route
            && route.getRouteInfo().getUriMatchTemplate().toString().equals(OpenApiDocument.PATH);
    }

    /**
     * Whether the answer to a request is one for programs: by the route the router matched; where none did (an error
     * answered before or instead of routing: an unknown address, a method or an {@code Accept} the address does not
     * take), by the routes of its path (the OpenAPI document's, {@code /openapi} asked for JSON), and an address under
     * {@code /api/} is the API's however it is spelled ({@link ApiProblems#api}), as {@link ErrorPages} answers it.
     */
    static boolean forPrograms(Router router, HttpRequest<?> request) {
        RouteMatch<?> match = RouteAttributes.getRouteMatch(request).orElse(null);
        if (match instanceof UriRouteMatch<?, ?>) {
            return forPrograms(match);
        }
        return ApiProblems.api(request) || router.findAny(request.getPath(), null)
            .anyMatch(m -> m.getRouteInfo().getPort() == null && forPrograms(m));
    }
}
