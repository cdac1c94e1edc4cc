-- An erased lead keeps no municipality key (LeadRow.erased): those erased before kept their district's
UPDATE agency_lead SET ags = NULL WHERE status = 'ERASED' AND ags IS NOT NULL;
