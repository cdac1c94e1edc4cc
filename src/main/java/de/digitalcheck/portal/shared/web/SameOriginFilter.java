package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests that a browser says come from another site, before any handler runs: a
 * {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (a sibling subdomain is {@code same-site},
 * and refused too), or an {@code Origin} that is neither the portal's ({@code PORTAL_BASE_URL}) nor the host the
 * request was sent to. Clients that are not browsers send neither header and are not affected; forms are also
 * protected by their {@link Csrf} token. Under {@code /api/} the refusal is problem+json ({@link ErrorPages}).
 *
 * <p>Not refused: a request to an API route (by the route the router matched) that carries
 * {@code Authorization: Bearer …}. Forgery needs a credential the browser adds by itself (a cookie); a bearer token
 * is never added by a browser, and a script of another site can set the header only after a CORS preflight, which
 * the portal never grants. So such a request is the token holder's own call (a CRM's web front end, say), whatever
 * its {@code Origin}; an invalid token is answered {@code 401} as always. Cookie-authenticated pages are unaffected.
 */
@ServerFilter("/**")
class SameOriginFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> SAME = Set.of("same-origin", "none");

    private final String portalOrigin;

    SameOriginFilter(PortalSettings settings) {
        this.portalOrigin = origin(settings.baseUrl());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void refuseCrossSite(HttpRequest<?> request, @Nullable RouteMatch<?> match) {
        if (SAFE.contains(request.getMethod()) || signInCallback(request) || bearerApiCall(request, match)) {
            return;
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !SAME.contains(site.trim().toLowerCase(Locale.ROOT))) {
            throw new Csrf.CsrfRejected();
        }
        String origin = request.getHeaders().get("Origin");
        if (origin != null && !(site != null && SAME.contains(site.trim().toLowerCase(Locale.ROOT)))
            && !sameOrigin(origin.trim(), request)) {
            throw new Csrf.CsrfRejected();
        }
    }

    /**
     * The OpenID provider's answer to a sign-in (its {@code form_post} comes from the provider's site): bound to its
     * sign-in by the OAuth {@code state} instead. Decided by the route the router matched.
     */
    private static boolean signInCallback(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).filter(t -> t.startsWith("/oauth/callback")).isPresent();
    }

    /** A call of an API route (as routed) authenticated by a bearer token, not by anything a browser sends itself. */
    private static boolean bearerApiCall(HttpRequest<?> request, @Nullable RouteMatch<?> match) {
        return ApiRoutes.api(match)
            && request.getHeaders().findFirst("Authorization")
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
    }

    private boolean sameOrigin(String origin, HttpRequest<?> request) {
        String normalised = origin(origin);
        if (normalised == null) {
            return false; // "null" or not a URL
        }
        if (normalised.equals(portalOrigin)) {
            return true;
        }
        String host = request.getHeaders().get("Host");
        return host != null && normalised.substring(normalised.indexOf("://") + 3).equals(host.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host[:port]} in lower case, the default port left out; null if it is not an http(s) URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
