package de.digitalcheck.portal.report;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import de.digitalcheck.portal.shared.security.Tokens;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report mail's part of a company's data rights: the confirmations of its address (by the address's hash). */
@Singleton
class ReportMailPersonalData implements PersonalDataHolder {

    private final MailConfirmationRows confirmations;
    private final Messages messages;

    /** The sign-in that confirmed the address for every check. */
    static final String MAGIC_LINK_SIGN_IN = "magicLinkSignIn";
    /** The words of the codes the export carries ({@link Messages#codeText}): {@code prefix + code}. */
    static final String CONFIRMED_BY_WORDS = "company.export.confirmedBy.";
    static final String LANGUAGE_WORDS = "language.name.";

    ReportMailPersonalData(MailConfirmationRows confirmations, Messages messages) {
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @Override
    public String part() {
        return "reportMailConfirmations";
    }

    /**
     * A link asked for one check: the check, when it was asked for, until when it could be used, the language of the
     * report asked for (null: asked for before it was kept) and when it was used (null: not yet). The magic-link
     * sign-in's confirmation of the address for every check has no check, request, expiry or language of its own: only
     * what it means and when. Beside the codes, their words in {@code language} ({@code confirmedByText},
     * {@code languageText}).
     */
    @Override
    public List<Map<String, Object>> export(String email) {
        return export(email, Language.DE);
    }

    @Override
    public List<Map<String, Object>> export(String email, Language language) {
        return confirmations.findByEmailHash(Tokens.hash(email)).stream().map(c -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (c.assessmentId() == null) {
                doc.put("forAllChecks", true);
                doc.put("confirmedBy", MAGIC_LINK_SIGN_IN);
                doc.put("confirmedByText", messages.codeText(language, CONFIRMED_BY_WORDS, MAGIC_LINK_SIGN_IN));
            } else {
                doc.put("check", c.assessmentId());
                doc.put("requestedAt", c.createdAt().toString());
                doc.put("expiresAt", c.expiresAt().toString());
                doc.put("language", c.language());
                doc.put("languageText", messages.codeText(language, LANGUAGE_WORDS, c.language()));
            }
            doc.put("confirmedAt", c.confirmedAt() == null ? null : c.confirmedAt().toString());
            return doc;
        }).toList();
    }

    @Override
    public int erase(String email) {
        return confirmations.deleteByEmailHash(Tokens.hash(email));
    }
}
