package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.List;
import java.util.Map;

/**
 * The public API v1 for people (the footer's "API"): what it is for, its address, authentication, errors, rate limit
 * and its operations, listed from the OpenAPI document that {@code /openapi} serves to tools.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Produces(MediaType.TEXT_HTML)
class ApiPage {

    static final String PATH = "/schnittstelle";

    /** One operation as the page lists it: its text in the page's language (the document's summary is English). */
    record Row(String method, String path, String text, boolean token) {
    }

    private final OpenApiDocument document;
    private final Messages messages;
    private final PortalSettings settings;
    private final RateLimits limits;

    ApiPage(OpenApiDocument document, Messages messages, PortalSettings settings, RateLimits limits) {
        this.document = document;
        this.messages = messages;
        this.settings = settings;
        this.limits = limits;
    }

    @Indexable
    @Get(PATH)
    @View("pages/api")
    Map<String, Object> page(HttpRequest<?> request) {
        Language lang = PortalLocaleResolver.language(request);
        List<Row> rows = document.operations().stream().map(o -> new Row(o.method(), o.path(),
            messages.find(lang, "apiPage.operation." + o.id()).orElse(o.summary()), o.token())).toList();
        return Map.of("baseUrl", settings.link("/api/v1/"), "operations", rows, "rateLimit", rateLimit(lang));
    }

    /** The limit of the public posts and PDFs as a sentence, or that this installation sets none. */
    private String rateLimit(Language lang) {
        if (!limits.enabled()) {
            return messages.get(lang, "apiPage.limits.none");
        }
        long seconds = limits.window().toSeconds();
        return seconds % 60 == 0
            ? messages.get(lang, "apiPage.limits.minutes", limits.requests(), seconds / 60)
            : messages.get(lang, "apiPage.limits.seconds", limits.requests(), seconds);
    }
}
