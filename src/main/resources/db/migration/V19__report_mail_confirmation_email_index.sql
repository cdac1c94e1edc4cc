-- Report mail confirmations are looked up, exported and erased by the address's hash. One statement.
CREATE INDEX ix_report_mail_confirmation_email ON report_mail_confirmation (email_hash);
