package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.SelfCheck;
import de.digitalcheck.portal.shared.web.ErrorPages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the check's pages do with a check looked up by its link: a 404 page where there is none. */
@Singleton
class CheckLookup {

    private final SelfCheck selfCheck;

    CheckLookup(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    /** {@code action} with the check, or the "link not valid" page (also when the link stops working meanwhile). */
    HttpResponse<?> withCheck(HttpRequest<?> request, Optional<Assessment> check, Function<Assessment, HttpResponse<?>> action) {
        if (check.isEmpty()) {
            throw linkNotValid(request);
        }
        try {
            return action.apply(check.get());
        } catch (SelfCheck.Gone e) {
            throw linkNotValid(request);
        }
    }

    private static ErrorPages.NotFound linkNotValid(HttpRequest<?> request) {
        request.setAttribute(ErrorPages.NOT_FOUND_VIEW, CheckController.NOT_FOUND);
        return new ErrorPages.NotFound();
    }

    /** {@code action} with the check and its steps, or a 404 where the dimension is not one of its steps. */
    HttpResponse<?> withStep(HttpRequest<?> request, Optional<Assessment> check, String dimension,
                             BiFunction<Assessment, List<String>, HttpResponse<?>> action) {
        return withCheck(request, check, a -> {
            List<String> steps = selfCheck.questionnaireOf(a).dimensionsFor(a.type()).stream()
                .map(Questionnaire.Dimension::id).toList();
            if (!steps.contains(dimension)) {
                throw new ErrorPages.NotFound();
            }
            return action.apply(a, steps);
        });
    }
}
