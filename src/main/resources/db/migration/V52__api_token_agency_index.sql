-- An agency's tokens on its workspace page, newest first. One statement.
CREATE INDEX ix_api_token_agency ON api_token (agency_id, created_at);
