-- Agency short names are unique as the portal compares them (two admins saving one short name at the same moment: one
-- of them gets the short name's field error); V141 renamed the later of any agencies whose short names were already
-- the same. The key holds only lower-case ASCII letters, digits and dashes, which MariaDB's collation and H2 compare alike.
CREATE UNIQUE INDEX uq_agency_short_name_key ON agency (short_name_key);
