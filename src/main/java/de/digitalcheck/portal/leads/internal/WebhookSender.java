package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.persistence.Deadlocks;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One attempt of one claimed delivery: the endpoint's address checked again, the body signed (Standard Webhooks) and
 * posted with the JDK's {@link HttpClient} — a plain blocking client with connect and request timeouts that never
 * follows redirects, independent of the server's event loops (Micronaut's client would share them with the pages).
 * A 2xx delivers; a {@code 410 Gone} disables the endpoint and mails the agency (the delivery waits for an enabled
 * endpoint); anything else is tried again after the next wait of {@code retry-delays} with ±20 % jitter, or after
 * the receiver's {@code Retry-After} if that is longer; after the last wait the delivery has failed.
 */
@Singleton
class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final DeliveryRows deliveries;
    private final EndpointRows endpoints;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;
    private final MailOutbox mail;
    private final Router router;
    private final Messages messages;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SecretSealing sealing;
    private final HttpClient client;
    private final BusinessMetrics metrics;

    WebhookSender(DeliveryRows deliveries, EndpointRows endpoints, WebhookAddresses addresses, WebhookSettings settings,
                  MailOutbox mail, Router router, Messages messages, TransactionOperations<Connection> transactions,
                  Clock clock, SecretSealing sealing, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.settings = settings;
        this.mail = mail;
        this.router = router;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.sealing = sealing;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The agency's endpoint as one batch of attempts uses it: read and its secrets opened once per batch (its address
     * is checked before each attempt). {@code keyMissing}: this replica cannot open the endpoint's secret (a key
     * change in progress, a misconfigured replica) — not an attempt; another replica, or this one later, makes it.
     */
    record Target(Optional<EndpointRow> endpoint, List<String> secrets, boolean keyMissing) {
    }

    /** The endpoints of these agencies, if enabled, with their signing secrets (one query). */
    Map<String, Target> targets(Collection<String> agencyIds) {
        Map<String, EndpointRow> found = new HashMap<>();
        endpoints.ofAgencies(InLists.padded(List.copyOf(agencyIds))).forEach(e -> found.put(e.agencyId(), e));
        Map<String, Target> targets = new HashMap<>();
        for (String agencyId : agencyIds) {
            targets.put(agencyId, target(agencyId, Optional.ofNullable(found.get(agencyId))));
        }
        return targets;
    }

    private Target target(String agencyId, Optional<EndpointRow> row) {
        Optional<EndpointRow> endpoint = row.filter(EndpointRow::enabled);
        if (endpoint.isEmpty()) {
            return new Target(endpoint, List.of(), false);
        }
        try {
            return new Target(endpoint, endpoint.get().signingSecrets(clock.instant(), sealing), false);
        } catch (SecretSealing.SealedWithUnknownKey e) {
            LOG.error("Webhooks of agency {} wait: {}", agencyId, e.getMessage());
            return new Target(endpoint, List.of(), true);
        }
    }

    /**
     * Makes the attempt this dispatcher claimed, to the agency's endpoint as read for the batch. A failure is written
     * here; a success is not: its 2xx status is returned, and the caller writes the batch's successes at once.
     */
    OptionalInt attempt(DeliveryRow delivery, Target target, String dispatcher) {
        Optional<EndpointRow> endpoint = target.endpoint();
        if (endpoint.isEmpty()) {
            retry(delivery, dispatcher, null, DeliveryFailure.NO_ENDPOINT, null, Optional.empty());
            return OptionalInt.empty();
        }
        // checked right before the request: the JVM caches the lookup (networkaddress.cache.ttl, 30 s), so the
        // client's own lookup an instant later gets the checked answer unless the entry expires in between
        Optional<String> refusal = addresses.refusal(endpoint.get().url());
        if (refusal.isPresent()) {
            retry(delivery, dispatcher, null, DeliveryFailure.ADDRESS, refusal.get(), Optional.empty());
            return OptionalInt.empty();
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSigner.signature(target.secrets(), delivery.id(), timestamp,
            delivery.payload());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.get().url()))
            .timeout(settings.readTimeout())
            .header("content-type", "application/json")
            .header("user-agent", "Digitalcheck-Webhooks/1")
            .header("webhook-id", delivery.id())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
            .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                metrics.leadDelivered(); // the receiver took it; the batch's successes are written together
                return OptionalInt.of(status);
            }
            if (status == 410) {
                gone(delivery, dispatcher);
                return OptionalInt.empty();
            }
            retry(delivery, dispatcher, status, DeliveryFailure.STATUS, null, response.headers().firstValue("retry-after"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(delivery, dispatcher, null, DeliveryFailure.INTERRUPTED, null, Optional.empty());
        } catch (java.io.IOException | RuntimeException e) {
            retry(delivery, dispatcher, null, DeliveryFailure.of(e), DeliveryFailure.detail(e), Optional.empty());
        }
        return OptionalInt.empty();
    }

    private void gone(DeliveryRow delivery, String dispatcher) {
        transactions.executeWrite(s -> {
            if (endpoints.disable(delivery.agencyId(), "410 Gone") == 1) {
                router.agency(delivery.agencyId()).ifPresent(agency -> mail.send(new Mail(Language.DE, agency.leadAddress(),
                    messages.get(Language.DE, "leads.mail.gone.subject"),
                    messages.get(Language.DE, "leads.mail.gone.text", agency.name()))));
            }
            return deliveries.failed(delivery.id(), dispatcher, DeliveryRow.PENDING, next(delivery.attempts(), Optional.empty()),
                410, null, DeliveryFailure.GONE.name());
        });
        metrics.deliveryFailed();
        metrics.deliveryRetried();
        LOG.warn("Webhook endpoint of agency {} answered 410 Gone and is disabled", delivery.agencyId());
    }

    private void retry(DeliveryRow delivery, String dispatcher, Integer status, DeliveryFailure failure,
                       String detail, Optional<String> retryAfter) {
        List<Duration> delays = settings.retryDelays();
        boolean last = delivery.attempts() > delays.size();
        Instant next = last ? now() : next(delivery.attempts(), retryAfter);
        Deadlocks.retrying("A failed webhook attempt's record", () -> deliveries.failed(delivery.id(), dispatcher,
            last ? DeliveryRow.FAILED : DeliveryRow.PENDING, next, status, detail, failure.name()));
        metrics.deliveryFailed();
        if (!last) {
            metrics.deliveryRetried();
        }
        if (last) {
            LOG.error("Webhook {} to agency {} failed after {} attempts: {} {}", delivery.id(), delivery.agencyId(),
                delivery.attempts(), status != null ? "HTTP " + status : failure, detail == null ? "" : detail);
        }
    }

    /** When to try again after the {@code attempts}-th attempt failed. */
    private Instant next(int attempts, Optional<String> retryAfter) {
        List<Duration> delays = settings.retryDelays();
        Duration base = delays.get(Math.min(Math.max(attempts, 1), delays.size()) - 1);
        long millis = base.toMillis();
        long jittered = millis + (long) (millis * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        Duration wait = Duration.ofMillis(jittered);
        Optional<Duration> asked = retryAfter.flatMap(this::retryAfter);
        if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
            wait = asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked.get();
            // up to the next whole second: a database that keeps no fractions would otherwise make it come early
            Instant at = now().plus(wait);
            return at.getNano() == 0 ? at : at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        return now().plus(wait);
    }

    /** {@code Retry-After}: seconds or an HTTP date. */
    private Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(clock.instant(), at)).filter(d -> !d.isNegative());
            } catch (RuntimeException unparsable) {
                return Optional.empty();
            }
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
