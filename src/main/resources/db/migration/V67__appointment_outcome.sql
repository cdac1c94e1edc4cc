-- The outcome of an appointment, recorded by its coach or the agency's staff after its start (issue 15): held or
-- no-show, whether a follow-up is needed, what was recommended (NONE, INNOSCHECK or another funding programme, whose
-- id is kept), a note; changeable (version counts the changes). One statement.
CREATE TABLE appointment_outcome (
    booking_id      CHAR(36)      NOT NULL PRIMARY KEY,
    agency_id       VARCHAR(40)   NOT NULL,
    coach_id        CHAR(36)      NOT NULL,
    start_at        DATETIME(3)   NOT NULL,
    attendance      VARCHAR(20)   NOT NULL,
    follow_up       BOOLEAN       NOT NULL,
    recommendation  VARCHAR(20)   NOT NULL,
    programme_id    VARCHAR(80),
    note            VARCHAR(2000),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     DATETIME(3)   NOT NULL,
    version         INT           NOT NULL
);
