package de.digitalcheck.portal.shared.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RateLimitHits extends GenericRepository<RateLimitHit, Long> {

    RateLimitHit save(RateLimitHit hit);

    long countByClientAndHitAtGreaterThan(String client, Instant after);

    @Query("SELECT MIN(hit_at) FROM rate_limit_hit WHERE client = :client AND hit_at > :after")
    Optional<Instant> oldestSince(String client, Instant after);

    void deleteByHitAtLessThan(Instant before);
}
