package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;

import java.util.List;
import java.util.Objects;

/**
 * A plain-text email to one person in one language, optionally with attachments. The language is the one its subject
 * and text are written in: the mailer sends it as the {@code Content-Language} header, so that a mail program or a
 * screen reader reads the text in it. Whatever text went into it, the subject is one line (a line break or other
 * control character becomes a space: no text can add a header) and the text holds no control characters but line
 * breaks and tabs.
 */
public record Mail(Language language, String to, String subject, String text, List<Attachment> attachments) {

    public Mail {
        Objects.requireNonNull(language, "a mail's language");
        subject = subject == null ? null : oneLine(subject);
        text = text == null ? null : text.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
        attachments = List.copyOf(attachments);
    }

    /** The text on one line: each run of control characters and line or paragraph separators is one space. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ");
    }

    public Mail(Language language, String to, String subject, String text) {
        this(language, to, subject, text, List.of());
    }

    /**
     * A file sent along, e.g. the PDF report. {@code fileName} is the name as the recipient should see it (with a
     * company's umlauts); the mailer sends it with an ASCII name beside it ({@link
     * AttachmentName}), as a download of the same file is named.
     */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
