-- The consent log: every consent a company gave to share a check with an agency (which text version, in which
-- language, when, for which check and lead) and when it was withdrawn. One statement.
CREATE TABLE lead_consent (
    id             CHAR(36)    NOT NULL PRIMARY KEY,
    lead_id        CHAR(36)    NOT NULL,
    assessment_id  CHAR(36),
    source         VARCHAR(20) NOT NULL,
    text_version   VARCHAR(20) NOT NULL,
    language       VARCHAR(2)  NOT NULL,
    given_at       DATETIME(3) NOT NULL,
    withdrawn_at   DATETIME(3)
);
