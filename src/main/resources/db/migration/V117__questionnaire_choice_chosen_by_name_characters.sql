-- H2 counts a VARCHAR's length in UTF-16 units, MariaDB/MySQL (utf8mb4) in characters: the portal counts what users see as characters
-- (an emoji is one), so the column holds twice the portal's limit and the limit's worth of emoji fits on H2 too; on MySQL/MariaDB this
-- changes nothing but the column's maximum (the portal's own check stays the limit). One statement, as every migration since V10.
ALTER TABLE questionnaire_choice MODIFY chosen_by_name VARCHAR(400) NOT NULL;
