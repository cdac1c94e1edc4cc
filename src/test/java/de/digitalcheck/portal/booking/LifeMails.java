package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.SmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mails of an appointment's life as GreenMail received them: by recipient, their text and invitation. */
record LifeMails(SmtpServer smtp) {

    List<MimeMessage> to(String email) {
        return Arrays.stream(smtp.received()).filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
    }

    /** Waits (at most 10 s) until {@code email} has {@code count} mails; fails if it has more or fewer then. */
    List<MimeMessage> await(String email, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (to(email).size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(to(email)).hasSize(count);
        return to(email);
    }

    /** Whether a mail to {@code email} with {@code text} arrives within 10 s. */
    boolean awaitText(String email, String text) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : to(email)) {
                if (text(m).contains(text)) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String plain) {
            return plain;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) inner.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no text part");
    }

    /** The mail's {@code text/calendar} part, or null when it has none. */
    static BodyPart calendarPart(MimeMessage m) throws Exception {
        if (!(m.getContent() instanceof Multipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                return part;
            }
        }
        return null;
    }

    static String ics(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Calendar calendar(MimeMessage m) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics(calendarPart(m))));
    }
}
