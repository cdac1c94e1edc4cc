-- What kind of failure the last attempt of a webhook delivery had (DeliveryFailure: STATUS, TIMEOUT, REFUSED, ...),
-- so that the delivery log explains it in the reader's language; last_error keeps the technical detail. NULL for a
-- delivered row and for rows written before this column (the log derives those from last_status). One statement.
ALTER TABLE webhook_delivery ADD COLUMN last_failure VARCHAR(20);
