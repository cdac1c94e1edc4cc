package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;

/** A mail waiting in the outbox (see {@link MailOutbox}). */
@MappedEntity("mail_outbox")
record OutboxRow(@Id String id, String recipient, String subject, String body, @Nullable String attachmentName,
                 @Nullable String attachmentType, @Nullable byte[] attachment, Instant createdAt, int attempts,
                 Instant nextAttemptAt, @Nullable Instant claimedUntil, @Nullable String lastError, String language) {

    /**
     * A new row, due at once. Its times are cut to milliseconds, the column's precision: the database would round
     * them, possibly up, and a dispatcher asking within that half millisecond would not find the mail due.
     */
    static OutboxRow of(String id, Mail mail, Instant instant) {
        Instant now = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (mail.attachments().size() > 1) {
            throw new IllegalArgumentException("the outbox carries at most one attachment");
        }
        Mail.Attachment a = mail.attachments().isEmpty() ? null : mail.attachments().get(0);
        return new OutboxRow(id, mail.to(), mail.subject(), mail.text(), a == null ? null : a.fileName(),
            a == null ? null : a.contentType(), a == null ? null : a.content(), now, 0, now, null, null,
            mail.language().code());
    }

    Mail mail() {
        return new Mail(Language.fromCode(language).orElse(Language.DE), recipient, subject, body,
            attachment == null ? List.of()
            : List.of(new Mail.Attachment(attachmentName, attachmentType, attachment)));
    }
}
