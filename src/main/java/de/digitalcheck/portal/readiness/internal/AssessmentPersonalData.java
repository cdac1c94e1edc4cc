package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-checks' part of a company's data rights: every stored value of its checks, and their erasure. Beside each
 * code, its words in the export's language, for people: {@code statusText}, {@code languageText}, the company's
 * {@code sectorText} and {@code companyTypeText}; a code without words reads "Sonstiger Wert".
 */
@Singleton
class AssessmentPersonalData implements PersonalDataHolder {

    private final SelfCheck selfCheck;
    private final Messages messages;

    /** The words of the codes the export carries ({@link Messages#codeText}): {@code prefix + code}. */
    static final String STATUS_WORDS = "check.status.";
    static final String SECTOR_WORDS = "sector.";
    static final String COMPANY_TYPE_WORDS = "profile.companyType.";
    static final String LANGUAGE_WORDS = "language.name.";

    AssessmentPersonalData(SelfCheck selfCheck, Messages messages) {
        this.selfCheck = selfCheck;
        this.messages = messages;
    }

    @Override
    public String part() {
        return "checks";
    }

    @Override
    public List<Map<String, Object>> export(String email) {
        return export(email, Language.DE);
    }

    @Override
    public List<Map<String, Object>> export(String email, Language language) {
        return selfCheck.ofContact(email).stream().map(a -> document(a, language)).toList();
    }

    private Map<String, Object> document(AssessmentRow a, Language language) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("status", a.status().name().toLowerCase(Locale.ROOT));
        doc.put("statusText", messages.codeText(language, STATUS_WORDS, a.status()));
        doc.put("questionnaireVersion", a.questionnaireVersion());
        doc.put("language", a.language());
        doc.put("languageText", messages.codeText(language, LANGUAGE_WORDS, a.language()));
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", a.company().name());
        company.put("postalCode", a.company().postalCode());
        company.put("ags", a.company().ags());
        company.put("municipality", a.company().municipality());
        company.put("sector", a.company().sector());
        company.put("sectorText", messages.codeText(language, SECTOR_WORDS, a.company().sector()));
        company.put("employees", a.company().employees());
        company.put("companyType", a.company().type().name());
        company.put("companyTypeText", messages.codeText(language, COMPANY_TYPE_WORDS, a.company().type()));
        doc.put("company", company);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", a.contact().name());
        contact.put("email", a.contact().email());
        contact.put("phone", a.contact().phone());
        doc.put("contact", contact);
        doc.put("answers", selfCheck.storedAnswers(a));
        doc.put("score", a.result().score());
        doc.put("level", a.result().level());
        Map<String, Object> levels = new LinkedHashMap<>();
        Questionnaire.DIMENSION_IDS.forEach(d -> levels.put(d, a.result().levelOf(d)));
        doc.put("dimensionLevels", levels);
        doc.put("agencyId", a.agencyId());
        doc.put("createdAt", a.createdAt().toString());
        doc.put("completedAt", a.completedAt() == null ? null : a.completedAt().toString());
        return doc;
    }

    @Override
    public int erase(String email) {
        return selfCheck.eraseContact(email);
    }
}
