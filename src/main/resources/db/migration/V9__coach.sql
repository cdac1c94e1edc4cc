-- What booking keeps about a coach moves out of the directory's account table into a table of its own: one row per
-- coach, so that a booking can lock a coach without contending with sign-in (which updates account).
CREATE TABLE coach (
    account_id    CHAR(36)     NOT NULL PRIMARY KEY,
    agency_id     VARCHAR(40)  NOT NULL,
    expertise     VARCHAR(500) NOT NULL,
    meeting_modes VARCHAR(100) NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    CONSTRAINT fk_coach_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_coach_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_coach_agency ON coach (agency_id);

INSERT INTO coach (account_id, agency_id, expertise, meeting_modes, updated_at)
    SELECT id, agency_id, expertise, meeting_modes, COALESCE(signed_in_at, invited_at)
    FROM account WHERE role = 'COACH' AND agency_id IS NOT NULL;

ALTER TABLE account DROP COLUMN expertise;
ALTER TABLE account DROP COLUMN meeting_modes;
