package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A webhook event for an agency: outbox row and delivery log entry at once. {@code id} is the webhook-id. */
@MappedEntity("webhook_delivery")
public record DeliveryRow(@Id String id, String agencyId, @Nullable String leadId, String eventType, String payload,
                          String state, int attempts, Instant nextAttemptAt, @Nullable String claimedBy,
                          @Nullable Instant claimedUntil, Instant createdAt, @Nullable Instant firstAttemptAt,
                          @Nullable Instant deliveredAt, @Nullable Integer lastStatus, @Nullable String lastError,
                          @Nullable String lastFailure) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";

    /** This row as {@link DeliveryRows#claimAll} has just claimed it for {@code by} until {@code until}. */
    DeliveryRow claimed(String by, Instant now, Instant until) {
        return new DeliveryRow(id, agencyId, leadId, eventType, payload, state, attempts + 1, nextAttemptAt, by, until,
            createdAt, firstAttemptAt == null ? now : firstAttemptAt, deliveredAt, lastStatus, lastError, lastFailure);
    }

    /**
     * Why the last attempt failed ({@link DeliveryFailure}'s name), null if none failed or it was delivered. Rows
     * written before {@code last_failure} existed are read from their status: a status is the receiver's answer.
     */
    @Nullable
    public String failure() {
        if (DELIVERED.equals(state)) {
            return null;
        }
        if (lastFailure != null) {
            return lastFailure;
        }
        if (lastStatus != null) {
            return (lastStatus == 410 ? DeliveryFailure.GONE : DeliveryFailure.STATUS).name();
        }
        return lastError == null ? null : DeliveryFailure.OTHER.name();
    }

    /**
     * The technical detail beside the explanation: what the client reported, or null when the explanation says it
     * all (a status; an address refusal, whose detail is its own message key).
     */
    @Nullable
    public String failureDetail() {
        String failure = failure();
        if (failure == null || DeliveryFailure.ADDRESS.name().equals(failure)
            || DeliveryFailure.STATUS.name().equals(failure)
            || DeliveryFailure.GONE.name().equals(failure) || DeliveryFailure.NO_ENDPOINT.name().equals(failure)) {
            return null;
        }
        return lastError == null ? null : PERSONAL.matcher(lastError).replaceAll("…");
    }

    /** What looks like an e-mail address, a URL's user info or query: never shown in the log's detail. */
    private static final java.util.regex.Pattern PERSONAL = java.util.regex.Pattern.compile(
        "(?<=://)[^\\s/@]+@|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\?[^\\s\"'<>]+");

    /** Status codes the log explains by a sentence of their own; the others by their class (3xx, 4xx, 5xx). */
    private static final java.util.Set<Integer> EXPLAINED = java.util.Set.of(400, 401, 403, 404, 405, 408, 413, 415,
        422, 429, 500, 502, 503, 504);

    /**
     * The message key that says what the receiver's status meant ({@code leads.log.status.<code>} or {@code
     * leads.log.status.<class>xx}), for a failure by {@link DeliveryFailure#STATUS}; null otherwise.
     */
    @Nullable
    public String statusMeaning() {
        if (!DeliveryFailure.STATUS.name().equals(failure()) || lastStatus == null) {
            return null;
        }
        if (EXPLAINED.contains(lastStatus)) {
            return "leads.log.status." + lastStatus;
        }
        int kind = lastStatus / 100;
        return kind >= 3 && kind <= 5 ? "leads.log.status." + kind + "xx" : null;
    }
}
