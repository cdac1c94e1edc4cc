-- What a personal access token may do with the agency API: READ (list and read leads and forwards) or CHANGE (also
-- change leads: PATCH). The tokens made before could change leads, and keep that.
ALTER TABLE api_token ADD COLUMN token_access VARCHAR(10) NOT NULL DEFAULT 'CHANGE';
