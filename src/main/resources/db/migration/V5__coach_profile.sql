-- A coach's profile: expertise tags and the meeting modes offered (comma-separated).
ALTER TABLE account ADD COLUMN expertise VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN meeting_modes VARCHAR(100) NOT NULL DEFAULT '';
