package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code account}: a person in the portal's directory, invited by email, bound to a provider's subject at the
 * first sign-in. Other modules see it as {@link Account}, without issuer and subject. {@code language} is the one the
 * person was invited in ({@code de}, {@code en}). {@code disabledByNetwork} says that a network admin disabled the
 * account: only a network admin gives access back then, not the person's agency.
 */
@MappedEntity("account")
record AccountRow(
    @Id String id,
    String email,
    String name,
    Role role,
    @Nullable String agencyId,
    @Nullable String issuer,
    @Nullable String subject,
    Instant invitedAt,
    @Nullable Instant signedInAt,
    @Nullable Instant disabledAt,
    String language,
    boolean disabledByNetwork) {

    boolean bound() {
        return subject != null;
    }

    AccountRow boundTo(String newIssuer, String newSubject, Instant now) {
        return new AccountRow(id, email, name, role, agencyId, newIssuer, newSubject, invitedAt, now, disabledAt,
            language, disabledByNetwork);
    }

    AccountRow signedIn(Instant now) {
        return new AccountRow(id, email, name, role, agencyId, issuer, subject, invitedAt, now, disabledAt, language,
            disabledByNetwork);
    }

    AccountRow renamed(String newName) {
        return new AccountRow(id, email, newName, role, agencyId, issuer, subject, invitedAt, signedInAt, disabledAt,
            language, disabledByNetwork);
    }

    AccountRow withRole(Role newRole, @Nullable String newAgencyId) {
        return new AccountRow(id, email, name, newRole, newRole.belongsToAgency() ? newAgencyId : null, issuer, subject,
            invitedAt, signedInAt, disabledAt, language, disabledByNetwork);
    }

    /** Disabled since {@code at} (by the network or by the agency), or enabled ({@code at} null). */
    AccountRow disabled(@Nullable Instant at, boolean byNetwork) {
        return new AccountRow(id, email, name, role, agencyId, issuer, subject, invitedAt, signedInAt, at, language,
            at != null && byNetwork);
    }

    boolean isDisabled() {
        return disabledAt != null;
    }

    /** Disabled by a network admin: only a network admin enables it again or withdraws its invitation. */
    boolean lockedByNetwork() {
        return isDisabled() && disabledByNetwork;
    }

    Account account() {
        return new Account(id, email, name, role, agencyId, invitedAt, signedInAt, bound(), isDisabled(),
            lockedByNetwork(), Language.fromCode(language).orElse(Language.DE));
    }
}
