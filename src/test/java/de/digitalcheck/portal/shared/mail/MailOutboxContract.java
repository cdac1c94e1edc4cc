package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail outbox against a real SMTP server (GreenMail) and the database: mail goes out only after its transaction
 * committed, waits while the server is away and goes out when it is back, and is sent once by parallel dispatchers.
 * Run against H2 and MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailOutboxContract implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    MailOutbox outbox;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    OutboxRows rows;

    Database db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(smtp.portalProperties());
        // the test dispatches itself, besides the wake-up after each commit
        properties.put("portal.mail.dispatch-interval", "1h");
        return properties;
    }

    @BeforeEach
    void setUp() {
        db = new Database(dataSource);
        smtp.start();
        outbox.dispatchDue();
        smtp.purge();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @Test
    void mailGoesOutAfterItsTransactionCommittedAndNeverForOneRolledBack() throws Exception {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.send(new Mail(Language.DE, "rolled-back@example.org", "Nie", "Diese Mail darf es nicht geben."));
            throw new IllegalStateException("the change fails after the mail was asked for");
        })).isInstanceOf(IllegalStateException.class);
        transactions.executeWrite(status -> {
            outbox.send(new Mail(Language.DE, "committed@example.org", "Eingeladen", "Willkommen – mit Umlauten: äöüß."));
            assertThat(smtp.greenMail().waitForIncomingEmail(300, 1)).as("nothing before the commit").isFalse();
            return null;
        });
        MimeMessage mail = smtp.lastMailTo("committed@example.org");
        assertThat(mail.getSubject()).isEqualTo("Eingeladen");
        assertThat(Mails.text(mail)).contains("Willkommen – mit Umlauten: äöüß.");
        assertThat(smtp.greenMail().waitForIncomingEmail(500, 2)).as("the rolled-back mail never comes").isFalse();
        assertThat(db.count("mail_outbox")).as("sent mail leaves the outbox").isZero();
    }

    @Test
    void mailWaitsWhileTheServerIsAwayAndGoesOutWhenItIsBack() throws Exception {
        smtp.stop();
        byte[] pdf = "%PDF-1.7 a report".getBytes();
        outbox.send(new Mail(Language.DE, "waiting@example.org", "Ihr Bericht", "Im Anhang.",
            List.of(new Mail.Attachment("bericht.pdf", "application/pdf", pdf))));
        outbox.awaitWakeUps();
        assertThat(outbox.dispatchDue()).isZero();
        List<Map<String, Object>> rows = db.rows("SELECT attempts, last_error FROM mail_outbox");
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.get(0).get("attempts")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat((String) rows.get(0).get("last_error")).isNotBlank().doesNotContain("waiting@example.org");
        assertThat(outbox.dispatchDue()).as("not due again before its back-off").isZero();

        smtp.start();
        db.execute("UPDATE mail_outbox SET next_attempt_at = created_at");
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        MimeMessage mail = smtp.lastMailTo("waiting@example.org");
        Multipart parts = (Multipart) mail.getContent();
        BodyPart attachment = parts.getBodyPart(parts.getCount() - 1);
        assertThat(attachment.getFileName()).isEqualTo("bericht.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(db.count("mail_outbox")).isZero();
    }

    /**
     * An attachment's name with umlauts goes through the outbox and reaches the recipient in its spelling, with the
     * ASCII name beside it, as a download is named (the report once came by mail under its ASCII name only).
     */
    @Test
    void anAttachmentKeepsItsNameWithUmlautsAndHasAnAsciiName() throws Exception {
        outbox.send(new Mail(Language.DE, "umlaut@example.org", "Ihr Bericht", "Im Anhang.",
            List.of(new Mail.Attachment("digitalcheck-Gießerei-Rüdiger-2026-11-26.pdf", "application/pdf",
                "%PDF-1.7".getBytes()))));
        outbox.awaitWakeUps();
        outbox.dispatchDue();
        MimeMessage mail = smtp.lastMailTo("umlaut@example.org");
        Multipart parts = (Multipart) mail.getContent();
        BodyPart attachment = parts.getBodyPart(parts.getCount() - 1);
        assertThat(attachment.getFileName()).isEqualTo("digitalcheck-Gießerei-Rüdiger-2026-11-26.pdf");
        assertThat(jakarta.mail.internet.MimeUtility.unfold(attachment.getHeader("Content-Disposition")[0]))
            .isEqualTo("attachment; filename=\"digitalcheck-giesserei-ruediger-2026-11-26.pdf\"; "
                + "filename*=UTF-8''digitalcheck-Gie%C3%9Ferei-R%C3%BCdiger-2026-11-26.pdf");
    }

    /**
     * Every mail carries the language its text is written in as {@code Content-Language}, through the outbox's column,
     * with or without an attachment; a row queued before the column existed is German (the column's default).
     */
    @Test
    void eachMailSaysItsLanguage() throws Exception {
        outbox.send(new Mail(Language.EN, "english@example.org", "Your report", "Attached is your report.",
            List.of(new Mail.Attachment("report.pdf", "application/pdf", "%PDF-1.7".getBytes()))));
        outbox.send(new Mail(Language.DE, "deutsch@example.org", "Ihr Bericht", "Im Anhang finden Sie den Bericht."));
        outbox.awaitWakeUps();
        outbox.dispatchDue();
        MimeMessage english = smtp.lastMailTo("english@example.org");
        assertThat(english.getContentLanguage()).containsExactly("en");
        assertThat(Mails.text(english)).contains("Attached is your report.");
        MimeMessage german = smtp.lastMailTo("deutsch@example.org");
        assertThat(german.getContentLanguage()).containsExactly("de");
        assertThat(Mails.text(german)).contains("Im Anhang finden Sie den Bericht.");

        // a mail written before the column: no language given, so the column's default
        smtp.purge();
        db.execute("INSERT INTO mail_outbox (id, recipient, subject, body, created_at, attempts, next_attempt_at) "
            + "VALUES ('00000000-0000-0000-0000-0000000a1a00', 'alt@example.org', 'Alt', 'Eine alte Mail.', "
            + "CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP)");
        assertThat(db.rows("SELECT language FROM mail_outbox").get(0).values()).containsExactly("de");
        db.execute("UPDATE mail_outbox SET next_attempt_at = '2000-01-01 00:00:00'");
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(smtp.lastMailTo("alt@example.org").getContentLanguage()).containsExactly("de");
    }

    @Test
    void parallelDispatchersSendEachMailOnce() throws Exception {
        smtp.stop();
        int mails = 30;
        for (int i = 0; i < mails; i++) {
            outbox.send(new Mail(Language.DE, "many" + i + "@example.org", "Mail " + i, "Text " + i));
        }
        outbox.awaitWakeUps();
        smtp.start();
        db.execute("UPDATE mail_outbox SET next_attempt_at = created_at");
        int dispatchers = 4;
        CyclicBarrier start = new CyclicBarrier(dispatchers);
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < dispatchers; i++) {
                // separate instances' view of the table: each run claims by the conditional update only
                runs.add(pool.submit(() -> {
                    start.await();
                    return outbox.dispatchDueUnsynchronised();
                }));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertThat(sent).isEqualTo(mails);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] received = smtp.awaitMails(mails);
        assertThat(smtp.greenMail().waitForIncomingEmail(500, mails + 1)).as("no mail twice").isFalse();
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count()).isEqualTo(mails);
        assertThat(db.count("mail_outbox")).isZero();
    }

    @Test
    void aMailIsDueTheMomentItIsWrittenWhateverTheDatabaseDoesWithSubMilliseconds() {
        // the column keeps milliseconds: a database that rounds .1236 up to .124 would hide the mail from a
        // dispatcher asking at .1237 — the wake-up right after a commit — until the next scheduled run
        java.time.Instant written = java.time.Instant.parse("2026-11-30T12:00:00.123600Z");
        OutboxRow row = OutboxRow.of("00000000-0000-0000-0000-00000000d0e1", new Mail(Language.DE, "due@example.org", "Fällig", "Text"),
            written);
        transactions.executeWrite(status -> rows.save(row));
        try {
            assertThat(rows.findDue(java.time.Instant.parse("2026-11-30T12:00:00.123700Z"), 100)).contains(row.id());
        } finally {
            transactions.executeWrite(status -> {
                rows.deleteById(row.id());
                return null;
            });
        }
    }
}
