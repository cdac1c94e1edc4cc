-- Which consent made its lead (LeadBook: a check's own lead). V146 marks the first consent of each existing lead.
ALTER TABLE lead_consent ADD COLUMN made_lead BOOLEAN DEFAULT FALSE NOT NULL;
