package de.digitalcheck.portal.accounts.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A magic link: its token's hash, the email it was sent to, and whether it was used. */
@MappedEntity("company_link")
record CompanyLink(@Id String tokenHash, String email, Instant createdAt, Instant expiresAt, @Nullable Instant usedAt) {
}
