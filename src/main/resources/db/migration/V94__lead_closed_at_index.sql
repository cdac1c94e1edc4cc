-- The retention job's look-up of leads closed before a moment
CREATE INDEX ix_agency_lead_closed ON agency_lead (closed_at);
