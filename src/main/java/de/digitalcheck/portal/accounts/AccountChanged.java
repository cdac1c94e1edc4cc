package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.core.annotation.Nullable;

/**
 * A person's role, agency or state changed, or an invitation was withdrawn ({@code removed}: the account is gone).
 * Published inside the transaction that changes the directory, so that a module keeping data per person (a coach's
 * row) follows in that transaction.
 */
public record AccountChanged(String accountId, Role role, @Nullable String agencyId, boolean disabled, boolean removed) {
}
