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
            || (lastFailure != null && DeliveryFailure.STATUS.name().equals(failure))
            || DeliveryFailure.GONE.name().equals(failure) || DeliveryFailure.NO_ENDPOINT.name().equals(failure)) {
            return null;
        }
        return lastError;
    }
}
