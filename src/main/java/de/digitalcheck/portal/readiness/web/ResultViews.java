package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the result page's model: the check's {@link ResultSummary} (the same facts the PDF report shows) and
 * the page's own links and forms.
 */
@Singleton
class ResultViews {

    private final ResultSummaries summaries;
    private final SelfCheck selfCheck;

    ResultViews(ResultSummaries summaries, SelfCheck selfCheck) {
        this.summaries = summaries;
        this.selfCheck = selfCheck;
    }

    /**
     * @param reportMail what became of a request to mail the report ({@code sent}, {@code failed}), else {@code null}
     */
    Map<String, Object> result(Language lang, AssessmentRow a, String token, @Nullable String reportMail) {
        ResultSummary s = summaries.summarise(lang, selfCheck.view(a));
        Map<String, Object> model = new HashMap<>();
        model.put("companyName", s.companyName());
        model.put("score", s.score());
        model.put("levelLabel", s.levelLabel());
        model.put("groupLabel", s.groupLabel());
        model.put("completedAt", s.completedAt());
        model.put("dimensions", s.dimensions());
        model.put("chart", s.chart());
        model.put("benchmark", s.benchmark());
        model.put("programmes", s.programmes());
        model.put("agency", s.agency());
        model.put("agencyIntro", s.agencyIntro());
        model.put("version", s.version());
        model.put("previous", s.previous());
        model.put("profileUrl", CheckPaths.profile(token));
        model.put("againUrl", CheckPaths.again(token));
        model.put("eraseUrl", CheckPaths.erase(token));
        model.put("reportUrl", CheckPaths.report(token));
        model.put("reportMailUrl", a.contact().email() == null ? null : CheckPaths.reportMail(token));
        model.put("contactEmail", a.contact().email());
        model.put("reportMail", "sent".equals(reportMail) || "failed".equals(reportMail) ? reportMail : null);
        return model;
    }
}
