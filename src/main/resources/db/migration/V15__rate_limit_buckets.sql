-- The rate limits' counters: one row per client address (IPv6: its /64) and route, holding the start of its current
-- window and the requests admitted in it. A request is admitted by one conditional UPDATE (or the INSERT that opens
-- the row), so that parallel requests cannot exceed the limit. The key is a hash: no client address is stored.
CREATE TABLE rate_limit_bucket (
    bucket        CHAR(43)     NOT NULL PRIMARY KEY,
    window_start  DATETIME(3)  NOT NULL,
    hits          INT          NOT NULL
);
