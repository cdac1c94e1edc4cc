package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.Mailer;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Invites people into the directory: one account per email; staff and coaches belong to an agency. */
@Singleton
public class Invitations {


    private final AccountRows rows;
    private final Accounts accounts;
    private final Agencies agencies;
    private final Mailer mailer;
    private final Messages messages;
    private final PortalSettings settings;

    Invitations(AccountRows rows, Accounts accounts, Agencies agencies, Mailer mailer, Messages messages,
                PortalSettings settings) {
        this.rows = rows;
        this.accounts = accounts;
        this.agencies = agencies;
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Creates the account and mails the invitation, in one transaction: if the mail cannot be handed over,
     * no account is left behind ({@link Mailer.MailFailed}).
     */
    @Transactional
    public Account invite(String emailInput, String nameInput, String roleInput, String agencyInput) {
        Errors errors = new Errors();
        String email = emailInput == null ? "" : emailInput.strip().toLowerCase(Locale.ROOT);
        String name = Accounts.checkName(nameInput, errors);
        if (email.isEmpty()) {
            errors.add("email", "error.required");
        } else if (!Formats.isEmail(email)) {
            errors.add("email", "error.email.format");
        } else if (rows.findByEmail(email).isPresent()) {
            errors.add("email", "error.invite.exists");
        }
        Role role = null;
        try {
            role = Role.valueOf(roleInput == null ? "" : roleInput);
        } catch (IllegalArgumentException e) {
            errors.add("role", "error.invite.role");
        }
        String agency = agencyInput == null || agencyInput.isBlank() ? null : agencyInput.strip();
        if (role != null && role.belongsToAgency() && (agency == null || !agencies.exists(agency))) {
            errors.add("agencyId", "error.invite.agency");
        }
        errors.throwIfAny();
        Account account = accounts.add(email, name, role, agency, null, null).account();
        String roleName = messages.get(Language.DE, "role." + role.name());
        mailer.send(new Mail(email, messages.get(Language.DE, "mail.invite.subject"),
            messages.get(Language.DE, "mail.invite.text", name, roleName, settings.link("/anmelden"))
                + "\n\n---\n\n"
                + messages.get(Language.EN, "mail.invite.text", name, messages.get(Language.EN, "role." + role.name()),
                    settings.link("/anmelden?lang=en"))));
        return account;
    }
}
