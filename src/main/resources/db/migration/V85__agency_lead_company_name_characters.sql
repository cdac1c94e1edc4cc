-- H2 counts a VARCHAR's length in UTF-16 units, MariaDB (utf8mb4) in characters: twice the 200 characters the portal allows, so that 200 emoji fit on H2 too (the portal counts characters as users see them; on MariaDB this changes nothing but the limit).
ALTER TABLE agency_lead MODIFY company_name VARCHAR(400);
