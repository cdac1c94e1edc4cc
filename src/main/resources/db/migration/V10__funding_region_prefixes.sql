-- A funding programme's region becomes a set of AGS prefixes: region_ags holds them comma-separated
-- ('' = all of Germany, '05' = NRW, '05112,05113,…' = the Ruhr region). One statement: MySQL cannot roll DDL back.
ALTER TABLE funding_programme MODIFY region_ags VARCHAR(1000) NOT NULL;
