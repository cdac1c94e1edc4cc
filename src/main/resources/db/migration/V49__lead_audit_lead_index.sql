-- A lead's detail page reads its audit trail. One statement.
CREATE INDEX ix_lead_audit_lead ON lead_audit (lead_id, at);
