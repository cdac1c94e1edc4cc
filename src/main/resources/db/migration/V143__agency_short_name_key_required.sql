-- Every agency has its short name's key (V141 computed it for the agencies there were; the portal writes it with every
-- short name).
ALTER TABLE agency MODIFY short_name_key VARCHAR(40) NOT NULL;
