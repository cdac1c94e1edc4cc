-- The address of a visit at the company (meeting mode ON_SITE): street with house number and town, the postal code
-- being the booking's company_postal_code. NULL for appointments elsewhere and once erased. Twice the characters the
-- portal allows (200 and 100): H2 counts UTF-16 units, MariaDB (utf8mb4) characters. One statement.
ALTER TABLE booking ADD COLUMN (
    company_street VARCHAR(400),
    company_town   VARCHAR(200)
);
