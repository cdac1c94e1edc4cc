package de.digitalcheck.portal.shared.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/**
 * The rate limits' counters. Every statement is atomic on its own (H2 and MySQL/MariaDB re-read a row they had to
 * wait for before applying the condition), so admitting needs no transaction and no lock held across statements.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RateLimitBuckets extends GenericRepository<RateLimitBucket, String> {

    /**
     * Takes one request from the bucket: restarts a window that has passed ({@code window_start <= horizon}), else
     * counts on while fewer than {@code max} were admitted. 1 when admitted, 0 when the bucket is full or missing.
     * {@code hits} is assigned first: MySQL evaluates assignments from left to right.
     */
    @Query("""
        UPDATE rate_limit_bucket
           SET hits = CASE WHEN window_start <= :horizon THEN 1 ELSE hits + 1 END,
               window_start = CASE WHEN window_start <= :horizon THEN :now ELSE window_start END
         WHERE bucket = :bucket AND (window_start <= :horizon OR hits < :max)""")
    int take(String bucket, Instant now, Instant horizon, int max);

    /** Opens the bucket with this request admitted; 0 when it exists already (another request opened it). */
    @Query("INSERT IGNORE INTO rate_limit_bucket (bucket, window_start, hits) VALUES (:bucket, :now, 1)")
    int open(String bucket, Instant now);

    @Query("SELECT window_start FROM rate_limit_bucket WHERE bucket = :bucket")
    Optional<Instant> windowStart(String bucket);

    @Query("SELECT hits FROM rate_limit_bucket WHERE bucket = :bucket")
    Optional<Integer> hits(String bucket);

    @Query("DELETE FROM rate_limit_bucket WHERE window_start <= :horizon")
    int forgetStartedBefore(Instant horizon);
}
