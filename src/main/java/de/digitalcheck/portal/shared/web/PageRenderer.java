package de.digitalcheck.portal.shared.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Renders a page to HTML right away, with the layout's model. Error pages need this: an answer made while
 * security filters refuse a request does not pass the view rendering of ordinary responses.
 */
@Singleton
public class PageRenderer {

    private final ViewsRendererLocator renderers;
    private final LayoutModel layout;

    PageRenderer(ViewsRendererLocator renderers, LayoutModel layout) {
        this.renderers = renderers;
        this.layout = layout;
    }

    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Writable> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(view, model);
        layout.process(request, page);
        Map<String, Object> full = page.getModel().orElse(model);
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
            .resolveViewsRenderer(view, MediaType.TEXT_HTML, full)
            .orElseThrow(() -> new IllegalStateException("no renderer for " + view));
        return HttpResponse.<Writable>status(status).contentType(MediaType.TEXT_HTML + ";charset=utf-8")
            .body(renderer.render(view, full, request));
    }
}
