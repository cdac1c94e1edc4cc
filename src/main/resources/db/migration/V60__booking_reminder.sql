-- The reminder of an appointment (issue 15): set by the one replica that claims the reminder (a conditional update),
-- or when no reminder is due (booked or moved less than the reminder's lead time before the start); set back to NULL
-- when the appointment is moved far enough ahead again. One statement.
ALTER TABLE booking ADD COLUMN reminder_claimed_at DATETIME(3);
