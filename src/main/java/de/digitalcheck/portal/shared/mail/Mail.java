package de.digitalcheck.portal.shared.mail;

import java.util.List;

/** A plain-text email to one person, optionally with attachments. */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

    public Mail {
        attachments = List.copyOf(attachments);
    }

    public Mail(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    /** A file sent along, e.g. the PDF report. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
