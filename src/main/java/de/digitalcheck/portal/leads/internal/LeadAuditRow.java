package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code lead_audit}: one change of a lead (its stage, assignee or agency), who made it, when, from, to. */
@MappedEntity("lead_audit")
public record LeadAuditRow(@Id String id, String leadId, Instant at, @Nullable String actorId,
                           @Nullable String actorName, String action, @Nullable String fromValue,
                           @Nullable String toValue, @Nullable String note) {

    public static final String STAGE = "STAGE";
    public static final String ASSIGN = "ASSIGN";
    public static final String FORWARD = "FORWARD";
    public static final String ESCALATE = "ESCALATE";
    /** The lead's check was revised by its company: the score from → to (as {@code 2.8}). */
    public static final String RESULT = "RESULT";
}
