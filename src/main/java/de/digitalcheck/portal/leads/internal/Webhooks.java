package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * An agency's webhook endpoint as its staff manage it: set the URL (a new endpoint gets a secret, shown once),
 * rotate the secret (the previous one keeps signing for {@link #OVERLAP}), remove it, send a test event, send the
 * deliveries that failed after every attempt again ({@link #replayFailed}); and the delivery log. Every method takes
 * the agency from the caller's session, never from the address.
 */
@Singleton
public class Webhooks {

    /** How long the previous secret keeps signing after a rotation. */
    public static final Duration OVERLAP = Duration.ofHours(24);
    private static final int MAX_URL = 500;

    private final SecretSealing sealing;
    private final EndpointRows endpoints;
    private final DeliveryRows deliveries;
    private final LeadRows leads;
    private final WebhookAddresses addresses;
    private final LeadEvents events;
    private final Clock clock;

    Webhooks(EndpointRows endpoints, DeliveryRows deliveries, LeadRows leads, WebhookAddresses addresses,
             LeadEvents events, SecretSealing sealing, Clock clock) {
        this.endpoints = endpoints;
        this.sealing = sealing;
        this.deliveries = deliveries;
        this.leads = leads;
        this.addresses = addresses;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<EndpointRow> endpoint(String agencyId) {
        return endpoints.findById(agencyId);
    }

    /**
     * Sets the endpoint's URL (and enables it again); a new endpoint's secret is returned, to be shown once.
     *
     * @throws ValidationException if the URL may not be called (field {@code url}); nothing changed
     */
    @Transactional
    public Optional<String> setUrl(String agencyId, String url) {
        String clean = url == null ? "" : url.strip();
        Optional<String> refusal = clean.isEmpty() ? Optional.of("error.required")
            : !TextRules.isSingleLine(clean) ? Optional.of(TextRules.SINGLE_LINE_KEY)
            : TextRules.tooLong(clean, MAX_URL) ? Optional.of("leads.webhook.url.tooLong") : addresses.refusal(clean);
        if (refusal.isPresent()) {
            throw new ValidationException(List.of(FieldError.of("url", refusal.get())));
        }
        Instant now = now();
        Optional<EndpointRow> existing = endpoints.lock(agencyId);
        if (existing.isPresent()) {
            EndpointRow e = existing.get();
            endpoints.update(new EndpointRow(agencyId, clean, e.secret(), e.previousSecret(), e.previousSecretUntil(),
                true, null, now));
            return Optional.empty();
        }
        String secret = WebhookSigner.newSecret();
        endpoints.save(new EndpointRow(agencyId, clean, sealing.seal(secret), null, null, true, null, now));
        return Optional.of(secret);
    }

    /**
     * A new secret (returned, to be shown once); the previous one signs too for {@link #OVERLAP}.
     *
     * @throws NoEndpoint the agency has no endpoint (removed meanwhile): nothing changed
     */
    @Transactional
    public String rotate(String agencyId) {
        return rotate(endpoints.lock(agencyId).orElseThrow(NoEndpoint::new));
    }

    /**
     * As {@link #rotate(String)}, unless the secret was rotated since the form was read: a second post of one rotation
     * form (a double click, a reload of the page that showed the new secret) once made yet another secret, which ended
     * the overlap of the secret the receiver still used at once and replaced the one just shown.
     *
     * @param readVersion the endpoint's {@link EndpointRow#secretVersion()} when the form was read (null counts as
     *                    stale)
     * @throws StaleRotation the secret is another one now: nothing changed
     * @throws NoEndpoint the agency has no endpoint (removed meanwhile): nothing changed
     */
    @Transactional
    public String rotate(String agencyId, @Nullable String readVersion) {
        EndpointRow e = endpoints.lock(agencyId).orElseThrow(NoEndpoint::new);
        if (!e.secretVersion().equals(readVersion)) {
            throw new StaleRotation(e);
        }
        return rotate(e);
    }

    /** The secret was rotated since the rotation form was read; {@code current}: the endpoint now. */
    public static class StaleRotation extends RuntimeException {

        private final transient EndpointRow current;

        StaleRotation(EndpointRow current) {
            super("the secret was rotated since the form was read", null, false, false);
            this.current = current;
        }

        public EndpointRow current() {
            return current;
        }
    }

    /**
     * The agency has no endpoint (any more): its page's buttons for it were read before it was removed, in another tab
     * or by a colleague. A state of the agency's settings, not an unknown thing: nothing changed.
     */
    public static class NoEndpoint extends RuntimeException {

        NoEndpoint() {
            super("the agency has no webhook endpoint", null, false, false);
        }
    }

    private String rotate(EndpointRow e) {
        String agencyId = e.agencyId();
        String secret = WebhookSigner.newSecret();
        Instant now = now();
        endpoints.update(new EndpointRow(agencyId, e.url(), sealing.seal(secret), e.secret(), now.plus(OVERLAP), e.enabled(),
            e.disabledReason(), now));
        return secret;
    }

    @Transactional
    public void remove(String agencyId) {
        endpoints.deleteById(agencyId);
    }

    /**
     * Queues a test event to the agency's endpoint; its webhook-id.
     *
     * @throws NoEndpoint the agency has no endpoint (removed meanwhile): nothing queued
     * @throws Disabled the endpoint is switched off (after a {@code 410 Gone}): nothing queued. A test queued then was
     *                  sent only once the endpoint was switched on again, while the page said it was on its way
     */
    @Transactional
    public String sendTest(String agencyId) {
        EndpointRow endpoint = endpoints.findById(agencyId).orElseThrow(NoEndpoint::new);
        if (!endpoint.enabled()) {
            throw new Disabled(endpoint.disabledReason());
        }
        return events.test(agencyId);
    }

    /** The agency's endpoint is switched off ({@code reason}: why, as stored; null if none was): nothing queued. */
    public static class Disabled extends RuntimeException {

        private final transient String reason;

        Disabled(@Nullable String reason) {
            super("the agency's webhook endpoint is switched off", null, false, false);
            this.reason = reason;
        }

        public @Nullable String reason() {
            return reason;
        }
    }

    /** The periods a replay of failed deliveries reaches back, in days ({@link #replayFailed}). */
    public static final List<Integer> REPLAY_DAYS = List.of(1, 7, 30);
    /** The period the replay's form offers first. */
    public static final int REPLAY_DAYS_DEFAULT = 7;

    /**
     * Sends the agency's deliveries that failed after every attempt in the last {@code days} days again, as they were
     * (same webhook-id, so a receiver that took one after all recognizes it; a fresh series of attempts) — those that
     * may still go to the agency ({@link DeliveryRows#REPLAYABLE}: nothing of a lead whose consent was withdrawn or
     * that was erased or forwarded away, only that news); how many.
     *
     * @throws ValidationException the agency has no endpoint, or it is switched off (field {@code since}); a period not
     *                             in {@link #REPLAY_DAYS}; nothing changed
     */
    @Transactional
    public int replayFailed(String agencyId, int days) {
        EndpointRow endpoint = endpoints.findById(agencyId).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            throw new ValidationException(List.of(FieldError.of("since", endpoint == null
                ? "leads.webhook.replay.noEndpoint" : "leads.webhook.replay.disabled")));
        }
        if (!REPLAY_DAYS.contains(days)) {
            throw new ValidationException(List.of(FieldError.of("since", "leads.webhook.replay.period")));
        }
        return events.replay(agencyId, clock.instant().minus(Duration.ofDays(days)));
    }

    /** How many of the agency's failed deliveries of the longest period {@link #replayFailed} would send again. */
    @Transactional(readOnly = true)
    public long replayable(String agencyId) {
        int longest = REPLAY_DAYS.get(REPLAY_DAYS.size() - 1);
        return deliveries.replayable(agencyId, clock.instant().minus(Duration.ofDays(longest)));
    }

    @Transactional(readOnly = true)
    public List<DeliveryRow> log(String agencyId) {
        return deliveries.ofAgency(agencyId, 100);
    }

    /**
     * The agency's lead with its delivery log to this agency's endpoint (another agency's lead: {@link UnknownLead};
     * a lead forwarded here shows none of the sender's deliveries).
     */
    @Transactional(readOnly = true)
    public LeadWithLog lead(String agencyId, String leadId) {
        LeadRow lead = leads.findById(leadId).filter(l -> l.id().equals(leadId) && agencyId.equals(l.agencyId()))
            .orElseThrow(UnknownLead::new);
        return new LeadWithLog(lead.shownToAgency(), deliveries.ofLeadAtAgency(leadId, agencyId));
    }

    @Transactional(readOnly = true)
    public List<LeadRow> fallbackQueue() {
        return leads.fallbackQueue().stream().map(LeadRow::shownToAgency).toList();
    }

    /** The fallback queue's closed leads: at a final stage, withdrawn or erased (see {@link LeadRows#fallbackClosed}). */
    @Transactional(readOnly = true)
    public List<LeadRow> fallbackClosed() {
        return leads.fallbackClosed().stream().map(LeadRow::shownToAgency).toList();
    }

    public record LeadWithLog(LeadRow lead, List<DeliveryRow> deliveries) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
