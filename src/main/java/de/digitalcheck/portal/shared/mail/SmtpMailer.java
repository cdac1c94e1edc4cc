package de.digitalcheck.portal.shared.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.StringBody;
import io.micronaut.email.BodyType;
import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Mail through the configured SMTP server (Micronaut Email, Jakarta Mail). */
@Singleton
@Requires(property = "portal.mail.mode", value = "smtp", defaultValue = "smtp")
class SmtpMailer implements Mailer {

    private static final String CONTENT_DISPOSITION = "Content-Disposition";

    private final EmailSender<Object, ?> sender;
    private final MailFooter footer;

    @SuppressWarnings("unchecked")
    SmtpMailer(EmailSender<?, ?> sender, MailFooter footer) {
        this.sender = (EmailSender<Object, ?>) sender;
        this.footer = footer;
    }

    @Override
    public void send(Mail unsigned) {
        Mail mail = footer.signed(unsigned);
        try {
            Email.Builder email = Email.builder().to(mail.to()).subject(mail.subject())
                .body(new StringBody(mail.text(), BodyType.TEXT));
            List<AttachmentName> names = new ArrayList<>();
            for (Mail.Attachment a : mail.attachments()) {
                AttachmentName name = AttachmentName.of(a.fileName());
                names.add(name);
                email.attachment(Attachment.builder().filename(name.ascii()).contentType(a.contentType())
                    .content(a.content()).build());
            }
            sender.send(email, message -> {
                languageOf(message, mail);
                named(message, names);
            });
        } catch (RuntimeException e) {
            throw new MailFailed("mail to " + mail.to() + " could not be sent", e);
        }
    }

    /** The mail's language as its {@code Content-Language} header (RFC 3282): the one its subject and text are in. */
    private static void languageOf(Object message, Mail mail) {
        if (message instanceof MimeMessage mime) {
            try {
                mime.setContentLanguage(new String[] {mail.language().code()});
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot set the mail's language", e);
            }
        }
    }

    /**
     * Gives each attachment the {@code Content-Disposition} a download of the same file gets ({@link
     * AttachmentName#contentDisposition}: the ASCII name and the name in its own spelling, RFC 2231), folded at its
     * parameters for the mail's line length; Micronaut Email names an attachment by one name only.
     */
    private static void named(Object message, List<AttachmentName> names) {
        if (names.isEmpty() || !(message instanceof MimeMessage mime)) {
            return;
        }
        try {
            if (!(mime.getContent() instanceof Multipart parts)) {
                return;
            }
            int next = 0;
            for (int i = 0; i < parts.getCount() && next < names.size(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    && names.get(next).ascii().equals(part.getFileName())) {
                    part.setHeader(CONTENT_DISPOSITION, MimeUtility.fold(CONTENT_DISPOSITION.length() + 2,
                        names.get(next++).contentDisposition()));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot name the attachments", e);
        }
    }
}
