-- Room for a sealed previous signing secret (see V80). One statement.
ALTER TABLE webhook_endpoint MODIFY previous_secret VARCHAR(300);
