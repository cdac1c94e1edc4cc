package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail the portal sends ends, after the signature delimiter, with who sends it (the operator with address,
 * register entry and representative) and the addresses of the imprint and the privacy notice, in the mail's language:
 * through a real SMTP server (GreenMail) and into the development mailbox alike. Without the operator's details only the
 * two addresses; the text above the footer is the mail's own.
 */
class MailFooterIntegrationTest {

    @Test
    void aSentMailNamesTheOperatorAndLinksTheImprintAndThePrivacyNotice() throws Exception {
        SmtpServer smtp = new SmtpServer();
        Map<String, Object> properties = new HashMap<>(smtp.portalProperties());
        properties.put("portal.base-url", "https://digitalcheck.unna.example.org");
        properties.put("portal.operator.name", "Wirtschaftsförderungsgesellschaft für den Kreis Unna mbH");
        properties.put("portal.operator.address", "Friedrich-Ebert-Straße 19; 59425 Unna");
        properties.put("portal.operator.register", "Amtsgericht Hamm, HRB 0000");
        properties.put("portal.operator.representative", "die Geschäftsführung");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            Mailer mailer = context.getBean(Mailer.class);
            mailer.send(new Mail(Language.DE, "firma@unna.example.org", "Betreff", "Guten Tag,\n\nText.\n\n"));
            MimeMessage german = smtp.lastMailTo("firma@unna.example.org");
            List<String> lines = Mails.text(german).lines().toList();
            assertThat(lines).containsSubsequence("Guten Tag,", "Text.", "", "-- ",
                "Wirtschaftsförderungsgesellschaft für den Kreis Unna mbH", "Friedrich-Ebert-Straße 19, 59425 Unna",
                "Amtsgericht Hamm, HRB 0000", "Vertreten durch: die Geschäftsführung",
                "Impressum: https://digitalcheck.unna.example.org/impressum",
                "Datenschutz: https://digitalcheck.unna.example.org/datenschutz");
            assertThat(lines.indexOf("-- ")).as("one blank line between the text and the footer")
                .isEqualTo(lines.indexOf("Text.") + 2);

            smtp.purge();
            mailer.send(new Mail(Language.EN, "firm@unna.example.org", "Subject", "Hello"));
            String english = Mails.text(smtp.lastMailTo("firm@unna.example.org")).replace("\r\n", "\n");
            assertThat(english).contains("Hello\n\n-- \n", "Represented by: die Geschäftsführung",
                "Imprint: https://digitalcheck.unna.example.org/impressum",
                "Privacy notice: https://digitalcheck.unna.example.org/datenschutz").doesNotContain("Impressum:");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void withoutTheOperatorsDetailsTheMailboxGetsTheTwoAddressesOnly() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("portal.mail.mode", "mailbox",
            "portal.base-url", "https://digitalcheck.example.org"), "test")) {
            context.getBean(Mailer.class).send(new Mail(Language.DE, "a@example.org", "Betreff", "Text"));
            String text = context.getBean(DevMailbox.class).newestFirst().get(0).mail().text();
            assertThat(text).isEqualTo("Text\n\n-- \nImpressum: https://digitalcheck.example.org/impressum\n"
                + "Datenschutz: https://digitalcheck.example.org/datenschutz");
        }
    }
}
