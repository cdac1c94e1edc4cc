package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/** Remembers a language chosen with {@code ?lang=} in a cookie, so that it holds on later pages. */
@ServerFilter("/**")
class LanguageCookieFilter {

    private final boolean secure;

    LanguageCookieFilter(@Value("${portal.base-url}") String baseUrl) {
        this.secure = baseUrl.startsWith("https:");
    }

    @ResponseFilter
    void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getParameters().getFirst(PortalLocaleResolver.PARAM).flatMap(Language::fromCode).ifPresent(language ->
            response.cookie(Cookie.of(PortalLocaleResolver.COOKIE, language.code())
                .path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax).maxAge(Duration.ofDays(365))));
    }
}
