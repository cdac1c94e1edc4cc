package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** Invites people into the directory: one account per email; staff and coaches belong to an agency. */
@Singleton
public class Invitations {

    private final AccountRows rows;
    private final Accounts accounts;
    private final MailOutbox mailer;
    private final Messages messages;
    private final PortalSettings settings;

    Invitations(AccountRows rows, Accounts accounts, MailOutbox mailer, Messages messages,
                PortalSettings settings) {
        this.rows = rows;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Creates the account and mails the invitation (through the outbox, once the account is committed) in the
     * language chosen for the invitee ({@code languageInput}: {@code de} or {@code en}; none is German, the portal's
     * default), with the sign-in link opening the pages in it; the account keeps that language. The email and name
     * are as a form checked their shapes, finding {@code formErrors}; these are reported together with an email that
     * has an account already, a name with a web address ({@link TextRules#hasWebAddress}: the mail greets the invitee
     * by it), an unknown role, a missing or unknown agency and an unknown language.
     */
    @Transactional
    public Account invite(String emailInput, String nameInput, String roleInput, String agencyInput,
                          String languageInput, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        String email = emailInput == null ? "" : emailInput.strip().toLowerCase(Locale.ROOT);
        String name = nameInput == null ? "" : nameInput.strip();
        if (!errors.has("name")) {
            // the invitation mail greets the invitee by it, in the portal's name: no link in it
            TextRules.checkName(name, "name", errors);
        }
        if (!errors.has("email") && rows.findByEmail(email).isPresent()) {
            errors.add("email", "error.invite.exists");
        }
        Accounts.Assignment assignment = accounts.assignment(roleInput, agencyInput, errors);
        Language language = languageInput == null || languageInput.isBlank() ? Language.DE
            : Language.fromCode(languageInput).orElse(null);
        if (language == null) {
            errors.add("language", "error.invite.language");
        }
        errors.throwIfAny();
        Role role = assignment.role();
        Account account = accounts.add(email, name, role, assignment.agencyId(), null, null, language).account();
        mailer.send(new Mail(language, email, messages.get(language, "mail.invite.subject"),
            messages.get(language, "mail.invite.text", name, messages.get(language, "role." + role.name()),
                settings.link("/anmelden" + (language == Language.DE ? "" : "?lang=" + language.code())))));
        return account;
    }
}
