-- The agency API's departures in their order (forwarded_at, id) per agency, as ix_agency_lead_agency_updated serves the
-- list of leads. One statement.
CREATE INDEX ix_lead_departure_agency ON lead_departure (agency_id, forwarded_at, id);
