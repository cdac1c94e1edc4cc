package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.CoachProfiles;
import de.digitalcheck.portal.accounts.MeetingMode;
import de.digitalcheck.portal.accounts.SignedIn;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A coach's own profile: name, expertise tags, meeting modes. */
@Controller
@Secured("COACH")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CoachWorkspace {

    static final String PATH = "/coach";
    static final String VIEW = "accounts/coach";

    private final WorkspaceViews views;
    private final CoachProfiles profiles;
    private final Csrf csrf;

    CoachWorkspace(WorkspaceViews views, CoachProfiles profiles, Csrf csrf) {
        this.views = views;
        this.profiles = profiles;
        this.csrf = csrf;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> profile(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = views.coach(SignedIn.of(authentication));
        model.put("saved", request.getParameters().contains("gespeichert"));
        return new ModelAndView<>(VIEW, model);
    }

    @Post(PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, Authentication authentication, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        List<String> modes = body.keySet().stream().filter(k -> k.startsWith("mode.")).map(k -> k.substring(5)).toList();
        try {
            profiles.update(user.accountId(), body.get("name"), body.get("expertise"), modes);
            return HttpResponse.seeOther(URI.create(PATH + "?gespeichert"));
        } catch (ValidationException e) {
            Map<String, Object> model = views.coach(user);
            model.put("errors", views.messages().byField(PortalLocaleResolver.language(request), e.errors()));
            model.put("form", Map.of("name", body.getOrDefault("name", ""), "expertise", body.getOrDefault("expertise", "")));
            model.put("modes", Arrays.stream(MeetingMode.values())
                .map(m -> new WorkspaceViews.ModeChoice(m.name(), modes.contains(m.name()))).toList());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }
}
