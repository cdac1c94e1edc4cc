-- A coach's private calendar subscription (ICS feed): the token's SHA-256 hash (the token itself is shown once); a
-- new link replaces the row, revoking deletes it. One statement.
CREATE TABLE coach_feed (
    coach_id    CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uq_coach_feed_token UNIQUE (token_hash)
);
