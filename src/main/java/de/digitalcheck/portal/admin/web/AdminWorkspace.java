package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.accounts.Invitations;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
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
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The network admin's workspace: agencies with their territories, and the directory with invitations. */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AdminWorkspace {

    static final String PATH = "/admin";
    static final String VIEW = "admin/admin";

    private final AdminViews views;
    private final Invitations invitations;
    private final AgencyAdministration agencies;
    private final Csrf csrf;
    private final FormValidation validation;

    AdminWorkspace(AdminViews views, Invitations invitations, AgencyAdministration agencies, Csrf csrf,
                   FormValidation validation) {
        this.views = views;
        this.invitations = invitations;
        this.agencies = agencies;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> overview(HttpRequest<?> request) {
        boolean invited = request.getParameters().contains("eingeladen");
        Map<String, Object> model = views.admin(lang(request), InviteForm.EMPTY, List.of(), invited);
        model.put("withdrawn", request.getParameters().contains("zurueckgezogen"));
        return new ModelAndView<>(VIEW, model);
    }

    @Post(PATH + "/einladungen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> request, @Body @Nullable InviteForm body) {
        csrf.verify(request, body);
        InviteForm form = Objects.requireNonNullElse(body, InviteForm.EMPTY);
        try {
            invitations.invite(form.email(), form.name(), form.role(), form.agencyId(), validation.errors(form));
            return HttpResponse.seeOther(URI.create(PATH + "?eingeladen=1"));
        } catch (ValidationException e) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, views.admin(lang(request), form, e.errors(), false));
        }
    }

    @Post(PATH + "/gebiete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addTerritory(HttpRequest<?> request, @Body @Nullable TerritoryForm body) {
        csrf.verify(request, body);
        TerritoryForm form = Objects.requireNonNullElse(body, TerritoryForm.EMPTY);
        try {
            agencies.addTerritory(form.agencyId(), form.prefix(), validation.errors(form));
            return HttpResponse.seeOther(URI.create(PATH + "#agencies-title"));
        } catch (ValidationException e) {
            Map<String, Object> model = views.admin(lang(request), InviteForm.EMPTY, List.of(), false);
            model.put("territoryErrors", views.errors(lang(request), e.errors()));
            model.put("territoryForm", form);
            return page(HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
    }

    @Post(PATH + "/gebiete/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeTerritory(HttpRequest<?> request, @Body @Nullable TerritoryForm body) {
        csrf.verify(request, body);
        TerritoryForm form = Objects.requireNonNullElse(body, TerritoryForm.EMPTY);
        agencies.removeTerritory(form.agencyId(), form.prefix());
        return HttpResponse.seeOther(URI.create(PATH + "#agencies-title"));
    }

    private static HttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
