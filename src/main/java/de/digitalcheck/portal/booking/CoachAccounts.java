package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.AccountChanged;
import de.digitalcheck.portal.accounts.AccountCreated;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.routing.AgencyCoaches;
import de.digitalcheck.portal.routing.AgencyMember;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a coach row for every account with the coach role: added in the transaction that adds the account. Also
 * lists an agency's coaches for the agency's workspace.
 */
@Singleton
class CoachAccounts implements AgencyCoaches {

    private final CoachRows rows;
    private final Accounts accounts;
    private final Clock clock;

    CoachAccounts(CoachRows rows, Accounts accounts, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void onAccountCreated(AccountCreated event) {
        if (event.role() == Role.COACH && event.agencyId() != null && !rows.existsById(event.accountId())) {
            rows.save(new CoachRow(event.accountId(), event.agencyId(), "", "", clock.instant()));
        }
    }

    /**
     * A coach who moved to another agency keeps their profile there; one who is no longer a coach, or whose
     * invitation was withdrawn, has no coach row any more.
     */
    @EventListener
    void onAccountChanged(AccountChanged event) {
        // locked: a coach saving their profile at this moment takes turns with the move (account row, then coach row)
        Optional<CoachRow> row = rows.lock(List.of(event.accountId())).stream().findFirst();
        if (event.removed() || event.role() != Role.COACH || event.agencyId() == null) {
            row.ifPresent(rows::delete);
        } else if (row.isEmpty()) {
            rows.save(new CoachRow(event.accountId(), event.agencyId(), "", "", clock.instant()));
        } else if (!row.get().agencyId().equals(event.agencyId())) {
            rows.update(row.get().movedTo(event.agencyId(), clock.instant()));
        }
    }

    @Override
    public List<AgencyMember> coaches(String agencyId) {
        Map<String, CoachRow> coaches = rows.findByAgencyId(agencyId).stream()
            .collect(Collectors.toMap(CoachRow::accountId, Function.identity()));
        return accounts.ofAgency(agencyId, Role.COACH).stream()
            .filter(a -> coaches.containsKey(a.id()) && !a.disabled())
            .sorted(Comparator.comparing(a -> a.name()))
            .map(a -> new AgencyMember(a.id(), a.name(), a.email(), a.role().name(), coaches.get(a.id()).expertise(),
                !a.bound(), a.disabled(), coaches.get(a.id()).profile().modes().isEmpty(), a.disabledByNetwork()))
            .toList();
    }
}
