-- Where an agency receives new leads by email (NULL: its contact email). One statement.
ALTER TABLE agency ADD COLUMN lead_email VARCHAR(254);
