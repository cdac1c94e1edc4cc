package de.digitalcheck.portal.routing.web;

import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.web.ErrorPages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** An agency's logo, public like its name (shown on result pages and in workspaces). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencyLogoController {

    private final AgencyAdministration agencies;

    AgencyLogoController(AgencyAdministration agencies) {
        this.agencies = agencies;
    }

    @Get("/agenturen/{id}/logo")
    HttpResponse<byte[]> logo(@PathVariable String id) {
        return agencies.logo(id)
            .map(logo -> HttpResponse.ok(logo.content()).contentType(MediaType.of(logo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline"))
            .orElseThrow(ErrorPages.NotFound::new);
    }
}
