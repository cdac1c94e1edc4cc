package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.PageRenderer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * A check's link that reaches no check — on the check's own pages or on pages other modules add under its address —
 * gets the "this link is not valid" page (404), an API caller a 404 problem.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class CheckErrors {

    private final PageRenderer pages;
    private final ApiProblems problems;

    CheckErrors(PageRenderer pages, ApiProblems problems) {
        this.pages = pages;
        this.problems = problems;
    }

    @Error(exception = UnknownAssessment.class, global = true)
    HttpResponse<?> unknownCheck(HttpRequest<?> request) {
        if (ApiProblems.api(request)) {
            return problems.problem(HttpStatus.NOT_FOUND, ApiProblems.language(request), "problem.assessment.notFound");
        }
        return pages.render(request, HttpStatus.NOT_FOUND, CheckController.NOT_FOUND, Map.of("status", 404));
    }
}
