package de.digitalcheck.portal.routing.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.QueryParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code GET /api/v1/routing?postalCode=}: the municipalities of a postal code and their agencies. The answer is made
 * from the OpenStreetMap-derived postal-code table, whose licence (ODbL 1.0) asks for attribution wherever it is used:
 * every answer names the source in its {@code attribution} member and links the portal's licence page
 * ({@code Link: </lizenzen#odbl>; rel="license"}).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/routing")
@ExecuteOn(TaskExecutors.BLOCKING)
class RoutingApi {

    private final Router router;
    private final ApiProblems problems;
    private final Messages messages;

    RoutingApi(Router router, ApiProblems problems, Messages messages) {
        this.router = router;
        this.problems = problems;
        this.messages = messages;
    }

    @Get
    HttpResponse<?> route(HttpRequest<?> request, @QueryValue @Nullable String postalCode) {
        Errors repeated = QueryParameters.repeated(request.getParameters(), List.of("postalCode"));
        if (!repeated.isEmpty()) {
            return problems.malformed(ApiProblems.language(request), "problem.400.detail", repeated.list());
        }
        String code = postalCode == null ? "" : postalCode.strip();
        String key = code.isEmpty() ? "error.required"
            : TextRules.padded(postalCode) ? "error.code.spaces" // read as documented: " 44135" is no postal code
            : !PostalCodeDirectory.isWellFormed(code) ? "error.postalCode.format" : null;
        List<Router.Located> located = key == null ? router.locate(code) : List.of();
        if (key == null && located.isEmpty()) {
            key = "error.postalCode.unknown";
        }
        if (key != null) {
            return problems.invalid(ApiProblems.language(request), List.of(FieldError.of("postalCode", key)));
        }
        return HttpResponse.ok(new Routing(code, located.stream().map(l -> new MunicipalityDoc(
            l.municipality().ags(), l.municipality().name(), emptyToNull(l.municipality().district()),
            l.municipality().state(), l.agency().map(a -> new AgencyRef(a.id(), a.name())).orElse(null))).toList(),
                messages.get(ApiProblems.language(request), "licences.plz")))
            .header(HttpHeaders.LINK, LICENCE_LINK);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The portal's licence page, where the postal-code table's source and licence are named. */
    static final String LICENCE_LINK = "</lizenzen#odbl>; rel=\"license\"";

    @Serdeable
    record Routing(String postalCode, List<MunicipalityDoc> municipalities, String attribution) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MunicipalityDoc(String ags, String name, String district, String state, AgencyRef agency) {
    }

    @Serdeable
    record AgencyRef(String id, String name) {
    }
}
