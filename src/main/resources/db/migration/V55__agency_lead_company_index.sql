-- The inbox sorted by company (issue 13 bench: 47 ms median with 10,000 leads of the agency without it). One statement.
CREATE INDEX ix_agency_lead_agency_company ON agency_lead (agency_id, company_name);
