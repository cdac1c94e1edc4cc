-- The key of the form that made a token (a random value the token page puts into its form): a second post of the same
-- form (a double click, a reload of the page that showed the token) makes no second token nobody has seen.
ALTER TABLE api_token ADD COLUMN form_key VARCHAR(64);
CREATE UNIQUE INDEX uq_api_token_form_key ON api_token (agency_id, form_key);
