package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of the consent log {@code lead_consent}. {@code madeLead}: this consent made its lead (the first one of the
 * lead, written with it). It is stored rather than read from the order of {@code givenAt}, which two consents of the
 * same second cannot tell apart where times are kept at whole seconds (MariaDB, docs/operations.md).
 * {@code contactName}, {@code contactEmail}: who gave it, as given with it — the lead has only its contact of now,
 * which a consent given again with the check's own link replaces; null for a consent logged before they were recorded
 * (V151), and once erased.
 */
@MappedEntity("lead_consent")
public record ConsentRow(@Id String id, String leadId, @Nullable String assessmentId, String source, String textVersion,
                         String language, Instant givenAt, @Nullable Instant withdrawnAt, boolean madeLead,
                         @Nullable String contactName, @Nullable String contactEmail) {
}
