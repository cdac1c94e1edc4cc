-- H2 counts a VARCHAR's length in UTF-16 units, MariaDB (utf8mb4) in characters: a subject that carries a company name of 200 emoji must fit on H2 too.
ALTER TABLE mail_outbox MODIFY subject VARCHAR(600) NOT NULL;
