-- Mein Unternehmen, export and erasure find a company's leads by its contact email. One statement.
CREATE INDEX ix_agency_lead_contact_email ON agency_lead (contact_email);
