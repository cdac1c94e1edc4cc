-- The inbox's first page of one agency, newest first, with or without a stage filter. One statement.
CREATE INDEX ix_agency_lead_inbox ON agency_lead (agency_id, stage, created_at);
