package de.digitalcheck.portal.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the plain text of a received mail, whatever its MIME structure, and tells whether it carries a PDF. */
public final class Mails {

    private Mails() {
    }

    public static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    all.append(text(body));
                }
                return all.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /** Whether the mail (or a part of it) carries an attachment of type {@code application/pdf}. */
    public static boolean hasPdf(Part part) {
        try {
            if (part.isMimeType("application/pdf")) {
                return true;
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (hasPdf(multipart.getBodyPart(i))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
