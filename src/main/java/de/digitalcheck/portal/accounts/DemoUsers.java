package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;

import java.util.List;

/** The demo users of the embedded default: what to type as user name on the local sign-in page. */
public final class DemoUsers {

    /** A demo user: sign-in name, email (in the directory), display name, role and agency. */
    public record DemoUser(String username, String email, String name, Role role, String agencyId) {
    }

    public static final List<DemoUser> ALL = List.of(
        new DemoUser("admin", "admin@digitalcheck.example.org", "Nora Netzwerk", Role.NETWORK_ADMIN, null),
        new DemoUser("en-staff", "staff@en-agentur.example.org", "Emil Ennepe", Role.AGENCY_STAFF, "en-agentur"),
        new DemoUser("do-staff", "staff@dortmund.example.org", "Doris Dortmund", Role.AGENCY_STAFF, "wf-dortmund"),
        new DemoUser("en-coach", "coach@en-agentur.example.org", "Carla Coach", Role.COACH, "en-agentur"),
        new DemoUser("do-coach", "coach@dortmund.example.org", "Dominik Coach", Role.COACH, "wf-dortmund"));

    /**
     * A further coach of the demo data (SPEC §11: two or three per agency): in the directory, but not on the local
     * provider's page (no user name).
     */
    public static DemoUser coach(String email, String name, String agencyId) {
        return new DemoUser(null, email, name, Role.COACH, agencyId);
    }

    private DemoUsers() {
    }
}
