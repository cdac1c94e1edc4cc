package de.digitalcheck.portal.shared.web;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The requests of one client on one route admitted in the window that started at {@code windowStart}. */
@MappedEntity("rate_limit_bucket")
record RateLimitBucket(@Id String bucket, Instant windowStart, int hits) {
}
