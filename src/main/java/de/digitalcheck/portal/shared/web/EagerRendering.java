package de.digitalcheck.portal.shared.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.Map;

/**
 * Renders every page into memory before its answer is sent, so that an error in a template is a {@code 500} error
 * page instead of an answer that never ends. Micronaut Views renders a template lazily, while Netty writes the body;
 * an exception there is only logged and the client waits for ever (micronaut-views issue 832). Wrapping the views
 * filter, this one writes the lazy body into a string: a page is a few dozen kilobytes, so holding it costs little,
 * and the status and headers are still open when the template fails.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class EagerRendering implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EagerRendering.class);

    private final PageRenderer pages;

    EagerRendering(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before(); // outside the views filter: sees the body it made
    }

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Writable lazy)) {
            return response;
        }
        try {
            return response.body(write(lazy));
        } catch (Exception e) {
            // the route, not the path (a private link's path is its token); a database error without the values it quotes
            LOG.error("The page for {} {} could not be rendered", request.getMethod(), LogSafe.path(request),
                LogSafe.withoutValues(e));
            try {
                MutableHttpResponse<Writable> error = pages.render(request, HttpStatus.INTERNAL_SERVER_ERROR, "errors/error",
                    Map.of("status", 500));
                return error.body(write(error.body()));
            } catch (Exception alsoFailed) {
                return io.micronaut.http.HttpResponse.serverError("500").contentType("text/plain;charset=utf-8");
            }
        }
    }

    private static String write(Writable lazy) throws java.io.IOException {
        StringWriter out = new StringWriter(16_384);
        lazy.writeTo(out);
        return out.toString();
    }
}
