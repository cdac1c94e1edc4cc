package de.digitalcheck.portal.shared.web;

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
 * Strict security headers on every response: no inline script, no third-party requests,
 * no framing, and no referrer to other sites (private links carry tokens in their path). Same-origin referrers
 * stay: without them browsers send {@code Origin: null} on form posts.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (!headers.contains(HttpHeaders.CACHE_CONTROL) && (routed(request) || response.code() >= 300)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.set("Content-Security-Policy", CSP);
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
