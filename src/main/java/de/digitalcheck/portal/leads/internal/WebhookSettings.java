package de.digitalcheck.portal.leads.internal;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How lead events are delivered to webhook endpoints ({@code portal.webhooks}): whether this replica dispatches, with
 * how many parallel senders, the timeouts, the claim lease (longer than an attempt can take), how often due
 * deliveries are looked for, the waits between attempts (after the last the delivery has failed), and whether
 * endpoints may be plain http or on private, loopback or link-local addresses (the embedded default and tests).
 */
@ConfigurationProperties("portal.webhooks")
public record WebhookSettings(boolean dispatch, int threads, Duration connectTimeout, Duration readTimeout,
                              Duration lease, Duration pollInterval, List<Duration> retryDelays, boolean allowHttp,
                              boolean allowPrivateAddresses) {
}
