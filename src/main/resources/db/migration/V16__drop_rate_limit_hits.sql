-- The rate limits count in rate_limit_bucket now (V15); the per-request rows of V7 are not used any more.
DROP TABLE rate_limit_hit;
