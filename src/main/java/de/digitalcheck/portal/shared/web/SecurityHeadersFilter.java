package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code Cache-Control: no-store} on every answer of a route (and every error and redirect) that does not set its own
 * caching: pages and API answers show a company's check, its contact and its private link, staff pages show leads;
 * neither a shared cache nor the browser's history may keep them. Only the static assets (no route) and what a
 * route declares cacheable itself (agency logos) may be cached.
 *
 * <p>Strict security headers on every response: no inline script, no third-party requests,
 * no framing, and no referrer to other sites (private links carry tokens in their path). Same-origin referrers
 * stay: without them browsers send {@code Origin: null} on form posts.
 *
 * <p>{@code form-action} also names the sign-in provider's origin (of {@code OIDC_ISSUER}): browsers apply it to the
 * redirects that follow a form post too, and signing out ({@code POST /abmelden}) continues at the provider's
 * end-session endpoint, so that the provider's session ends as well.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    private final boolean https;
    private final String csp;

    SecurityHeadersFilter(PortalSettings settings,
                          @Value("${micronaut.security.oauth2.clients.oidc.openid.issuer:}") String issuer) {
        this.https = settings.secureCookies();
        this.csp = csp(SameOriginFilter.origin(issuer));
    }

    /** The policy, with the sign-in provider's origin as a form target where there is one. */
    static String csp(@Nullable String providerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; form-action 'self'" + (providerOrigin == null ? "" : " " + providerOrigin)
            + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (https) {
            // browsers that once reached the portal over https never try plain http again (a year)
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (!headers.contains(HttpHeaders.CACHE_CONTROL) && (routed(request) || response.code() >= 300)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.set("Content-Security-Policy", csp);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** Whether a controller's route answered (not the static files). */
    private static boolean routed(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(UriRouteMatch.class::isInstance).isPresent();
    }
}
