package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code coach_feed}: a coach's calendar subscription, by the hash of its token. */
@MappedEntity("coach_feed")
record CoachFeedRow(@Id String coachId, String tokenHash, Instant createdAt) {
}
