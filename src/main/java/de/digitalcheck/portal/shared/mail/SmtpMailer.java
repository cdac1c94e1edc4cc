package de.digitalcheck.portal.shared.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.StringBody;
import io.micronaut.email.BodyType;
import jakarta.inject.Singleton;

/** Mail through the configured SMTP server (Micronaut Email, Jakarta Mail). */
@Singleton
@Requires(property = "portal.mail.mode", value = "smtp", defaultValue = "smtp")
class SmtpMailer implements Mailer {

    private final EmailSender<?, ?> sender;

    SmtpMailer(EmailSender<?, ?> sender) {
        this.sender = sender;
    }

    @Override
    public void send(Mail mail) {
        try {
            Email.Builder email = Email.builder().to(mail.to()).subject(mail.subject())
                .body(new StringBody(mail.text(), BodyType.TEXT));
            for (Mail.Attachment a : mail.attachments()) {
                email.attachment(Attachment.builder().filename(a.fileName()).contentType(a.contentType())
                    .content(a.content()).build());
            }
            sender.send(email);
        } catch (RuntimeException e) {
            throw new MailFailed("mail to " + mail.to() + " could not be sent", e);
        }
    }
}
