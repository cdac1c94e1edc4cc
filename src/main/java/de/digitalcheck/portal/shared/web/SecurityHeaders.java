package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every response carries, in one place: {@link SecurityHeadersFilter} sets them on what passes
 * the filters, {@link ErrorPages} on the answers Micronaut makes outside them (a request line or headers too long to
 * read: 414, 431), and {@link UnreadableTargets} on the answers it writes to Netty itself.
 *
 * <p>Strict: no inline script, no third-party requests, no framing, and no referrer to other sites (private links
 * carry tokens in their path). Same-origin referrers stay: without them browsers send {@code Origin: null} on form
 * posts. {@code form-action} also names the sign-in provider's origin (of {@code OIDC_ISSUER}): browsers apply it to
 * the redirects that follow a form post too, and signing out ({@code POST /abmelden}) continues at the provider's
 * end-session endpoint, so that the provider's session ends as well.
 */
@Singleton
class SecurityHeaders {

    private final Map<String, String> headers;

    SecurityHeaders(PortalSettings settings,
                    @Value("${micronaut.security.oauth2.clients.oidc.openid.issuer:}") String issuer) {
        Map<String, String> h = new LinkedHashMap<>();
        if (settings.secureCookies()) {
            // browsers that once reached the portal over https never try plain http again (a year)
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
        h.put("Content-Security-Policy", csp(SameOriginFilter.origin(issuer)));
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        this.headers = Map.copyOf(h);
    }

    /** The policy, with the sign-in provider's origin as a form target where there is one. */
    static String csp(@Nullable String providerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; form-action 'self'" + (providerOrigin == null ? "" : " " + providerOrigin)
            + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /** Name and value of every security header (not {@code Cache-Control}, which depends on the answer). */
    Map<String, String> all() {
        return headers;
    }
}
