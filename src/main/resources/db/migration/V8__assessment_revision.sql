-- A counter that every change of a check increases (optimistic locking, and the version that the
-- in-memory check cache is validated against; see readiness/CheckCache).
ALTER TABLE assessment ADD COLUMN revision INT NOT NULL DEFAULT 0;
