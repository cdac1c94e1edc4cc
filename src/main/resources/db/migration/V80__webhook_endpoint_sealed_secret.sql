-- Room for a sealed signing secret (AES-GCM under WEBHOOK_SECRETS_KEY, about 125 characters). One statement.
ALTER TABLE webhook_endpoint MODIFY secret VARCHAR(300) NOT NULL;
