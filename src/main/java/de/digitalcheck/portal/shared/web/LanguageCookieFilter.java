package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/** Remembers a language chosen with {@code ?lang=} in a cookie, so that it holds on later pages. */
@ServerFilter("/**")
class LanguageCookieFilter {

    private final Cookies cookies;

    LanguageCookieFilter(Cookies cookies) {
        this.cookies = cookies;
    }

    @ResponseFilter
    void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getParameters().getFirst(PortalLocaleResolver.PARAM).flatMap(Language::fromCode).ifPresent(language ->
            response.cookie(cookies.of(PortalLocaleResolver.COOKIE, language.code(), "/", SameSite.Lax)
                .maxAge(Duration.ofDays(365))));
    }
}
