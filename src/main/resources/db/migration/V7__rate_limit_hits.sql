-- Public posts admitted per client address, for rate limits that hold across all replicas (rows older than the
-- window are deleted regularly).
CREATE TABLE rate_limit_hit (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client  VARCHAR(64)  NOT NULL,
    hit_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_rate_limit_hit_client ON rate_limit_hit (client, hit_at);
CREATE INDEX ix_rate_limit_hit_time ON rate_limit_hit (hit_at);
