package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Rate limits on the public posts that create data or send mail (starting a self-check, submitting one through the
 * API, asking for a magic link, mailing the PDF report):
 * a sliding window per client address, counted in the database for all replicas ({@link RateLimitLedger}).
 * Over the limit the answer is 429 with {@code Retry-After}.
 */
@ServerFilter(value = {"/check", "/api/v1/assessments", "/mein-unternehmen", "/check/*/report/email"},
    methods = HttpMethod.POST)
class RateLimitFilter {

    private final RateLimits limits;
    private final HttpClientAddressResolver addresses;
    private final RateLimitLedger ledger;

    RateLimitFilter(RateLimits limits, HttpClientAddressResolver addresses, RateLimitLedger ledger) {
        this.limits = limits;
        this.addresses = addresses;
        this.ledger = ledger;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void limit(HttpRequest<?> request) {
        if (!limits.enabled()) {
            return;
        }
        long retryAfter = ledger.admit(client(request));
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
}
