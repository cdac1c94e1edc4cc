-- The agency's outcome figures for a period (the dashboard). One statement.
CREATE INDEX ix_appointment_outcome_agency ON appointment_outcome (agency_id, start_at);
