package de.digitalcheck.portal.leads.api;

import de.digitalcheck.portal.shared.security.ApiTokens;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.EnumSet;
import java.util.Set;

/**
 * A token made to read only changes nothing: on every route secured for {@link ApiTokens#ROLE} (decided by the route
 * the router matched, as {@link TokenAuthentication} decides it), a method other than a read is refused with
 * {@code 403} ({@link ApiTokens.ReadOnly}) right after the security filter, before anything else looks at the request:
 * its {@code Content-Type} ({@code 415}), its body, the lead. Runs before the API's other filters at
 * {@link ServerFilterPhase#SECURITY}{@code .after()}: a read-only token gets {@code 403} whatever it sends.
 */
@ServerFilter("/**")
class ReadOnlyTokens implements Ordered {

    static final Set<HttpMethod> READS = EnumSet.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
        HttpMethod.TRACE);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() - 1;
    }

    @RequestFilter
    void refuseChanges(HttpRequest<?> request) {
        if (READS.contains(request.getMethod()) || !TokenAuthentication.securedForTokens(request)) {
            return;
        }
        Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        if (caller != null && caller.getRoles().contains(ApiTokens.ROLE)
            && !Boolean.TRUE.equals(caller.getAttributes().get(ApiTokens.MAY_CHANGE))) {
            throw new ApiTokens.ReadOnly();
        }
    }
}
