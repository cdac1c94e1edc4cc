package de.digitalcheck.portal.routing;

/**
 * A person of an agency as its workspace lists them.
 *
 * @param expertise a coach's focus topics, comma-separated; empty for others
 */
public record AgencyMember(String name, String email, String expertise) {
}
