package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.resource.StaticResourceResolver;

import java.util.Set;

/**
 * The portal's own files ({@code /assets/**}: styles, scripts, fonts, images) are read with {@code GET} or
 * {@code HEAD}; any other method is {@code 405} naming those two in {@code Allow}, the page or problem+json that every
 * route's 405 is ({@link ErrorPages}). Micronaut serves a static file for a request no route matched whatever its
 * method, so a {@code POST}, a {@code DELETE} or a made-up method got the file with 200. Decided by what the static
 * resource resolver serves for the path when no route matched, not by the raw path.
 */
@ServerFilter("/**")
class StaticFileMethodsFilter implements Ordered {

    static final Set<String> ALLOWED = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name());

    private final StaticResourceResolver files;

    StaticFileMethodsFilter(StaticResourceResolver files) {
        this.files = files;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void onlyRead(HttpRequest<?> request, @Nullable RouteMatch<?> match) {
        if (match != null || ALLOWED.contains(request.getMethodName())) {
            return;
        }
        // the path exactly as Micronaut's server looks the file up (NettyRequestLifecycle.findFile)
        String path = request.getUri().getPath();
        if (path != null && files.resolve(path).isPresent()) {
            throw new NotAllowedException(request.getMethodName(), request.getUri(), ALLOWED);
        }
    }
}
