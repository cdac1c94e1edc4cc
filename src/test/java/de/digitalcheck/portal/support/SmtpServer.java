package de.digitalcheck.portal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    public MimeMessage[] awaitMailsTo(String... addresses) {
        Set<String> missing = new HashSet<>();
        for (String address : addresses) {
            missing.add(address.toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < 100 && !missing.isEmpty(); i++) {
            for (MimeMessage m : mail.getReceivedMessages()) {
                missing.removeAll(recipients(m));
            }
            if (!missing.isEmpty()) {
                pause();
            }
        }
        assertThat(missing).as("mails to " + List.of(addresses)).isEmpty();
        return mail.getReceivedMessages();
    }

    /**
     * Waits (at most 5 s) for a mail to {@code address} and returns the last one received for it: the mail a test's
     * own action sent, which a late mail of an earlier test to someone else cannot be taken for.
     */
    public MimeMessage lastMailTo(String address) {
        MimeMessage last = null;
        for (MimeMessage m : awaitMailsTo(address)) {
            if (recipients(m).contains(address.toLowerCase(Locale.ROOT))) {
                last = m;
            }
        }
        return last;
    }

    /**
     * Waits (at most 5 s) for a mail to {@code address} that {@code match} accepts and returns the last such mail;
     * fails with {@code what} otherwise.
     */
    public MimeMessage awaitMailTo(String address, String what, java.util.function.Predicate<MimeMessage> match) {
        for (int i = 0; i < 100; i++) {
            MimeMessage last = null;
            for (MimeMessage m : receivedFor(address)) {
                if (match.test(m)) {
                    last = m;
                }
            }
            if (last != null) {
                return last;
            }
            pause();
        }
        throw new AssertionError("no mail to " + address + ": " + what);
    }

    /** The mails received for {@code address} so far (without waiting). */
    public List<MimeMessage> receivedFor(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (recipients(m).contains(address.toLowerCase(Locale.ROOT))) {
                mails.add(m);
            }
        }
        return mails;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        }
    }

    /** The addresses (lower case, without display names) a mail went to. */
    static Set<String> recipients(MimeMessage m) {
        Set<String> addresses = new HashSet<>();
        try {
            Address[] all = m.getAllRecipients();
            for (Address a : all == null ? new Address[0] : all) {
                String address = a instanceof InternetAddress i ? i.getAddress() : a.toString();
                addresses.add(address.toLowerCase(Locale.ROOT));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return addresses;
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
