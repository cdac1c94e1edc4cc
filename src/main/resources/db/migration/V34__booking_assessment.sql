-- The booking of a check (the report's cover, the result page). One statement.
CREATE INDEX ix_booking_assessment ON booking (assessment_id);
