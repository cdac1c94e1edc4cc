package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The directory as other modules read it, and the few changes they may make (invitations: {@link Invitations}). */
@Singleton
public class Accounts {

    /** The longest name a person may have in the directory; other modules' forms know it from {@link AgencyTeam}. */
    public static final int MAX_NAME = AgencyTeam.MAX_NAME;

    private final AccountRows rows;
    private final ApplicationEventPublisher<AccountCreated> created;
    private final Clock clock;

    Accounts(AccountRows rows, ApplicationEventPublisher<AccountCreated> created, Clock clock) {
        this.rows = rows;
        this.created = created;
        this.clock = clock;
    }

    public Optional<Account> find(String id) {
        return id == null ? Optional.empty() : rows.findById(id).map(AccountRow::account);
    }

    /** The person with this email address (any case), if invited. */
    public Optional<Account> byEmail(String email) {
        return email == null ? Optional.empty()
            : rows.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(AccountRow::account);
    }

    /** Everybody, by email (the network admin's directory). */
    public List<Account> all() {
        return rows.findAllOrderByEmail().stream().map(AccountRow::account).toList();
    }

    /** The people of an agency with this role, by name. */
    public List<Account> ofAgency(String agencyId, Role role) {
        return rows.findByAgencyIdAndRoleOrderByName(agencyId, role).stream().map(AccountRow::account).toList();
    }

    /**
     * A person's new display name (e.g. a coach editing their profile), as a form checked it.
     *
     * @throws UnknownAccount if there is no such account
     */
    @Transactional
    public Account rename(String accountId, String name) {
        AccountRow account = rows.findById(accountId).orElseThrow(UnknownAccount::new);
        return rows.update(account.renamed(name == null ? "" : name.strip())).account();
    }

    /**
     * Adds people unless an account with their email exists, without mail (the demo users of the embedded default);
     * how many were added.
     */
    @Transactional
    public int addUnlessPresent(List<NewAccount> people) {
        Set<String> known = new HashSet<>(rows.findEmailByEmailIn(people.stream().map(NewAccount::email).toList()));
        int added = 0;
        for (NewAccount person : people) {
            if (!known.contains(person.email())) {
                add(person.email(), person.name(), person.role(), person.agencyId(), null, null);
                added++;
            }
        }
        return added;
    }

    /** A person to add: email (lower case), name, role and, for staff and coaches, their agency. */
    public record NewAccount(String email, String name, Role role, @Nullable String agencyId) {
    }

    /** Adds an account and announces it inside the caller's transaction. */
    AccountRow add(String email, String name, Role role, @Nullable String agencyId, @Nullable String issuer,
                   @Nullable String subject) {
        AccountRow row = rows.save(new AccountRow(UUID.randomUUID().toString(), email, name, role,
            role.belongsToAgency() ? agencyId : null, issuer, subject, clock.instant(),
            subject == null ? null : clock.instant()));
        created.publishEvent(new AccountCreated(row.id(), row.role(), row.agencyId()));
        return row;
    }
}
