-- The portal's directory: who may sign in, with which role, for which agency.
-- An invitation creates the account; the first sign-in with that verified email binds the provider's subject.
CREATE TABLE account (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    agency_id   VARCHAR(40),
    issuer      VARCHAR(300),
    subject     VARCHAR(255),
    invited_at  DATETIME(3)  NOT NULL,
    signed_in_at DATETIME(3),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT uq_account_subject UNIQUE (issuer, subject),
    CONSTRAINT fk_account_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_account_agency ON account (agency_id, role);
