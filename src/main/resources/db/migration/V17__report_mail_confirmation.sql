-- Addresses confirmed for the report mail: a confirmation link (single use, expiring, only the SHA-256 hash of its
-- token stored) is mailed before the first report goes to an address; the row, once confirmed, lets later reports
-- of the same check go out at once. assessment_id NULL: confirmed for every check of the address (by the company's
-- magic-link sign-in). The address itself is not stored, only the SHA-256 hash of its normalised form. One statement.
CREATE TABLE report_mail_confirmation (
    token_hash     CHAR(64)     NOT NULL PRIMARY KEY,
    assessment_id  CHAR(36),
    email_hash     CHAR(64)     NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    expires_at     DATETIME(3)  NOT NULL,
    confirmed_at   DATETIME(3)
);
