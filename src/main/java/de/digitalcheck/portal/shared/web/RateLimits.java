package de.digitalcheck.portal.shared.web;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of the public forms per client address: {@code requests} within {@code window}
 * (e.g. 30 self-check submissions per 10 minutes). Each replica counts on its own.
 */
@ConfigurationProperties("portal.rate-limits.public-posts")
public record RateLimits(boolean enabled, int requests, Duration window) {
}
