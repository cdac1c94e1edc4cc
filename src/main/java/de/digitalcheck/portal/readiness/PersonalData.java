package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A company's rights over its checks (GDPR): export everything, erase the personal part. */
@Singleton
public class PersonalData {

    private final Assessments assessments;
    private final SelfCheck selfCheck;
    private final Clock clock;
    private final CheckCache cache;

    PersonalData(Assessments assessments, SelfCheck selfCheck, Clock clock, CheckCache cache) {
        this.cache = cache;
        this.assessments = assessments;
        this.selfCheck = selfCheck;
        this.clock = clock;
    }

    /** Every stored value of the checks with this contact email, as a JSON-ready structure. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(String email) {
        return assessments.findByContactEmailOrderByCreatedAtDesc(email).stream().map(a -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", a.id());
            doc.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
            doc.put("questionnaireVersion", a.questionnaireVersion());
            doc.put("language", a.language());
            Map<String, Object> company = new LinkedHashMap<>();
            company.put("name", a.companyName());
            company.put("postalCode", a.postalCode());
            company.put("ags", a.ags());
            company.put("municipality", a.municipality());
            company.put("sector", a.sector());
            company.put("employees", a.employees());
            company.put("companyType", a.companyType());
            doc.put("company", company);
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", a.contactName());
            contact.put("email", a.contactEmail());
            contact.put("phone", a.contactPhone());
            doc.put("contact", contact);
            doc.put("answers", selfCheck.answers(a));
            doc.put("score", a.score());
            doc.put("level", a.overallLevel());
            Map<String, Object> levels = new LinkedHashMap<>();
            QuestionnaireLoader.DIMENSIONS.forEach(d -> levels.put(d, a.levelOf(d)));
            doc.put("dimensionLevels", levels);
            doc.put("agencyId", a.agencyId());
            doc.put("createdAt", a.createdAt().toString());
            doc.put("completedAt", a.completedAt() == null ? null : a.completedAt().toString());
            return doc;
        }).toList();
    }

    /**
     * Erases the personal data of every check with this contact email; returns how many checks were affected. The
     * checks are locked while they are erased: a save at the same moment waits, then finds the link no longer
     * working (its revision moved on) and saves nothing.
     */
    @Transactional
    public int erase(String email) {
        List<Assessment> checks = assessments.lockByContactEmail(email);
        checks.forEach(a -> {
            cache.forget(a.tokenHash());
            assessments.update(a.anonymised(Tokens.hash(Tokens.newToken()), clock.instant()));
        });
        return checks.size();
    }
}
