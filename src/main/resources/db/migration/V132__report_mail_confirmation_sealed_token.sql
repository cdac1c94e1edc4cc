-- The check's private token, sealed (AES-256-GCM) under a key derived from the confirmation link's code, so that the
-- report mailed after the confirmation can link to the online result while the link itself carries no check token.
-- Cleared when the link is used. NULL for the magic-link sign-in's rows and for links asked for before this column:
-- those are not valid any more (the company asks again). One statement.
ALTER TABLE report_mail_confirmation ADD COLUMN sealed_token VARCHAR(255);
