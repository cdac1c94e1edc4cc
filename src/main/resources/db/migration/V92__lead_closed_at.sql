-- When a lead was withdrawn or reached a final stage (won, closed, rejected): the retention period counts from here
ALTER TABLE agency_lead ADD COLUMN closed_at DATETIME(3);
