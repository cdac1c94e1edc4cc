-- A lead's delivery log, its withdrawal and its erasure find its deliveries. One statement.
CREATE INDEX ix_webhook_delivery_lead ON webhook_delivery (lead_id);
