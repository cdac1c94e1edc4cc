-- The agency API's cursor paging: one agency's leads in (updated_at, id) order. One statement.
CREATE INDEX ix_agency_lead_agency_updated ON agency_lead (agency_id, updated_at, id);
