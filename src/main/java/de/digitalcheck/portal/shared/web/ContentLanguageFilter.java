package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code Content-Language} on every HTML answer (pages, error pages, the HTML fragments of pages): the page's language
 * ({@link PortalLocaleResolver#language}, which the layout's {@code <html lang>} names too, {@link LayoutModel}). Its
 * response part runs after the views are rendered (outside Micronaut's views filter), so it sees their content type.
 * Answers that are no HTML (the API's JSON and problem+json, files, calendars, redirects) get none. The answers to
 * requests that cannot be routed set it themselves ({@link UnreadableTargets}).
 */
@ServerFilter("/**")
class ContentLanguageFilter {

    @ResponseFilter
    void name(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getHeaders().contains(HttpHeaders.CONTENT_LANGUAGE)) {
            return;
        }
        response.getContentType().filter(type -> MediaType.TEXT_HTML.equals(type.getName()))
            .ifPresent(html -> response.header(HttpHeaders.CONTENT_LANGUAGE, PortalLocaleResolver.language(request).code()));
    }
}
