package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.QueryParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/assessments/{id}/report?token=[&lang=de|en]}: the PDF report (the assessment's {@code reportUrl}).
 * An unknown id or a wrong token is {@code 404} like every assessment route; a check that is not complete is
 * {@code 409} (there is no result to report yet); a language other than de or en is {@code 422}.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/assessments")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportApi {

    private final Assessments assessments;
    private final Reports reports;
    private final ApiProblems problems;

    ReportApi(Assessments assessments, Reports reports, ApiProblems problems) {
        this.assessments = assessments;
        this.reports = reports;
        this.problems = problems;
    }

    @Get("/{id}/report")
    @Produces(ReportResponses.PDF) // like every API route, the router answers 406 to an Accept that allows no PDF
    HttpResponse<?> report(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token) {
        // a lang other than de or en never reaches here: ApiLanguageFilter answers it with 422 for every operation
        Optional<Language> chosen = ApiProblems.chosenLanguage(request);
        Errors repeated = QueryParameters.repeated(request.getParameters(), List.of("token"));
        if (!repeated.isEmpty()) {
            return problems.malformed(ApiProblems.language(request), "problem.400.detail", repeated.list());
        }
        Optional<Assessment> assessment = assessments.byId(id, token);
        if (assessment.isEmpty()) {
            return problems.notFound(request, "problem.assessment.notFound");
        }
        Assessment a = assessment.get();
        if (!a.completed()) {
            return problems.problem(HttpStatus.CONFLICT, ApiProblems.language(request), "problem.report.draft");
        }
        Language language = chosen.orElse(a.language());
        return ReportResponses.pdf(reports.of(a, token, language));
    }
}
