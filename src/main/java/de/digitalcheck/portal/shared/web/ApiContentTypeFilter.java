package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;
import java.util.Optional;

/**
 * Every API route that takes a body ({@code POST /api/v1/assessments}, the booking posts, {@code PATCH} of a lead)
 * demands a {@code Content-Type} it takes ({@link ApiConsumes}; {@code application/json} where a route names none):
 * {@code 415} problem+json otherwise, also without any {@code Content-Type}, its detail naming the types the route
 * takes; two {@code Content-Type} fields (even equal ones) are {@code 400} naming {@code Content-Type}. Decided by the
 * route the router matched (its URI template and its body argument), not by the raw path. It runs after the security filter (a missing token
 * is {@code 401} first, a token made to read only {@code 403}: ReadOnlyTokens) and after the rate limit (a refused
 * post counts: {@link RateLimitFilter#ORDER}). The routes take any type as far as the router is concerned
 * ({@code @Consumes(MediaType.ALL)}): the router's own refusal of a wrong type came before every filter, so before the
 * token was even looked at.
 */
@ServerFilter("/**")
class ApiContentTypeFilter implements Ordered {

    private static final String[] JSON = {MediaType.APPLICATION_JSON};

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void requireContentType(HttpRequest<?> request, @Nullable RouteMatch<?> match) {
        if (!ApiRoutes.api(match) || !(match instanceof UriRouteMatch<?, ?> route)
            || route.getRouteInfo().getBodyArgument().isEmpty()) {
            return;
        }
        if (request.getHeaders().getAll(HttpHeaders.CONTENT_TYPE).size() > 1) {
            // two fields, even equal ones: which one describes the body is a guess (the first one counted)
            throw new ContentTypeTwice();
        }
        Optional<MediaType> type;
        try {
            type = request.getContentType();
        } catch (IllegalArgumentException e) {
            type = Optional.empty(); // no media type at all
        }
        if (type.isEmpty() || !takes(route, type.get())) {
            throw new Unsupported(declared(route));
        }
    }

    /** The types the route takes, as it declares them ({@code application/json} where it declares none). */
    static List<String> declared(UriRouteMatch<?, ?> route) {
        String[] declared = route.getRouteInfo().getAnnotationMetadata().stringValues(ApiConsumes.class);
        return List.of(declared.length == 0 ? JSON : declared);
    }

    /** Whether the route takes this type (its name; parameters such as {@code charset} do not count). */
    static boolean takes(UriRouteMatch<?, ?> route, MediaType type) {
        for (String name : declared(route)) {
            if (MediaType.of(name).getName().equalsIgnoreCase(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** A type the route does not take, or none: {@code 415} naming the types it takes ({@link ErrorPages}). */
    static final class Unsupported extends RuntimeException {
        final List<String> types;

        Unsupported(List<String> types) {
            super("Content-Type required", null, false, false);
            this.types = types;
        }
    }

    /** Two {@code Content-Type} fields in one request: {@code 400} naming {@code Content-Type} ({@link ErrorPages}). */
    static final class ContentTypeTwice extends RuntimeException {
        ContentTypeTwice() {
            super("two Content-Type fields", null, false, false);
        }
    }
}
