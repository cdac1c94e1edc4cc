package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.AccountChanged;
import de.digitalcheck.portal.accounts.AccountCreated;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.routing.AgencyCoaches;
import de.digitalcheck.portal.routing.AgencyMember;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
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
    private final AppointmentRows appointments;
    private final CoachFeedRows feeds;
    private final Clock clock;

    CoachAccounts(CoachRows rows, Accounts accounts, AppointmentRows appointments, CoachFeedRows feeds, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.appointments = appointments;
        this.feeds = feeds;
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
     * invitation was withdrawn, has no coach row any more. Either way the calendar subscription ends (its address
     * showed the old agency's companies), and a coach with appointments still to come at their agency is neither moved,
     * made something else nor withdrawn (an invited coach is bookable before the first sign-in): the agency's staff would no longer reach those appointments under the coach, and the
     * coach would keep seeing another agency's companies. They are moved or cancelled first (or the account disabled,
     * which keeps them with the agency).
     *
     * @throws ValidationException at {@code role} or {@code agencyId} (at {@code account} for a withdrawn
     *                             invitation), with the number of appointments to come; the change is rolled back
     *                             with the transaction it is published in
     */
    @EventListener
    void onAccountChanged(AccountChanged event) {
        // locked: a coach saving their profile at this moment takes turns with the move (account row, then coach row)
        Optional<CoachRow> row = rows.lock(List.of(event.accountId())).stream().findFirst();
        boolean noCoach = event.removed() || event.role() != Role.COACH || event.agencyId() == null;
        if (row.isPresent() && (noCoach || !row.get().agencyId().equals(event.agencyId()))) {
            long coming = appointments.countComingOfCoachAt(event.accountId(), row.get().agencyId(), clock.instant());
            if (coming > 0 && event.removed()) {
                // a withdrawn invitation: the coach (bookable before the first sign-in) would leave appointments
                // nobody sees or changes any more, the companies still expecting someone
                throw new ValidationException(List.of(FieldError.of("account", "error.withdraw.coachAppointments",
                    coming)));
            }
            if (coming > 0) {
                throw new ValidationException(List.of(FieldError.of(noCoach ? "role" : "agencyId",
                    "error.role.coachAppointments", coming)));
            }
            feeds.deleteById(event.accountId());
        }
        if (noCoach) {
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

    @Override
    public long appointmentsToCome(String coachId, String agencyId) {
        return appointments.countComingOfCoachAt(coachId, agencyId, clock.instant());
    }
}
