-- An account can be disabled (and enabled again) without losing who it is: a disabled person cannot sign in, and a
-- session they still hold ends at its next request. One statement.
ALTER TABLE account ADD COLUMN disabled_at DATETIME(3);
