package de.digitalcheck.portal.routing;

import java.util.List;

/**
 * What an agency's workspace needs from the portal's directory of people: its staff, and inviting a coach into it.
 * Declared here, implemented by the module that keeps the directory, so that the agency's pages need no dependency
 * on it (that module depends on this one).
 */
public interface AgencyTeam {

    /** The agency's staff, by name. */
    List<AgencyMember> staff(String agencyId);

    /**
     * Invites a coach into the agency: an account and an invitation mail, or neither.
     *
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for a bad email or name (nothing changed)
     * @throws de.digitalcheck.portal.shared.mail.Mailer.MailFailed when the mail could not be sent (nothing changed)
     */
    void inviteCoach(String agencyId, String email, String name);
}
