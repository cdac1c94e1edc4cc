-- Service level: working days within which an agency promises the first contact with a new lead (SPEC §5).
ALTER TABLE agency ADD COLUMN first_contact_days INT NOT NULL DEFAULT 2;

-- An agency's logo (PNG or JPEG, at most 200 KB), apart from the agency row so that lists never load it.
CREATE TABLE agency_logo (
    agency_id    VARCHAR(40)  NOT NULL PRIMARY KEY,
    content_type VARCHAR(20)  NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    CONSTRAINT fk_agency_logo_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
