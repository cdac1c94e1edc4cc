package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.server.HttpServerConfiguration;

import java.time.Duration;

/**
 * Limits of the public routes per client address and route: {@code requests} within {@code window}
 * (e.g. 30 self-check submissions per 10 minutes), counted for all replicas together. The client address is the
 * connection's peer unless {@code trust-forwarded-header} is set (behind a proxy that overwrites the header
 * configured as {@code micronaut.server.client-address-header}).
 */
@ConfigurationProperties("portal.rate-limits.public-posts")
public record RateLimits(boolean enabled, int requests, Duration window, boolean trustForwardedHeader) {

    /**
     * Refuses to start when the forwarded header is trusted but not named: Micronaut would then believe whatever
     * {@code Forwarded}/{@code X-Forwarded-For} a client sends, and every request could claim another address.
     */
    @Context
    static class Check {
        Check(RateLimits limits, HttpServerConfiguration server) {
            if (limits.enabled() && limits.trustForwardedHeader() && server.getClientAddressHeader() == null) {
                throw new StartupProblem("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets, e.g. "
                    + "MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER=X-Forwarded-For (see README, Configuration)");
            }
        }
    }
}
