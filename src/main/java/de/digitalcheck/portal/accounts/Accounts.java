package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.ValidationException;
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
    private final ApplicationEventPublisher<AccountChanged> changed;
    private final AccountStates states;
    private final Agencies agencies;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    private final Clock clock;

    Accounts(AccountRows rows, ApplicationEventPublisher<AccountCreated> created,
             ApplicationEventPublisher<AccountChanged> changed, AccountStates states, Agencies agencies,
             io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.rows = rows;
        this.created = created;
        this.changed = changed;
        this.states = states;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * The person signed out: every session of theirs begun until now ends at its next request, on this replica at
     * once, on others within seconds ({@link AccountStates}); a session cookie copied or left in a browser no longer
     * works. A later sign-in starts a new session.
     */
    @Transactional
    public void signedOut(String accountId) {
        rows.signedOut(accountId, clock.instant());
        states.forget(accountId);
    }

    /**
     * Disables or enables an account. A disabled person cannot sign in, and their session ends at its next request
     * (on this replica at once, on others within seconds: {@link AccountStates}).
     *
     * An account a network admin disabled stays disabled until a network admin enables it: its agency can neither
     * enable it nor withdraw its invitation ({@link #withdrawInvitation}), and disabling it again from the agency
     * changes nothing. A network admin disabling an account the agency disabled makes it the network's.
     *
     * @param withinAgency the agency whose team the change is limited to (agency staff), or null (network admin)
     * @throws UnknownAccount     if there is no such account (in that agency)
     * @throws LastAdmin          if it is the network's last active admin
     * @throws DisabledByNetwork  if the agency enables an account a network admin disabled
     */
    @Transactional
    public Account setDisabled(String accountId, boolean disabled, @Nullable String withinAgency) {
        if (disabled && withinAgency == null) {
            keepAnAdmin(accountId);
        }
        AccountRow account = inScope(accountId, withinAgency);
        boolean byNetwork = withinAgency == null;
        if (!disabled && !byNetwork && account.lockedByNetwork()) {
            throw new DisabledByNetwork();
        }
        AccountRow saved;
        if (!disabled) {
            saved = account.isDisabled() ? rows.update(account.disabled(null, false)) : account;
        } else if (!account.isDisabled()) {
            saved = rows.update(account.disabled(clock.instant(), byNetwork));
            endSessions(saved);
        } else {
            saved = byNetwork && !account.lockedByNetwork()
                ? rows.update(account.disabled(account.disabledAt(), true)) : account;
        }
        announce(saved, false);
        return saved.account();
    }

    /**
     * Gives a person another role and agency, as an admin's form sent them; the person's session ends at its next
     * request, and the next sign-in carries the new role.
     *
     * @throws ValidationException for an unknown role, or a missing or unknown agency for staff and coaches
     * @throws UnknownAccount      if there is no such account
     * @throws LastAdmin           if it would take the role from the network's last active admin
     */
    @Transactional
    public Account changeRole(String accountId, @Nullable String roleInput, @Nullable String agencyInput) {
        if (!Role.NETWORK_ADMIN.name().equals(roleInput)) {
            keepAnAdmin(accountId);
        }
        AccountRow account = inScope(accountId, null);
        Errors errors = new Errors();
        Assignment assignment = assignment(roleInput, agencyInput, errors);
        errors.throwIfAny();
        AccountRow saved = rows.update(account.withRole(assignment.role(), assignment.agencyId()));
        if (saved.role() != account.role() || !java.util.Objects.equals(saved.agencyId(), account.agencyId())) {
            endSessions(saved);
        }
        announce(saved, false);
        return saved.account();
    }

    /**
     * Withdraws an invitation nobody has used yet: the account goes, and the invitation's link signs nobody in. An
     * agency does not withdraw the invitation of an account a network admin disabled (it could then invite the person
     * afresh, enabled).
     *
     * @param withinAgency the agency whose team the change is limited to (agency staff), or null (network admin)
     * @throws UnknownAccount    if there is no such account (in that agency)
     * @throws InvitationUsed    if the person has signed in with the invitation (meanwhile): an account, no invitation
     * @throws DisabledByNetwork if the agency withdraws the invitation of an account a network admin disabled
     */
    @Transactional
    public void withdrawInvitation(String accountId, @Nullable String withinAgency) {
        AccountRow account = inScope(accountId, withinAgency);
        if (account.bound()) {
            throw new InvitationUsed();
        }
        if (withinAgency != null && account.lockedByNetwork()) {
            throw new DisabledByNetwork();
        }
        announce(account, true);
        rows.delete(account);
    }

    /**
     * Ends every session the person began until now, as signing out does: the session check refuses a session that
     * began before {@code signed_out_at}. Without it a copy of a cookie from before a disabling (or a move) would work
     * again once the account is enabled again (or moved back), since the cookie's role and agency would match again.
     */
    private void endSessions(AccountRow account) {
        rows.signedOut(account.id(), clock.instant());
    }

    /** A role and, for staff and coaches, their agency, as a form chose them. */
    record Assignment(@Nullable Role role, @Nullable String agencyId) {
    }

    /**
     * The role and agency a form sent, checked: an unknown role, and a missing or an unknown agency for staff and
     * coaches (each with its own message), are added to {@code errors} (the role is then null).
     */
    Assignment assignment(@Nullable String roleInput, @Nullable String agencyInput, Errors errors) {
        Role role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(roleInput)).findFirst().orElse(null);
        if (role == null) {
            errors.add("role", "error.invite.role");
        }
        String agency = agencyInput == null || agencyInput.isBlank() ? null : agencyInput.strip();
        if (role != null && role.belongsToAgency()) {
            if (agency == null) {
                errors.add("agencyId", "error.invite.agency");
            } else if (!agencies.exists(agency)) {
                // one was given, but no agency has this id (removed meanwhile, an edited form): said so, not "missing"
                errors.add("agencyId", "error.invite.agency.unknown");
            }
        }
        return new Assignment(role, agency);
    }

    /**
     * Refuses a change that takes the account out of the network's active admins when it is the last one. The active
     * admins are locked first, in id order, so that two admins disabling or demoting each other at the same moment
     * take turns (the second sees the first's change) instead of leaving the network without anyone to run it — only
     * one's own account was refused before, each by itself.
     */
    private void keepAnAdmin(String accountId) {
        List<AccountRow> admins = rows.lockActiveOfRole(Role.NETWORK_ADMIN.name());
        if (admins.size() == 1 && admins.get(0).id().equals(accountId)) {
            throw new LastAdmin();
        }
    }

    private AccountRow inScope(String accountId, @Nullable String withinAgency) {
        return (accountId == null ? Optional.<AccountRow>empty() : rows.lockById(accountId))
            .filter(a -> a.id().equals(accountId)) // exactly this id (see find)
            .filter(a -> withinAgency == null || withinAgency.equals(a.agencyId()))
            .orElseThrow(UnknownAccount::new);
    }

    /** Tells the other modules (inside the transaction) and, after it, this replica's session check. */
    void announce(AccountRow account, boolean removed) {
        changed.publishEvent(new AccountChanged(account.id(), account.role(), account.agencyId(), account.isDisabled(),
            removed));
        states.forget(account.id());
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
            new io.micronaut.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    states.forget(account.id());
                }
            }));
    }

    /**
     * The account with exactly this id: the database finds an id with a trailing space (and, on MySQL/MariaDB, in
     * upper case) too, and the admin's pages then changed the account and built their redirect from the odd spelling
     * (a 500 after the change).
     */
    public Optional<Account> find(String id) {
        return id == null ? Optional.empty()
            : rows.findById(id).filter(a -> a.id().equals(id)).map(AccountRow::account);
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

    /** Everybody with this role, by email. */
    public List<Account> ofRole(Role role) {
        return rows.findByRoleOrderByEmail(role).stream().map(AccountRow::account).toList();
    }

    /** The people of an agency with this role, by name. */
    public List<Account> ofAgency(String agencyId, Role role) {
        return de.digitalcheck.portal.shared.i18n.NameOrder.sorted(
            rows.findByAgencyIdAndRole(agencyId, role).stream().map(AccountRow::account).toList(), Account::name);
    }

    /**
     * A person's new display name (e.g. a coach editing their profile), as a form checked it.
     *
     * @throws UnknownAccount if there is no such account
     */
    @Transactional
    public Account rename(String accountId, String name) {
        AccountRow account = rows.lockById(accountId).orElseThrow(UnknownAccount::new);
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
                add(person.email(), person.name(), person.role(), person.agencyId(), null, null, Language.DE);
                added++;
            }
        }
        return added;
    }

    /** A person to add: email (lower case), name, role and, for staff and coaches, their agency. */
    public record NewAccount(String email, String name, Role role, @Nullable String agencyId) {
    }

    /** Adds an account, invited in {@code language}, and announces it inside the caller's transaction. */
    AccountRow add(String email, String name, Role role, @Nullable String agencyId, @Nullable String issuer,
                   @Nullable String subject, Language language) {
        AccountRow row = rows.save(new AccountRow(UUID.randomUUID().toString(), email, name, role,
            role.belongsToAgency() ? agencyId : null, issuer, subject, clock.instant(),
            subject == null ? null : clock.instant(), null, language.code(), false));
        created.publishEvent(new AccountCreated(row.id(), row.role(), row.agencyId()));
        return row;
    }
}
