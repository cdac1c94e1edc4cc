package de.digitalcheck.portal.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person in the portal's directory: invited by email, bound to a provider subject at first sign-in. */
@MappedEntity("account")
public record Account(
    @Id String id,
    String email,
    String name,
    Role role,
    @Nullable String agencyId,
    @Nullable String issuer,
    @Nullable String subject,
    Instant invitedAt,
    @Nullable Instant signedInAt) {

    public boolean bound() {
        return subject != null;
    }

    public Account boundTo(String newIssuer, String newSubject, Instant now) {
        return new Account(id, email, name, role, agencyId, newIssuer, newSubject, invitedAt, now);
    }

    public Account signedIn(Instant now) {
        return new Account(id, email, name, role, agencyId, issuer, subject, invitedAt, now);
    }
}
