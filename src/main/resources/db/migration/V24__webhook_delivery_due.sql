-- The dispatchers' question: which deliveries are due. One statement.
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
