-- A lead rejected while new (spam, a request that is no agency's business) had no first contact: the rejection set
-- first_contact_at to its own time, so it counted as contacted within the service level and in the median time to
-- first contact. Cleared where the lead's rejection from NEW set it (the trail's entry of that moment). One statement.
UPDATE agency_lead SET first_contact_at = NULL
WHERE stage = 'REJECTED' AND first_contact_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM lead_audit a WHERE a.lead_id = agency_lead.id AND a.action = 'STAGE'
              AND a.from_value = 'NEW' AND a.to_value = 'REJECTED' AND a.at = agency_lead.first_contact_at);
