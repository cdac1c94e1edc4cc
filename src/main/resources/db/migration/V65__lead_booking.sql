-- A booking whose consent made or updated a lead (the leads module's link to the booking module's appointment): the
-- lead's page shows its appointments, and the repair job finds consented bookings that have no lead yet. One statement.
CREATE TABLE lead_booking (
    booking_id  CHAR(36)     NOT NULL PRIMARY KEY,
    lead_id     CHAR(36)     NOT NULL,
    linked_at   DATETIME(3)  NOT NULL
);
