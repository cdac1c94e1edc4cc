-- The result page asks whether its check was shared. One statement.
CREATE INDEX ix_lead_consent_assessment ON lead_consent (assessment_id);
