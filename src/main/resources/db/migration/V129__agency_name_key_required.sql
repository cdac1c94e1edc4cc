-- Every agency has its name's key (V127 computed it for the agencies there were; the portal writes it with every name).
ALTER TABLE agency MODIFY name_key CHAR(64) NOT NULL;
