-- The key two agency short names are compared by (routing.AgencyAdministration.shortNameKey: the id the short name
-- makes — lower-case ASCII letters, digits and dashes, umlauts spelled out —, or the agency's own id where it makes
-- none); V141 computes it for the agencies there are, V142 makes it unique, V143 required.
ALTER TABLE agency ADD COLUMN short_name_key VARCHAR(40);
