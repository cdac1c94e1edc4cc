-- The relay reads the oldest events first (a backlog after an outage is worked in order)
CREATE INDEX ix_lead_event_created ON lead_event (created_at);
