package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.SameSite;

/** Sets the CSRF cookie when a page handed out a new token (see {@link Csrf}). */
@ServerFilter("/**")
class CsrfCookieFilter {

    private final Cookies cookies;
    private final Csrf csrf;

    CsrfCookieFilter(Cookies cookies, Csrf csrf) {
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(Csrf.NEW_TOKEN, String.class).ifPresent(token ->
            response.cookie(cookies.of(csrf.cookieName(), token, "/", SameSite.Strict)));
    }
}
