package de.digitalcheck.portal.shared.mail;

/** Sends mail: through SMTP in production and tests, into the dev mailbox in the embedded default. */
public interface Mailer {

    /** @throws MailFailed when the mail could not be handed over */
    void send(Mail mail);

    /** A mail that could not be handed over. */
    class MailFailed extends RuntimeException {
        public MailFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
