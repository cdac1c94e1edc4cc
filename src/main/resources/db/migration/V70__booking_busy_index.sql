-- The slot search's busy times (coach, status and blocked span, with the appointment's own times) read from the
-- index alone, without a look-up of each row. One statement.
CREATE INDEX ix_booking_coach_busy ON booking (coach_id, status, blocked_from, blocked_until, start_at, end_at);
