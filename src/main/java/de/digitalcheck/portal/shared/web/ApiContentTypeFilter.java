package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;

import java.util.Optional;

/**
 * Every API route that takes a body ({@code POST /api/v1/assessments}, the booking posts, {@code PATCH} of a lead)
 * demands a {@code Content-Type} it takes ({@link ApiConsumes}; {@code application/json} where a route names none):
 * {@code 415} problem+json otherwise, also without any {@code Content-Type}. Decided by the route the router matched
 * (its URI template and its body argument), not by the raw path. It runs after the security filter (a missing token
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
        if (!(match instanceof UriRouteMatch<?, ?> route)
            || !route.getRouteInfo().getUriMatchTemplate().toString().startsWith("/api/")
            || route.getRouteInfo().getBodyArgument().isEmpty()) {
            return;
        }
        Optional<MediaType> type;
        try {
            type = request.getContentType();
        } catch (IllegalArgumentException e) {
            type = Optional.empty(); // no media type at all
        }
        if (type.isEmpty() || !takes(route, type.get())) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type required");
        }
    }

    /** Whether the route takes this type (its name; parameters such as {@code charset} do not count). */
    static boolean takes(UriRouteMatch<?, ?> route, MediaType type) {
        String[] declared = route.getRouteInfo().getAnnotationMetadata().stringValues(ApiConsumes.class);
        for (String name : declared.length == 0 ? JSON : declared) {
            if (MediaType.of(name).getName().equalsIgnoreCase(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
