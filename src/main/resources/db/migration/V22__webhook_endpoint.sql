-- An agency's webhook endpoint (at most one): the URL, the signing secret and, for a day after a rotation, the
-- previous one (both sign), and whether it is enabled (a 410 Gone disables it). One statement.
CREATE TABLE webhook_endpoint (
    agency_id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    url                     VARCHAR(500) NOT NULL,
    secret                  VARCHAR(100) NOT NULL,
    previous_secret         VARCHAR(100),
    previous_secret_until   DATETIME(3),
    enabled                 BOOLEAN      NOT NULL,
    disabled_reason         VARCHAR(200),
    updated_at              DATETIME(3)  NOT NULL
);
