-- A coach's bookings by time: the overlap check under the coach's lock and the slot search. One statement.
CREATE INDEX ix_booking_coach_start ON booking (coach_id, start_at);
