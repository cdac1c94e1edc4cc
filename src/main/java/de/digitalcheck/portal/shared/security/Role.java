package de.digitalcheck.portal.shared.security;

/** What a signed-in person may do; agency staff and coaches belong to one agency. */
public enum Role {
    NETWORK_ADMIN,
    AGENCY_STAFF,
    COACH;

    public boolean belongsToAgency() {
        return this != NETWORK_ADMIN;
    }

    /** Where a person with this role lands after signing in: their workspace. */
    public String workspacePath() {
        return switch (this) {
            case NETWORK_ADMIN -> "/admin";
            case AGENCY_STAFF -> "/agentur";
            case COACH -> "/coach";
        };
    }
}
