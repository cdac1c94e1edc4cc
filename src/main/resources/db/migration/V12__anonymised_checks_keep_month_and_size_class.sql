-- Checks anonymised before this version kept the head count and the exact times; the statistics need only the size
-- class and the month. (Anonymised checks have no company name, no postal code and no contact.) One statement.
UPDATE assessment
   SET employees    = CASE size_class WHEN 'MICRO' THEN 1 WHEN 'SMALL' THEN 10 WHEN 'MEDIUM' THEN 50 ELSE 250 END,
       created_at   = TIMESTAMPADD(DAY, 1 - EXTRACT(DAY FROM created_at), CAST(created_at AS DATE)),
       updated_at   = TIMESTAMPADD(DAY, 1 - EXTRACT(DAY FROM updated_at), CAST(updated_at AS DATE)),
       completed_at = TIMESTAMPADD(DAY, 1 - EXTRACT(DAY FROM completed_at), CAST(completed_at AS DATE))
 WHERE company_name = '' AND postal_code = '' AND contact_email IS NULL;
