package de.digitalcheck.portal.report;

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

    ReportMailPersonalData(MailConfirmationRows confirmations) {
        this.confirmations = confirmations;
    }

    @Override
    public String part() {
        return "reportMailConfirmations";
    }

    /**
     * A link asked for one check: the check, when it was asked for, until when it could be used, the language of the
     * report asked for (null: asked for before it was kept) and when it was used (null: not yet). The magic-link
     * sign-in's confirmation of the address for every check has no check, request, expiry or language of its own: only
     * what it means and when.
     */
    @Override
    public List<Map<String, Object>> export(String email) {
        return confirmations.findByEmailHash(Tokens.hash(email)).stream().map(c -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (c.assessmentId() == null) {
                doc.put("forAllChecks", true);
                doc.put("confirmedBy", "magicLinkSignIn");
            } else {
                doc.put("check", c.assessmentId());
                doc.put("requestedAt", c.createdAt().toString());
                doc.put("expiresAt", c.expiresAt().toString());
                doc.put("language", c.language());
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
