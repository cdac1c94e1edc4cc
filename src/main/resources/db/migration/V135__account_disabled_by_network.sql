-- Who disabled an account: the network's admins (TRUE) or the person's own agency (FALSE). Agency staff cannot give
-- back access that the network took away; only a network admin can. One statement.
ALTER TABLE account ADD COLUMN disabled_by_network BOOLEAN NOT NULL DEFAULT FALSE;
