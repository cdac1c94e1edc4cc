package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The self-checks' part of a company's data rights: every stored value of its checks, and their erasure. */
@Singleton
class AssessmentPersonalData implements PersonalDataHolder {

    private final SelfCheck selfCheck;

    AssessmentPersonalData(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    @Override
    public String part() {
        return "checks";
    }

    @Override
    public List<Map<String, Object>> export(String email) {
        return selfCheck.ofContact(email).stream().map(this::document).toList();
    }

    private Map<String, Object> document(AssessmentRow a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("status", a.status().name().toLowerCase(Locale.ROOT));
        doc.put("questionnaireVersion", a.questionnaireVersion());
        doc.put("language", a.language());
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", a.company().name());
        company.put("postalCode", a.company().postalCode());
        company.put("ags", a.company().ags());
        company.put("municipality", a.company().municipality());
        company.put("sector", a.company().sector());
        company.put("employees", a.company().employees());
        company.put("companyType", a.company().type().name());
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
