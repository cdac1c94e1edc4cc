-- Emailed magic links that bring a company back to its data ("Mein Unternehmen"): single use, short-lived,
-- only the SHA-256 hash of the token is stored.
CREATE TABLE company_link (
    token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    used_at     DATETIME(3)
);
CREATE INDEX ix_assessment_contact ON assessment (contact_email);
