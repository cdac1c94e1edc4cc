package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of the consent log {@code lead_consent}. */
@MappedEntity("lead_consent")
public record ConsentRow(@Id String id, String leadId, @Nullable String assessmentId, String source, String textVersion,
                         String language, Instant givenAt, @Nullable Instant withdrawnAt) {
}
