-- The inbox sorted by first-contact deadline (issue 13 bench: 41 ms median, 59 ms p95 without it). One statement.
CREATE INDEX ix_agency_lead_agency_due ON agency_lead (agency_id, contact_due_at);
