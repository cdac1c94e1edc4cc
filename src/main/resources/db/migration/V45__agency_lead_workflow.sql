-- The inbox's workflow on a lead (issue 13): its stage (NEW, CONTACTED, QUALIFIED, WON, CLOSED, REJECTED; status stays
-- the consent's state), the staff member or coach it is assigned to, when it was first contacted, when its overdue
-- escalation was claimed (once across replicas) and the version that optimistic locking compares. One statement.
ALTER TABLE agency_lead ADD COLUMN (
    stage             VARCHAR(20)  DEFAULT 'NEW' NOT NULL,
    assignee_id       VARCHAR(64),
    assignee_name     VARCHAR(200),
    first_contact_at  DATETIME(3),
    escalated_at      DATETIME(3),
    lock_version      INT          DEFAULT 0 NOT NULL
);
