-- The kinds of appointment an agency offers (issue 14): names, duration, meeting mode, travel buffer (before and
-- after, for visits at the company) and the coaches who offer it (account ids, comma-separated). One statement.
CREATE TABLE appointment_type (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    agency_id             VARCHAR(40)   NOT NULL,
    name_de               VARCHAR(100)  NOT NULL,
    name_en               VARCHAR(100)  NOT NULL,
    duration_minutes      INT           NOT NULL,
    meeting_mode          VARCHAR(20)   NOT NULL,
    travel_buffer_minutes INT           NOT NULL,
    coach_ids             VARCHAR(2000) NOT NULL,
    active                BOOLEAN       NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    CONSTRAINT fk_appointment_type_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
