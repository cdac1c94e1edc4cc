-- The webhook outbox and delivery log: one row per event and agency, written in the transaction of the change it
-- reports. id is the webhook-id (stable across retries). A dispatcher claims a due row by a conditional update
-- (claimed_by, claimed_until: a lease that runs out if the dispatcher dies). One statement.
CREATE TABLE webhook_delivery (
    id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    agency_id        VARCHAR(40)  NOT NULL,
    lead_id          CHAR(36),
    event_type       VARCHAR(30)  NOT NULL,
    payload          MEDIUMTEXT   NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  DATETIME(3)  NOT NULL,
    claimed_by       VARCHAR(80),
    claimed_until    DATETIME(3),
    created_at       DATETIME(3)  NOT NULL,
    first_attempt_at DATETIME(3),
    delivered_at     DATETIME(3),
    last_status      INT,
    last_error       VARCHAR(300)
);
