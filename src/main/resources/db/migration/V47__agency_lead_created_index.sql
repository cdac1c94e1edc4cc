-- The inbox's first page of one agency, newest first, without a stage filter (and the other filters). One statement.
CREATE INDEX ix_agency_lead_agency_created ON agency_lead (agency_id, created_at);
