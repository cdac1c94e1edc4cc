package de.digitalcheck.portal.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A confirmation of an address for the report mail: the hash of the link's token, the check it was asked for
 * ({@code null}: every check of the address, confirmed by the magic-link sign-in), the hash of the normalised address,
 * when it was confirmed, the language the report was asked for in ({@code null}: the sign-in's, which asks for no
 * report, and links asked for before it was kept), and the check's private token sealed with the link's code
 * ({@link SealedCheckToken}; {@code null}: the sign-in's, a link already used, and links asked for before it was kept,
 * which are not valid).
 */
@MappedEntity("report_mail_confirmation")
record MailConfirmationRow(@Id String tokenHash, @Nullable String assessmentId, String emailHash, Instant createdAt,
                           Instant expiresAt, @Nullable Instant confirmedAt,
                           @Nullable String language, @Nullable String sealedToken) {
}
