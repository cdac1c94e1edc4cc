package de.digitalcheck.portal.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the plain text of a received mail, whatever its MIME structure. */
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
}
