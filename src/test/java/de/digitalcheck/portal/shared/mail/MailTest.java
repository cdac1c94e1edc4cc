package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.i18n.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTest {

    @Test
    void noSubjectCarriesALineBreakAndNoTextAControlCharacter() {
        Mail mail = new Mail(Language.DE, "a@example.org", "Neue Anfrage: Evil\r\nSubject: pwned\u0000\u2028x", "Firma A\u0000B\r\nZeile\tTab");
        assertThat(mail.subject()).isEqualTo("Neue Anfrage: Evil Subject: pwned x").doesNotContain("\r", "\n");
        assertThat(mail.text()).isEqualTo("Firma AB\r\nZeile\tTab");
    }
}
