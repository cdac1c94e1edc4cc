package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.core.annotation.Nullable;

/**
 * A person was added to the directory (invited, added by a mapped group at sign-in, or as demo user). Published inside
 * the transaction that adds them, so that a module keeping data per person (e.g. a coach's calendar) adds its row
 * in that transaction.
 */
public record AccountCreated(String accountId, Role role, @Nullable String agencyId) {
}
