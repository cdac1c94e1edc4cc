package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;
import java.util.stream.Stream;

/**
 * Content negotiation of the API by the request's {@code Accept} with its weights (RFC 9110 §12.5.1, read by
 * {@link MediaRanges}). The router alone matches media types without weights: {@code application/pdf;q=0} would get
 * the PDF, and {@code application/*} nothing. So before routing, on API paths only, the types the path's routes
 * offer for the method are weighed against the header: the best one with a weight above 0 becomes the request's
 * {@code Accept} (the router then picks its route), none is {@code 406}, and a header that does not follow the grammar
 * (e.g. {@code q=0,5} or {@code q=2}) is {@code 400} naming {@code Accept}: guessing what a malformed weight meant could
 * serve just what the client tried to exclude. No header (or an empty one) accepts anything, as before. The OpenAPI
 * document's address ({@code /openapi}, YAML only) is weighed the same way: {@code application/yaml;q=0,
 * application/json} or {@code *}{@code /*;q=0} allow no YAML and are its {@code 406}, not the document.
 */
@ServerFilter("/**")
class ApiAcceptFilter {

    private final Router router;

    ApiAcceptFilter(Router router) {
        this.router = router;
    }

    @PreMatching
    @RequestFilter
    void negotiate(MutableHttpRequest<?> request) {
        if (!ApiProblems.api(request) && !document(request)) {
            return;
        }
        List<String> accept = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        String header = String.join(",", accept);
        if (header.isBlank()) {
            return;
        }
        MediaRanges ranges = MediaRanges.parse(header).orElseThrow(MalformedAccept::new);
        List<String> offered = offered(request);
        if (offered.isEmpty() || offered.contains(MediaType.ALL)) {
            return; // no route for this path and method (404, 405 follow), or one that serves anything
        }
        String chosen = ranges.isEmpty() ? null : ranges.choose(offered);
        if (chosen == null) {
            throw new NotAcceptable();
        }
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        request.getHeaders().add(HttpHeaders.ACCEPT, chosen);
    }

    /** Whether the request is for the OpenAPI document ({@code /openapi}), which is weighed as the API is. */
    private boolean document(HttpRequest<?> request) {
        return request.getPath().startsWith(OpenApiDocument.PATH) && ApiRoutes.document(router, request);
    }

    /** The media types the routes of the request's path and method produce, in route order. */
    private List<String> offered(MutableHttpRequest<?> request) {
        return routes(router, request)
            .flatMap(m -> m.getRouteInfo().getProduces().stream()).map(MediaType::getName).distinct().toList();
    }

    /**
     * The routes of the request's path and method (HEAD: GET's), as the router finds them before or without matching.
     * The router is not given the request: before matching, the request's server address reads as port 80, so with the
     * management endpoints on a port of their own (every deployment) the router's port check dropped every route.
     * Routes bound to a port are the management endpoints', never the API's or the pages'.
     */
    static Stream<UriRouteMatch<Object, Object>> routes(Router router, HttpRequest<?> request) {
        HttpMethod method = request.getMethod() == HttpMethod.HEAD ? HttpMethod.GET : request.getMethod();
        return router.<Object, Object>findAny(request.getPath(), null)
            .filter(m -> m.getRouteInfo().getPort() == null && m.getHttpMethod() == method);
    }

    /** No type a route of the address offers is acceptable: {@code 406} (answered by {@link ErrorPages}). */
    static final class NotAcceptable extends RuntimeException {
        NotAcceptable() {
            super("no acceptable media type", null, false, false);
        }
    }

    /** The {@code Accept} header does not follow RFC 9110's grammar: {@code 400} (answered by {@link ErrorPages}). */
    static final class MalformedAccept extends RuntimeException {
        MalformedAccept() {
            super("malformed Accept header", null, false, false);
        }
    }
}
