package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails to a company's address that still wait in the outbox (a mail server that is away) are part of its data: the
 * export lists them, the erasure deletes them, so they are never sent (issue 11; SPEC §8). Mails to other addresses
 * stay. The dispatcher is off, so the mails wait.
 */
@MicronautTest(transactional = false)
@Property(name = "portal.mail.dispatch", value = "false")
class PendingMailPersonalDataIntegrationTest {

    @Inject
    MailOutbox outbox;
    @Inject
    OutboxRows rows;
    @Inject
    PersonalDataRequests requests;

    @Test
    void pendingMailsToTheAddressAreExportedAndErased() {
        outbox.send(new Mail(Language.DE, "Rita@Giesserei.example.org", "Ihr Bericht", "Guten Tag, Gießerei Rüdiger",
            List.of(new Mail.Attachment("bericht.pdf", "application/pdf", new byte[] {1, 2, 3}))));
        outbox.send(new Mail(Language.DE, "other@example.org", "Ihr Link", "Guten Tag"));
        long before = outbox.waiting();

        Map<String, Object> export = requests.export("rita@giesserei.example.org");
        assertThat(export).containsKey("pendingMails");
        List<?> pending = (List<?>) export.get("pendingMails");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).toString()).contains("Ihr Bericht", "Gießerei Rüdiger", "bericht.pdf")
            .doesNotContain("other@example.org");

        Map<String, Integer> erased = requests.erase("RITA@giesserei.example.org ");
        assertThat(erased).containsEntry("pendingMails", 1);
        assertThat(outbox.waiting()).isEqualTo(before - 1);
        assertThat(rows.findByAddress("rita@giesserei.example.org")).isEmpty();
        assertThat(rows.findByAddress("other@example.org")).as("other addresses keep their mail").hasSize(1);
        assertThat((List<?>) requests.export("rita@giesserei.example.org").get("pendingMails")).isEmpty();
    }

    /**
     * A coach's notice of a booking carries the company's contact; held in the outbox while the mail server is away, it
     * was still sent after the company had its data erased. The erasure now deletes the waiting mails that name the
     * address too — in any case, but not a longer address that contains it, and not mails that do not name it.
     */
    @Test
    void waitingMailsToOthersThatNameTheAddressAreErasedToo() {
        outbox.send(new Mail(Language.DE, "coach@wf-dortmund.example.org", "Neuer Termin am 03.12.2026: Erstgespräch",
            "Unternehmen: Pumpenbau Kern\nKontakt: Paula Kern, Paula.Kern@Pumpenbau.example.org, Telefon 0231 1"));
        outbox.send(new Mail(Language.DE, "coach@wf-dortmund.example.org", "Neuer Termin", "Kontakt: x, xpaula.kern@pumpenbau.example.org"));
        outbox.send(new Mail(Language.DE, "coach@wf-dortmund.example.org", "Neuer Termin", "Kontakt: y, paula.kern@pumpenbau.example.org.evil.test"));
        outbox.send(new Mail(Language.DE, "staff@wf-dortmund.example.org", "Neue Anfrage", "Pumpenbau Kern, Dortmund"));
        long before = outbox.waiting();

        Map<String, Integer> erased = requests.erase("paula.kern@pumpenbau.example.org");
        assertThat(erased).containsEntry("pendingMails", 1);
        assertThat(outbox.waiting()).isEqualTo(before - 1);
        assertThat(rows.findByAddress("coach@wf-dortmund.example.org")).as("the other notices stay").hasSize(2)
            .noneMatch(r -> r.body().contains("Paula Kern"));
        assertThat(rows.findByAddress("staff@wf-dortmund.example.org")).hasSize(1);
    }
}
