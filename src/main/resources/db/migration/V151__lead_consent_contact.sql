-- Who gave a consent: the contact's name and email as given with it. The lead keeps only its contact of now, which a
-- consent given again from the check's own link (or a booking made with it) replaces, and a withdrawal drops the
-- trail's earlier values. Null for consents logged before (not recorded then) and once erased. One statement.
ALTER TABLE lead_consent ADD COLUMN (contact_name VARCHAR(400), contact_email VARCHAR(254));
