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
    public List<AgencyMember> staff(String agencyId) {
        return accounts.ofAgency(agencyId, Role.AGENCY_STAFF).stream()
            .map(a -> new AgencyMember(a.name(), a.email(), "")).toList();
    }

    @Override
    public void inviteCoach(String agencyId, String email, String name, List<FieldError> formErrors) {
        invitations.invite(email, name, Role.COACH.name(), agencyId, formErrors);
    }
}
