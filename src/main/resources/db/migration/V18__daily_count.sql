-- Counters per day (Europe/Berlin) of things that are limited per day: mails per recipient address, copies of a check
-- per check. The key is the SHA-256 hash of what is counted (e.g. the normalised address), never the value itself.
-- A count is taken by one conditional UPDATE (or the INSERT that opens the day). Rows of past days are deleted. One
-- statement.
CREATE TABLE daily_count (
    counter_key  CHAR(64)  NOT NULL,
    count_day    DATE      NOT NULL,
    used         INT       NOT NULL,
    PRIMARY KEY (counter_key, count_day)
);
