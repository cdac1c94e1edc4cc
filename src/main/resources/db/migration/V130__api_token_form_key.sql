-- The key of the form that made a token (a random value the token page puts into its form): a second post of the same
-- form (a double click, a reload of the page that showed the token) makes no second token nobody has seen. V131 makes
-- it unique per agency.
ALTER TABLE api_token ADD COLUMN form_key VARCHAR(64);
