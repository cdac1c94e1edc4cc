-- The leads' outbox: one row per lead event (lead.created, lead.updated) written in the transaction of the consent that
-- causes it, instead of the agency's mail and the webhook row. After the commit a relay (leads.internal.LeadEvents)
-- turns each row, in one transaction, into the agency's mail (mail_outbox) and its webhook_delivery row, whose id is
-- this row's id (the webhook-id), and deletes it; a row whose lead is no longer open at that agency is deleted
-- without delivery. No personal data: ids, the event's type and time. One statement.
CREATE TABLE lead_event (
    id          VARCHAR(40) NOT NULL PRIMARY KEY,
    lead_id     CHAR(36)    NOT NULL,
    agency_id   VARCHAR(40),
    event_type  VARCHAR(30) NOT NULL,
    created_at  DATETIME(3) NOT NULL
);
