-- The language the report was asked for in, so that the report (mail and PDF) goes out in it whatever the browser
-- that opens the confirmation link speaks. NULL for the magic-link sign-in's confirmations (they ask for nothing) and
-- for links asked for before this column: those follow the language of the page that confirms them. One statement.
ALTER TABLE report_mail_confirmation ADD COLUMN language VARCHAR(2);
