-- A lead that left an agency: forwarded by its staff (or a network admin) to another agency. The agency API lists an
-- agency's departures (GET /api/v1/agency/forwarded-leads), so that a CRM that only pulls learns that a lead it holds
-- is now another agency's; the lead itself is no longer in that agency's list. Written in the forward's transaction.
-- No personal data: ids and the time. One statement.
CREATE TABLE lead_departure (
    id            CHAR(36)    NOT NULL PRIMARY KEY,
    agency_id     VARCHAR(40) NOT NULL,
    lead_id       CHAR(36)    NOT NULL,
    forwarded_to  VARCHAR(40) NOT NULL,
    forwarded_at  DATETIME(3) NOT NULL
);
