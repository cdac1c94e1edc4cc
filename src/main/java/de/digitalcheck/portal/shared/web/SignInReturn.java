package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page a person asked for before they had to sign in (the link of a lead's mail, a bookmarked inbox filter): kept
 * in a short-lived cookie when a page sends them to {@code /anmelden}, and where their sign-in ends instead of their
 * workspace's start page — before, every such link ended at {@code /agentur}, {@code /coach} or {@code /admin}.
 *
 * <p>Only a local address of a workspace ({@code /agentur…}, {@code /coach…}, {@code /admin…}) asked for with
 * {@code GET} is kept, never another site's or a scheme-relative one ({@code //x}); after sign-in it is used only where
 * it lies in the signed-in person's own workspace (a coach's link to an agency page lands on the coach's start page,
 * not on a 403). The target page checks access as every request does. A cookie rather than a parameter of the
 * sign-in flow: the OpenID Connect round trip through the provider carries no address of the portal's.
 */
@Singleton
public class SignInReturn {

    /** The cookie's name. */
    public static final String COOKIE = "dc_return";
    /** Long enough to sign in at the provider, short enough not to surprise a later sign-in. */
    static final Duration KEPT = Duration.ofMinutes(15);
    private static final int MAX = 1024;
    /** A workspace path and query of RFC 3986 characters only (no spaces, quotes, backslashes or controls). */
    private static final Pattern LOCAL = Pattern.compile(
        "/(agentur|coach|admin)(/[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]*)?(\\?[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]*)?");

    private final Cookies cookies;

    SignInReturn(Cookies cookies) {
        this.cookies = cookies;
    }

    /** The cookie that keeps this request's address for after sign-in, if it is one to come back to. */
    public Optional<Cookie> remember(HttpRequest<?> request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return Optional.empty();
        }
        URI uri = request.getUri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!acceptable(target)) {
            return Optional.empty();
        }
        return Optional.of(cookies.of(COOKIE, URLEncoder.encode(target, StandardCharsets.UTF_8), "/", SameSite.Lax)
            .maxAge(KEPT));
    }

    /** The kept address, where it lies under {@code workspace} (the signed-in person's start page). */
    public Optional<String> target(HttpRequest<?> request, String workspace) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(value -> {
            try {
                return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }).filter(SignInReturn::acceptable).filter(t -> within(t, workspace));
    }

    /** Whether the request carries the cookie (to be cleared once used or found useless). */
    public boolean present(HttpRequest<?> request) {
        return request.getCookies().contains(COOKIE);
    }

    /** The cookie's removal. */
    public Cookie forget() {
        return cookies.of(COOKIE, "", "/", SameSite.Lax).maxAge(0);
    }

    static boolean acceptable(String target) {
        if (target.length() > MAX || target.contains("//") || !LOCAL.matcher(target).matches()) {
            return false;
        }
        try {
            return new URI(target).getHost() == null; // "%zz" (no hex) would fail the redirect's URI.create: a 500
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean within(String target, String workspace) {
        return target.equals(workspace) || target.startsWith(workspace + "/") || target.startsWith(workspace + "?");
    }
}
