package de.digitalcheck.portal.shared.web;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of the public forms per client address: {@code requests} within {@code window}
 * (e.g. 30 self-check submissions per 10 minutes), counted for all replicas together. The client address is the
 * connection's peer unless {@code trust-forwarded-header} is set (behind a proxy that overwrites the header
 * configured as {@code micronaut.server.client-address-header}).
 */
@ConfigurationProperties("portal.rate-limits.public-posts")
public record RateLimits(boolean enabled, int requests, Duration window, boolean trustForwardedHeader) {
}
