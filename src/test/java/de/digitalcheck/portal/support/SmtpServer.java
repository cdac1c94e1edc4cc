package de.digitalcheck.portal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server for a test class (GreenMail on a free local port that stays the same, so that it can be stopped
 * and started again where the portal expects it) and the portal properties that send mail to it.
 */
public final class SmtpServer {

    private final int port = freePort();
    private final GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** Starts the server (if it is not running) and returns the properties that point the portal at it. */
    public Map<String, String> portalProperties() {
        start();
        return portalAddress();
    }

    /** The properties that point the portal at this server's address, without starting it. */
    public Map<String, String> portalAddress() {
        return Map.of("javamail.properties.mail.smtp.host", "127.0.0.1",
            "javamail.properties.mail.smtp.port", String.valueOf(port));
    }

    public void start() {
        if (!mail.isRunning()) {
            mail.start();
        }
    }

    public void stop() {
        mail.stop();
    }

    public void purge() {
        try {
            mail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most 5 s) until {@code count} mails have arrived; fails otherwise. */
    public MimeMessage[] awaitMails(int count) {
        assertThat(mail.waitForIncomingEmail(5000, count)).as(count + " mail(s) arrived").isTrue();
        return mail.getReceivedMessages();
    }

    /**
     * Waits (at most 5 s) until a mail to each of these addresses has arrived (a mail of an earlier test sent late
     * cannot stand in for one of them, as it can in a count); fails otherwise. Returns every mail received.
     */
    public MimeMessage[] awaitMailsTo(String... addresses) throws InterruptedException {
        java.util.Set<String> missing = new java.util.HashSet<>(java.util.List.of(addresses));
        for (int i = 0; i < 100 && !missing.isEmpty(); i++) {
            for (MimeMessage m : mail.getReceivedMessages()) {
                try {
                    for (jakarta.mail.Address a : m.getAllRecipients()) {
                        missing.remove(a.toString());
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(missing).as("mails to " + java.util.List.of(addresses)).isEmpty();
        return mail.getReceivedMessages();
    }

    /** The last mail received, after waiting for at least one. */
    public MimeMessage lastMail() {
        MimeMessage[] all = awaitMails(1);
        return all[all.length - 1];
    }

    public MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    public GreenMail greenMail() {
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
