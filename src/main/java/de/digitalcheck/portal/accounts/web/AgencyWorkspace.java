package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Agency staff: their own agency's profile and coaches — never another agency's (the agency comes from the session). */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgencyWorkspace {

    static final String PATH = "/agentur";

    private final WorkspaceViews views;

    AgencyWorkspace(WorkspaceViews views) {
        this.views = views;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> overview(HttpRequest<?> request, Authentication authentication) {
        return new ModelAndView<>("accounts/agency", views.agency(SignedIn.of(authentication)));
    }
}
