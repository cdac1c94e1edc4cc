package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A lead event waiting for the relay ({@link LeadEvents#relayDue()}): the lead, the agency it was for when it happened
 * (null: the network's fallback queue), its type and time, and where the consent that caused it was given
 * ({@code source}; null for events written before it was kept: the lead's source is taken). {@code id} becomes the
 * webhook-id of its delivery.
 */
@MappedEntity("lead_event")
public record LeadEventRow(@Id String id, String leadId, @Nullable String agencyId, String eventType, Instant createdAt,
                          @Nullable String source) {
}
