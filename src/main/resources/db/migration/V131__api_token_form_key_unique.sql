-- One token per form: the key of the form that made it is unique per agency (tokens made without one hold NULL).
CREATE UNIQUE INDEX uq_api_token_form_key ON api_token (agency_id, form_key);
