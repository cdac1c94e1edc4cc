package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.web.ErrorPages;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the check's pages do with a check looked up by its link: without one, {@link UnknownAssessment}, which
 * {@link CheckErrors} answers with the "link not valid" page (also when the link stops working meanwhile).
 */
@Singleton
class CheckLookup {

    private final SelfCheck selfCheck;

    CheckLookup(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    /** {@code action} with the check. */
    HttpResponse<?> withCheck(Optional<AssessmentRow> check, Function<AssessmentRow, HttpResponse<?>> action) {
        return action.apply(check.orElseThrow(UnknownAssessment::new));
    }

    /** {@code action} with the check and its steps, or a 404 where the dimension is not one of its steps. */
    HttpResponse<?> withStep(Optional<AssessmentRow> check, String dimension,
                             BiFunction<AssessmentRow, List<String>, HttpResponse<?>> action) {
        return withCheck(check, a -> {
            List<String> steps = selfCheck.questionnaireOf(a).dimensionsFor(a.type()).stream()
                .map(Questionnaire.Dimension::id).toList();
            if (!steps.contains(dimension)) {
                throw new ErrorPages.NotFound();
            }
            return action.apply(a, steps);
        });
    }
}
