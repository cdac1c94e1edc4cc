package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.SignedIn;
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

/** A coach's own profile. */
@Controller
@Secured("COACH")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CoachWorkspace {

    static final String PATH = "/coach";

    private final WorkspaceViews views;

    CoachWorkspace(WorkspaceViews views) {
        this.views = views;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> profile(Authentication authentication) {
        return new ModelAndView<>("accounts/coach", views.coach(SignedIn.of(authentication)));
    }
}
