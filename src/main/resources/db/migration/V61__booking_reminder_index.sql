-- The reminder job's search: confirmed appointments starting soon that nobody reminded yet. One statement.
CREATE INDEX ix_booking_reminder ON booking (status, start_at, reminder_claimed_at);
