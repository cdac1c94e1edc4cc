-- Leads closed before V94: their last change is the best known time of closing (withdrawal: its own time)
UPDATE agency_lead SET closed_at = COALESCE(withdrawn_at, updated_at)
WHERE closed_at IS NULL AND (status <> 'OPEN' OR stage IN ('WON', 'CLOSED', 'REJECTED'));
