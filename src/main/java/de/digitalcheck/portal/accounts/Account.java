package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A person in the portal's directory as other modules see them.
 *
 * @param agencyId the agency of staff and coaches; {@code null} for network admins
 * @param bound    whether the person has signed in (their account is bound to a sign-in provider's subject)
 * @param disabled whether the account is disabled (cannot sign in; a session ends at its next request)
 * @param disabledByNetwork whether a network admin disabled it (only a network admin enables it again)
 * @param language the language the person was invited in, which the portal's mails to them use
 */
public record Account(String id, String email, String name, Role role, @Nullable String agencyId, Instant invitedAt,
                      @Nullable Instant signedInAt, boolean bound, boolean disabled, boolean disabledByNetwork,
                      Language language) {
}
