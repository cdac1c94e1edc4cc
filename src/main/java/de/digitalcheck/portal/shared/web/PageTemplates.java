package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compiles pages into {@link PageTemplate}s with the layout of an anonymous visitor, and serves them with the
 * request's CSRF token filled in. For pages that many people load and that differ only in a few values.
 */
@Singleton
public class PageTemplates {

    /** The name of the value that holds the request's CSRF token. */
    static final String CSRF = "csrf";
    private static final String CSRF_MARKER = "Zq8xCsrfPlaceXq8Z";
    private static final MediaType HTML = MediaType.of(MediaType.TEXT_HTML + ";charset=utf-8");

    private final ViewsRendererLocator renderers;
    private final LayoutModel layout;
    private final Csrf csrf;

    PageTemplates(ViewsRendererLocator renderers, LayoutModel layout, Csrf csrf) {
        this.renderers = renderers;
        this.layout = layout;
        this.csrf = csrf;
    }

    /** Whether a compiled page fits this request: only anonymous visitors see the layout it was compiled with. */
    public boolean fits(HttpRequest<?> request) {
        return !LayoutModel.signedIn(request);
    }

    /**
     * Renders {@code view} once for an anonymous visitor in the request's language, as if it were served at
     * {@code path}, and splits it at the given markers and anchors (see {@link PageTemplate#compile}).
     */
    public PageTemplate compile(HttpRequest<?> request, String path, String view, Map<String, Object> model,
                                Map<String, String> values, Map<String, String> switches, String switchText) {
        Map<String, String> markers = new HashMap<>(values);
        markers.put(CSRF_MARKER, CSRF);
        return PageTemplate.compile(render(request, path, view, model, CSRF_MARKER), markers, switches, switchText);
    }

    /** {@code view} as the template engine writes it for an anonymous visitor in the request's language. */
    public String render(HttpRequest<?> request, String path, String view, Map<String, Object> model, String csrfToken) {
        Map<String, Object> full = new HashMap<>(model);
        layout.fill(full, PortalLocaleResolver.language(request), path, csrfToken, null);
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
            .resolveViewsRenderer(view, MediaType.TEXT_HTML, full)
            .orElseThrow(() -> new IllegalStateException("no renderer for " + view));
        StringWriter html = new StringWriter(32 * 1024);
        try {
            renderer.render(view, full, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    /** The compiled page filled in for this request (its CSRF token added to {@code values}), as a 200 answer. */
    public MutableHttpResponse<byte[]> respond(HttpRequest<?> request, PageTemplate page, Map<String, String> values,
                                               Set<String> on) {
        Map<String, String> all = new HashMap<>(values);
        all.put(CSRF, csrf.token(request));
        return HttpResponse.ok(page.fill(all, on)).contentType(HTML);
    }
}
