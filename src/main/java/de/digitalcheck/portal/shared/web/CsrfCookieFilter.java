package de.digitalcheck.portal.shared.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/** Sets the CSRF cookie when a page handed out a new token (see {@link Csrf}). */
@ServerFilter("/**")
class CsrfCookieFilter {

    private final boolean secure;

    CsrfCookieFilter(@Value("${portal.base-url}") String baseUrl) {
        this.secure = baseUrl.startsWith("https:");
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(Csrf.NEW_TOKEN, String.class).ifPresent(token ->
            response.cookie(Cookie.of(Csrf.COOKIE, token).path("/").httpOnly(true).secure(secure)
                .sameSite(SameSite.Strict)));
    }
}
