-- The key two agency names are compared by (routing.AgencyNames: SHA-256 hex of the name in NFC, trimmed, inner white space as one
-- space, lower case); V127 computes it for the agencies there are, V128 makes it unique, V129 required.
ALTER TABLE agency ADD COLUMN name_key CHAR(64);
