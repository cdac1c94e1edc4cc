package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.shared.config.OperatorDetails;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Messages;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The footer under every mail the portal sends, after the signature delimiter ({@code "-- "}): who sends it (the
 * installation's operator with its address, register entry and representative, as a business letter of a company
 * must name them) and where its imprint and privacy notice are. Without the operator's details only the two links.
 */
@Singleton
class MailFooter {

    private final OperatorDetails operator;
    private final PortalSettings settings;
    private final Messages messages;

    MailFooter(OperatorDetails operator, PortalSettings settings, Messages messages) {
        this.operator = operator;
        this.settings = settings;
        this.messages = messages;
    }

    /** The mail with the footer under its text. */
    Mail signed(Mail mail) {
        List<String> lines = new ArrayList<>();
        if (operator.configured()) {
            lines.add(operator.name());
            if (!operator.addressLines().isEmpty()) {
                lines.add(String.join(", ", operator.addressLines()));
            }
            if (operator.register() != null) {
                lines.add(operator.register());
            }
            if (operator.representative() != null) {
                lines.add(messages.get(mail.language(), "imprint.representative", operator.representative()));
            }
        }
        lines.add(messages.get(mail.language(), "mail.footer.imprint", settings.link("/impressum")));
        lines.add(messages.get(mail.language(), "mail.footer.privacy", settings.link("/datenschutz")));
        String text = (mail.text() == null ? "" : mail.text().stripTrailing()) + "\n\n-- \n" + String.join("\n", lines);
        return new Mail(mail.language(), mail.to(), mail.subject(), text, mail.attachments());
    }
}
