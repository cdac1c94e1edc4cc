package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.routing.AgencyMember;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.validation.FieldError;
import jakarta.inject.Singleton;

import java.util.List;

/** An agency's staff and coach invitations, from the directory. */
@Singleton
class AgencyTeamOfAccounts implements AgencyTeam {

    private final Accounts accounts;
    private final Invitations invitations;

    AgencyTeamOfAccounts(Accounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @Override
    public List<AgencyMember> members(String agencyId) {
        return java.util.stream.Stream.of(Role.AGENCY_STAFF, Role.COACH)
            .flatMap(role -> accounts.ofAgency(agencyId, role).stream())
            .sorted(java.util.Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER))
            .map(AgencyTeamOfAccounts::member).toList();
    }

    @Override
    public Access setDisabled(String agencyId, String accountId, boolean disabled) {
        try {
            accounts.setDisabled(accountId, disabled, java.util.Objects.requireNonNull(agencyId));
            return Access.CHANGED;
        } catch (DisabledByNetwork e) {
            return Access.DISABLED_BY_NETWORK;
        }
    }

    @Override
    public Access withdrawInvitation(String agencyId, String accountId) {
        try {
            accounts.withdrawInvitation(accountId, java.util.Objects.requireNonNull(agencyId));
            return Access.CHANGED;
        } catch (DisabledByNetwork e) {
            return Access.DISABLED_BY_NETWORK;
        } catch (InvitationUsed e) {
            return Access.INVITATION_USED;
        }
    }

    private static AgencyMember member(Account a) {
        return new AgencyMember(a.id(), a.name(), a.email(), a.role().name(), "", !a.bound(), a.disabled(), false,
            a.disabledByNetwork());
    }

    @Override
    public void inviteCoach(String agencyId, String email, String name, String language, List<FieldError> formErrors) {
        invitations.invite(email, name, Role.COACH.name(), agencyId, language, formErrors);
    }
}
