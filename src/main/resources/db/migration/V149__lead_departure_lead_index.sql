-- The agencies a lead was forwarded away from, which a withdrawal or an erasure of the lead tells too
-- (LeadFeed.formerAgencies). One statement.
CREATE INDEX ix_lead_departure_lead ON lead_departure (lead_id);
