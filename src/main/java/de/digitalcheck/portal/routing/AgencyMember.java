package de.digitalcheck.portal.routing;

/**
 * A person of an agency as its workspace lists them.
 *
 * @param accountId the person's account
 * @param role      the role's name ({@code AGENCY_STAFF}, {@code COACH})
 * @param expertise a coach's focus topics, comma-separated; empty for others
 * @param invited   whether the person has not signed in yet (the invitation can still be withdrawn)
 * @param disabled  whether the account is disabled
 * @param noMode    a coach who ticked no way of meeting companies: offered for no appointment type (false for others)
 * @param disabledByNetwork whether a network admin disabled the account: the agency cannot enable it
 */
public record AgencyMember(String accountId, String name, String email, String role, String expertise, boolean invited,
                           boolean disabled, boolean noMode, boolean disabledByNetwork) {
}
