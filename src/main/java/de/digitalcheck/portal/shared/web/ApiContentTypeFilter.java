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
 * demands a {@code Content-Type} it consumes: {@code 415} problem+json otherwise. The router refuses a wrong type by
 * itself but lets a request without any {@code Content-Type} through; this filter closes that gap. Decided by the
 * route the router matched (its URI template and its body argument), not by the raw path. It runs after the security
 * filter (a missing token is {@code 401} first) and after the rate limit (a refused post counts).
 */
@ServerFilter("/**")
class ApiContentTypeFilter implements Ordered {

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
        if (type.isEmpty() || !route.getRouteInfo().doesConsume(type.get())) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type required");
        }
    }
}
