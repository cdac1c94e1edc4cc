package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.routing.NetworkTeam;
import de.digitalcheck.portal.shared.security.Role;
import jakarta.inject.Singleton;

import java.util.List;

/** The network admins, from the directory. */
@Singleton
class NetworkTeamOfAccounts implements NetworkTeam {

    private final Accounts accounts;

    NetworkTeamOfAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Admin> admins() {
        return accounts.ofRole(Role.NETWORK_ADMIN).stream().filter(a -> !a.disabled())
            .map(a -> new Admin(a.email(), a.language())).toList();
    }
}
