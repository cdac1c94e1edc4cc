-- A lead: a company that consented to share its check with the agency responsible for its location (agency_id;
-- NULL: no territory covers the location, the network's fallback queue). open_key (agency and contact email) is set
-- while the lead is open, so that a company consenting again updates its open lead at that agency instead of making a
-- second one, even when two consents arrive at the same moment. One statement.
CREATE TABLE agency_lead (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    agency_id         VARCHAR(40),
    open_key          VARCHAR(300),
    status            VARCHAR(20)  NOT NULL,
    source            VARCHAR(20)  NOT NULL,
    assessment_id     CHAR(36),
    company_name      VARCHAR(200),
    postal_code       VARCHAR(10),
    municipality      VARCHAR(200),
    ags               VARCHAR(8),
    sector            VARCHAR(2),
    employees         INT,
    company_type      VARCHAR(40),
    contact_name      VARCHAR(200),
    contact_email     VARCHAR(254),
    contact_phone     VARCHAR(50),
    score             DOUBLE,
    overall_level     INT,
    consent_version   VARCHAR(20)  NOT NULL,
    consent_language  VARCHAR(2)   NOT NULL,
    consent_at        DATETIME(3)  NOT NULL,
    contact_due_at    DATETIME(3)  NOT NULL,
    withdrawn_at      DATETIME(3),
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    CONSTRAINT uq_agency_lead_open UNIQUE (open_key)
);
