-- A lead's appointments. One statement.
CREATE INDEX ix_lead_booking_lead ON lead_booking (lead_id);
