package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code api_token}: a personal access token of an agency's staff member, by the hash of its secret;
 * {@code formKey}: the key of the form that made it (one token per form post, see {@link AccessTokens#create});
 * {@code tokenAccess}: what it may do ({@link AccessTokens#READ} or {@link AccessTokens#CHANGE}).
 */
@MappedEntity("api_token")
public record ApiTokenRow(@Id String id, String tokenHash, String agencyId, String accountId, String accountName,
                          String name, Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt,
                          @Nullable Instant revokedAt, @Nullable String formKey, String tokenAccess) {

    /** Whether the token still opens the API at {@code now} (the account's own state is checked apart). */
    public boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Whether the token may change leads, not only read them. */
    public boolean mayChange() {
        return AccessTokens.CHANGE.equals(tokenAccess);
    }

    /** {@code active}, {@code revoked} or {@code expired}: as the workspace shows it. */
    public String state(Instant now) {
        return revokedAt != null ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    }
}
