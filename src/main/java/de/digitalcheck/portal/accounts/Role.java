package de.digitalcheck.portal.accounts;

/** What a signed-in person may do; agency staff and coaches belong to one agency. */
public enum Role {
    NETWORK_ADMIN,
    AGENCY_STAFF,
    COACH;

    public boolean belongsToAgency() {
        return this != NETWORK_ADMIN;
    }
}
