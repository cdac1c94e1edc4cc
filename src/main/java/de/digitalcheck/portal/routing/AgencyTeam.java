package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.validation.FieldError;

import java.util.List;

/**
 * What an agency's workspace needs from the portal's directory of people: its staff, and inviting a coach into it.
 * Declared here, implemented by the module that keeps the directory, so that the agency's pages need no dependency
 * on it (that module depends on this one).
 */
public interface AgencyTeam {

    /** The longest name of a person that the directory keeps. */
    int MAX_NAME = 200;

    /** Everybody of the agency (staff and coaches, disabled ones too), by name. */
    List<AgencyMember> members(String agencyId);

    /** What became of an agency's change of a person's access. */
    enum Access {
        /** Changed as asked. */
        CHANGED,
        /** Nothing changed: a network admin disabled the person, and only a network admin changes that. */
        DISABLED_BY_NETWORK,
        /** Nothing changed: the invitation to withdraw was used meanwhile, the person signed in (an account now). */
        INVITATION_USED
    }

    /**
     * Disables or enables a person of the agency; their session ends at its next request.
     *
     * @return {@link Access#DISABLED_BY_NETWORK}, and nothing changed, if the agency tried to enable a person a
     *         network admin disabled (only a network admin enables them again)
     * @throws de.digitalcheck.portal.shared.NoSuchThing if the person is not of this agency
     */
    Access setDisabled(String agencyId, String accountId, boolean disabled);

    /**
     * Withdraws an invitation of the agency nobody has used yet.
     *
     * @return {@link Access#DISABLED_BY_NETWORK}, and nothing changed, if a network admin disabled the person (the
     *         agency could invite them afresh); {@link Access#INVITATION_USED}, and nothing changed, if the person
     *         has signed in with it meanwhile
     * @throws de.digitalcheck.portal.shared.NoSuchThing if there is no such person in this agency
     */
    Access withdrawInvitation(String agencyId, String accountId);

    /**
     * Invites a coach into the agency: an account and an invitation mail in {@code language} ({@code de} or
     * {@code en}; none is German), or neither. The email and name are as a form checked their shapes, finding
     * {@code formErrors}.
     *
     * @throws de.digitalcheck.portal.shared.validation.ValidationException with the form's errors and the directory's
     *         (an email that has an account already); nothing changed
     */
    void inviteCoach(String agencyId, String email, String name, String language, List<FieldError> formErrors);
}
