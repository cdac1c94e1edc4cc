-- A lead's audit trail: who changed what (stage, assignee, agency) when, from and to, with a note. One statement.
CREATE TABLE lead_audit (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    lead_id     CHAR(36)      NOT NULL,
    at          DATETIME(3)   NOT NULL,
    actor_id    VARCHAR(64),
    actor_name  VARCHAR(200),
    action      VARCHAR(20)   NOT NULL,
    from_value  VARCHAR(200),
    to_value    VARCHAR(200),
    note        VARCHAR(2000)
);
