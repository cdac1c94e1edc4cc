package de.digitalcheck.portal.leads.api;

import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.shared.security.ApiTokens;
import de.digitalcheck.portal.shared.security.SignedIn;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates requests to the agency API by a personal access token ({@code Authorization: Bearer dc_pat_…}). Only
 * on routes that the router matched and that are secured for {@link ApiTokens#ROLE}: a token opens nothing else (a
 * page with it is an anonymous request). An unknown, malformed, revoked or expired token, two {@code Authorization}
 * fields, or a token whose account was disabled or left the agency, authenticates nobody, so the route's rule answers
 * {@code 401}. The look-up runs off the event loop. The token store (and what it needs: the team, invitations, the mail outbox) is made at the first
 * request that carries a token, not with the security filter at the portal's first request.
 */
@Singleton
class TokenAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    private final BeanProvider<AccessTokens> tokens;

    TokenAuthentication(BeanProvider<AccessTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip());
        // two Authorization fields are no credentials (RFC 9110 allows one): not the first one's, whichever it is
        if (bearer.isEmpty() || !securedForTokens(request)
            || request.getHeaders().getAll(io.micronaut.http.HttpHeaders.AUTHORIZATION).size() > 1) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> tokens.get().authenticate(bearer.get()))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(holder -> Mono.justOrEmpty(holder.map(TokenAuthentication::authentication)));
    }

    static boolean securedForTokens(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        return route.map(r -> Arrays.asList(r.getAnnotationMetadata().stringValues(Secured.class)).contains(ApiTokens.ROLE))
            .orElse(false);
    }

    private static Authentication authentication(AccessTokens.Holder holder) {
        return Authentication.build(holder.accountId(), List.of(ApiTokens.ROLE), Map.of(
            ApiTokens.TOKEN_ID, holder.tokenId(), SignedIn.AGENCY, holder.agencyId(), SignedIn.NAME, holder.accountName(),
            ApiTokens.MAY_CHANGE, holder.mayChange()));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // before the session cookie's fetcher: a token request is the token's
    }

}
