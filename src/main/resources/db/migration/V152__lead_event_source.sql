-- Where the consent that caused a lead event was given (booking, check, api, …): the agency's mail says "mit Termin"
-- for a booking's consent. The lead keeps the source of its first consent, so the relay cannot read it from the lead
-- (a check shared and booked a second later were two mails "mit Termin"). Null for events written before (the relay
-- takes the lead's source then). One statement.
ALTER TABLE lead_event ADD COLUMN source VARCHAR(20);
