package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

import java.util.function.Predicate;

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

    /** The OpenAPI document's route ({@code /openapi}). */
    static boolean document(@Nullable RouteMatch<?> match) {
        return match instanceof UriRouteMatch<?, ?> route
            && route.getRouteInfo().getUriMatchTemplate().toString().equals(OpenApiDocument.PATH);
    }

    /** A route for programs, not people: the API's, and the OpenAPI document's. */
    static boolean forPrograms(@Nullable RouteMatch<?> match) {
        return api(match) || document(match);
    }

    /**
     * Whether the answer to a request is one for programs: by the route the router matched; where none did (an error
     * answered before or instead of routing: an unknown address, a method or an {@code Accept} the address does not
     * take), by the routes of its path (the OpenAPI document's, {@code /openapi} asked for JSON), and an address under
     * {@code /api/} is the API's however it is spelled ({@link ApiProblems#api}), as {@link ErrorPages} answers it.
     */
    static boolean forPrograms(Router router, HttpRequest<?> request) {
        if (!(matched(request) instanceof UriRouteMatch<?, ?>) && ApiProblems.api(request)) {
            return true; // an unknown address under /api/, however spelled (//api/…), is answered as the API's
        }
        return routed(router, request, ApiRoutes::forPrograms);
    }

    /**
     * Whether a request is the OpenAPI document's: by the route the router matched, else (an error answered instead of
     * routing: an {@code Accept} that allows no YAML, a method it does not take) by the routes of its path.
     */
    static boolean document(Router router, HttpRequest<?> request) {
        return routed(router, request, ApiRoutes::document);
    }

    private static boolean routed(Router router, HttpRequest<?> request, Predicate<RouteMatch<?>> kind) {
        RouteMatch<?> match = matched(request);
        if (match instanceof UriRouteMatch<?, ?>) {
            return kind.test(match);
        }
        return router.findAny(request.getPath(), null).anyMatch(m -> m.getRouteInfo().getPort() == null && kind.test(m));
    }

    @Nullable
    private static RouteMatch<?> matched(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).orElse(null);
    }
}
