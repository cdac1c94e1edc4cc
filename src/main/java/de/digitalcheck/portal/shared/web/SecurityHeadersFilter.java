package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Strict security headers on every response: no inline script, no third-party requests,
 * no framing, and no referrer to other sites (private links carry tokens in their path). Same-origin referrers
 * stay: without them browsers send {@code Origin: null} on form posts.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final boolean https;

    SecurityHeadersFilter(PortalSettings settings) {
        this.https = settings.secureCookies();
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (https) {
            // browsers that once reached the portal over https never try plain http again (a year)
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }
}
