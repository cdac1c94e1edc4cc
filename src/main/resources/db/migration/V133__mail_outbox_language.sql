-- The language each waiting mail is written in ('de' or 'en'), sent as its Content-Language header. Mails queued
-- before this column were all written by code that chose German (or German first, then English). One statement.
ALTER TABLE mail_outbox ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'de';
