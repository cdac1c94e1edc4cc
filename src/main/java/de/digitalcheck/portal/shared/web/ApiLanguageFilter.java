package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteMatch;

import java.util.List;

/**
 * Every API operation takes {@code lang} ({@code de} or {@code en} in any case, docs/api.md and the OpenAPI document's
 * {@code pattern}); any other value, also an empty one or one of several {@code lang} parameters, is {@code 422} naming
 * {@code lang}, in the language the rest of the request asks for ({@code Accept-Language}, else German) — before, only
 * the questionnaire and the report refused it and the other operations answered in German as if it were absent.
 * Decided by the route the router matched (its URI template), after the security filter (a missing token is
 * {@code 401} first).
 */
@ServerFilter("/**")
class ApiLanguageFilter implements Ordered {

    static final String PARAMETER = "lang";

    private final ApiProblems problems;

    ApiLanguageFilter(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> checkLanguage(HttpRequest<?> request, @Nullable RouteMatch<?> match) {
        if (!ApiRoutes.api(match)) {
            return null;
        }
        List<String> values = request.getParameters().getAll(PARAMETER);
        String refused = values.stream().filter(v -> Language.fromCode(v).isEmpty()).findFirst().orElse(null);
        if (refused == null) {
            return null;
        }
        return problems.invalid(ApiProblems.language(request),
            List.of(FieldError.of(PARAMETER, ApiProblems.languageError(refused))));
    }
}
