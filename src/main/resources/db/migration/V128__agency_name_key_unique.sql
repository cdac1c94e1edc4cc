-- Agency names are unique as the database decides (two admins saving one name at the same moment: one of them gets the name's
-- field error); V127 renamed the later of any agencies whose names were already the same.
CREATE UNIQUE INDEX uq_agency_name_key ON agency (name_key);
