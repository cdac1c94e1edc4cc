package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits on the public posts that create data or send mail (starting a self-check, submitting one through the
 * API, asking for a magic link, mailing the PDF report):
 * a sliding window per client address. Over the limit the answer is 429 with {@code Retry-After}.
 */
@ServerFilter(value = {"/check", "/api/v1/assessments", "/mein-unternehmen", "/check/*/report/email"},
    methods = HttpMethod.POST)
class RateLimitFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final RateLimits limits;
    private final HttpClientAddressResolver addresses;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimits limits, HttpClientAddressResolver addresses, Clock clock) {
        this.limits = limits;
        this.addresses = addresses;
        this.clock = clock;
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        if (!limits.enabled()) {
            return;
        }
        long retryAfter = admit(client(request));
        if (retryAfter > 0) {
            throw new TooManyRequests(retryAfter);
        }
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
     * names the header that a trusted proxy sets — that header. A header the client sends itself never counts.
     */
    private String client(HttpRequest<?> request) {
        return limits.trustForwardedHeader() ? String.valueOf(addresses.resolve(request))
            : request.getRemoteAddress().getAddress().getHostAddress();
    }

    /** 0 if the client may go on, else the seconds until it may. */
    long admit(String client) {
        Instant now = clock.instant();
        Instant horizon = now.minus(limits.window());
        if (recent.size() > MAX_CLIENTS) {
            recent.clear();
        }
        Deque<Instant> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() >= limits.requests()) {
                return Math.max(1, java.time.Duration.between(now, times.peekFirst().plus(limits.window())).toSeconds() + 1);
            }
            times.addLast(now);
            return 0;
        }
    }
}
