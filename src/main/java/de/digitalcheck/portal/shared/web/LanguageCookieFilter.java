package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.web.router.Router;

import java.time.Duration;

/**
 * Remembers a language chosen with {@code ?lang=} on a page in a cookie, so that it holds on later pages. Not on the
 * answers for programs: the API's routes and the OpenAPI document ({@link ApiRoutes#forPrograms}, by the route the
 * router matched, so {@code /api/v1/agencies/} too) — the public API uses no cookie (docs/api.md), and a script's
 * {@code ?lang=en} would have switched the pages of the browser it ran in to English for a year. An answer that no
 * route made (an unknown address, a method or an {@code Accept} the address does not take) sets none where it is the
 * API's or the document's ({@link ApiRoutes#forPrograms(Router, HttpRequest)}).
 */
@ServerFilter("/**")
class LanguageCookieFilter {

    private final Cookies cookies;
    private final Router router;

    LanguageCookieFilter(Cookies cookies, Router router) {
        this.cookies = cookies;
        this.router = router;
    }

    @ResponseFilter
    void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getParameters().getFirst(PortalLocaleResolver.PARAM).flatMap(Language::fromCode)
            .filter(language -> !ApiRoutes.forPrograms(router, request))
            .ifPresent(language -> response.cookie(cookies.of(PortalLocaleResolver.COOKIE, language.code(), "/",
                SameSite.Lax).maxAge(Duration.ofDays(365))));
    }
}
