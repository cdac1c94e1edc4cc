-- The provider of a funding programme in English (provider keeps the German text). NULL or empty: English pages show
-- the German text. The seed programmes get their English text, only where the German text is still the seed's (an
-- admin's own change is kept, and no English text says something else than it) in V97. One statement.
ALTER TABLE funding_programme ADD COLUMN provider_en VARCHAR(200);
