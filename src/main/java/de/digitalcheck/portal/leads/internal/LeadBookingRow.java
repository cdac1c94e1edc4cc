package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code lead_booking}: a booking whose consent made or updated the lead. */
@MappedEntity("lead_booking")
public record LeadBookingRow(@Id String bookingId, String leadId, Instant linkedAt) {
}
