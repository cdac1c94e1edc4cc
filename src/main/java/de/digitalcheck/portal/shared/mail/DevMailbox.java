package de.digitalcheck.portal.shared.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The embedded default's mailbox: mail is kept in memory and shown at {@code /dev/mailbox}, never sent. */
@Singleton
@Requires(property = "portal.mail.mode", value = "mailbox")
public class DevMailbox implements Mailer {

    private static final int KEEP = 200;

    /** A mail as received, with the time it was sent. */
    public record Received(Instant at, Mail mail) {
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Clock clock;
    private final MailFooter footer;

    DevMailbox(Clock clock, MailFooter footer) {
        this.clock = clock;
        this.footer = footer;
    }

    /** Keeps the mail as the mail server would get it (with its footer). */
    @Override
    public void send(Mail mail) {
        received.add(0, new Received(clock.instant(), footer.signed(mail)));
        if (received.size() > KEEP) {
            received.remove(received.size() - 1);
        }
    }

    public List<Received> newestFirst() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
