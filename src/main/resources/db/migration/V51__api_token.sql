-- Personal access tokens of agency staff for the agency API (issue 13): the token's SHA-256 hash (the token itself is
-- shown once and never stored), the agency and the account that created it, a name, its expiry, when it was last used
-- (updated at most once a minute) and when it was revoked. One statement.
CREATE TABLE api_token (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    token_hash    CHAR(64)      NOT NULL,
    agency_id     VARCHAR(40)   NOT NULL,
    account_id    VARCHAR(64)   NOT NULL,
    account_name  VARCHAR(200)  NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    expires_at    DATETIME(3)   NOT NULL,
    last_used_at  DATETIME(3),
    revoked_at    DATETIME(3),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
