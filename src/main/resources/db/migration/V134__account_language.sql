-- The language a person was invited in ('de' or 'en'), chosen on the inviting form: the invitation mail is written
-- in it and its sign-in link opens the pages in it. Accounts invited before this column got a German and English
-- mail; they stay 'de', the portal's default. One statement.
ALTER TABLE account ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'de';
