package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One public post admitted for a client address. */
@MappedEntity("rate_limit_hit")
record RateLimitHit(@Id @GeneratedValue @Nullable Long id, String client, Instant hitAt) {
}
