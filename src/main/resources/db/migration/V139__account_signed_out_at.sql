-- When the person last signed out: every session begun before ends at its next request (SessionCheckFilter), so a
-- session cookie copied or left in a browser stops working with the sign-out, not only when it expires. NULL: never
-- signed out since this column. One statement.
ALTER TABLE account ADD COLUMN signed_out_at DATETIME(3);
