package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Rate limits on the public routes that create data, send mail or cost work: every POST of a route open to anyone
 * ({@code @Secured(isAnonymous())}: starting a check, step saves, {@code /again}, the report mail, the magic link
 * and its redemption, the API's submission, …) and every public route that produces a PDF. The limit hangs on the
 * route the router matched (method and URI template), never on the raw path, so another spelling of a path
 * ({@code /check/}) counts as the route it reaches. Each client address (IPv6: its /64) has a window per route,
 * counted in the database for all replicas ({@link RateLimitLedger}). Over the limit the answer is 429 with
 * {@code Retry-After}. It runs right after the security filter and before the API's own checks of the request (a
 * read-only token, {@code lang}, {@code Content-Type}, {@code Accept}), so that a post they refuse counts too; without
 * an order of its own it ran after them, and a post refused with 415 by {@link ApiContentTypeFilter} counted only while
 * the router refused the type itself (see {@link #unmatched}).
 */
@ServerFilter("/**")
class RateLimitFilter implements Ordered {

    /** Right after the security filter, before ReadOnlyTokens, ApiLanguageFilter and ApiContentTypeFilter. */
    static final int ORDER = ServerFilterPhase.SECURITY.after() - 2;

    static final String PDF = "application/pdf";

    private final RateLimits limits;
    private final HttpClientAddressResolver addresses;
    private final RateLimitLedger ledger;
    private final Router router;
    private final Scheduler blocking;
    /** Route → its key in the ledger, or empty when it is not limited. */
    private final Map<UriRouteInfo<?, ?>, Optional<String>> routes = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimits limits, HttpClientAddressResolver addresses, RateLimitLedger ledger, Router router,
                    @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.limits = limits;
        this.addresses = addresses;
        this.ledger = ledger;
        this.router = router;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> limit(HttpRequest<?> request, @Nullable RouteMatch<?> match,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<String> route = !limits.enabled() ? Optional.empty()
            : match instanceof UriRouteMatch<?, ?> uri
                ? routes.computeIfAbsent(uri.getRouteInfo(), RateLimitFilter::limitedRoute)
            : unmatched(request);
        if (route.isEmpty()) {
            return next.proceed();
        }
        String client = client(request);
        return Mono.fromCallable(() -> ledger.admit(client, route.get()))
            .subscribeOn(blocking)
            .flatMap(retryAfter -> retryAfter > 0 ? Mono.error(new TooManyRequests(retryAfter)) : Mono.from(next.proceed()));
    }

    /**
     * For a request the router refused before any route (a {@code Content-Type} a page's form route does not consume:
     * 415; the API's routes take any type as far as the router is concerned, {@link ApiConsumes}), the
     * limited route of its path and method all the same: refused requests count too, and a client over its limit gets
     * 429, not another 415.
     */
    private Optional<String> unmatched(HttpRequest<?> request) {
        return ApiAcceptFilter.routes(router, request)
            .map(m -> routes.computeIfAbsent(m.getRouteInfo(), RateLimitFilter::limitedRoute))
            .flatMap(Optional::stream)
            .findFirst();
    }

    /**
     * The ledger's name of a limited route ({@code POST /check/{token}/again}), or empty: only routes open to anyone,
     * and of those the posts and the PDFs (HEAD counts as GET).
     */
    static Optional<String> limitedRoute(UriRouteInfo<?, ?> route) {
        boolean open = Arrays.asList(route.getAnnotationMetadata().stringValues(Secured.class))
            .contains(SecurityRule.IS_ANONYMOUS);
        boolean costly = route.getHttpMethod() == HttpMethod.POST
            || route.getProduces().stream().anyMatch(type -> type.getName().equals(PDF));
        // HEAD runs the GET's work: one window for both
        HttpMethod method = route.getHttpMethod() == HttpMethod.HEAD ? HttpMethod.GET : route.getHttpMethod();
        return open && costly ? Optional.of(method + " " + route.getUriMatchTemplate()) : Optional.empty();
    }

    /** A client over its limit; answered with 429 and {@code Retry-After} by {@link ErrorPages}. */
    static class TooManyRequests extends RuntimeException {
        final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("rate limit exceeded", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /**
     * The client's address: the connection's peer, or — only where {@code micronaut.server.client-address-header}
     * names the header that a trusted proxy sets (checked at start, {@link RateLimits}) — that header's last entry
     * (the address the proxy saw; entries before it are the client's own word). A header the client sends itself
     * never counts. IPv6 clients are counted by their /64, the smallest network one subscriber gets.
     */
    private String client(HttpRequest<?> request) {
        if (limits.trustForwardedHeader()) {
            String value = String.valueOf(addresses.resolve(request));
            return ClientAddresses.key(value.substring(value.lastIndexOf(',') + 1).trim());
        }
        return ClientAddresses.key(request.getRemoteAddress().getAddress());
    }
}
