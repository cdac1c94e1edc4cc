package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.accounts.Invitations;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network admin's workspace: agencies with their territories, and the directory with invitations; the territories
 * page finds places by name.
 */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AdminWorkspace {

    static final String PATH = "/admin";
    static final String VIEW = "admin/admin";
    static final String TERRITORIES_VIEW = "admin/territories";
    static final String REMOVAL_VIEW = "admin/territory-remove";
    static final int MAX_QUERY = 100;
    /** The page's notes ({@link Flash}) after an invitation made here and one withdrawn on an account's page. */
    static final String INVITED = "invited";
    static final String WITHDRAWN = "withdrawn";

    private final AdminViews views;
    private final Invitations invitations;
    private final AgencyAdministration agencies;
    private final Agencies allAgencies;
    private final Csrf csrf;
    private final FormValidation validation;
    private final Flash flash;

    AdminWorkspace(AdminViews views, Invitations invitations, AgencyAdministration agencies, Agencies allAgencies,
                   Csrf csrf, FormValidation validation, Flash flash) {
        this.flash = flash;
        this.views = views;
        this.invitations = invitations;
        this.agencies = agencies;
        this.allAgencies = allAgencies;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Get(PATH)
    HttpResponse<ModelAndView<Map<String, Object>>> overview(HttpRequest<?> request) {
        // each note once, after the post that did it (Flash), never from the address: an invitation made, one withdrawn
        // (AdminAccountPages), a territory assigned or removed (saved, focused)
        String note = flash.note(request).orElse("");
        Map<String, Object> model = views.admin(lang(request), InviteForm.EMPTY, List.of(), INVITED.equals(note));
        model.put("withdrawn", WITHDRAWN.equals(note));
        model.put("saved", Flash.SAVED.equals(note));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    @Post(PATH + "/einladungen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> request, @Body @Nullable InviteForm body) {
        csrf.verify(request, body);
        InviteForm form = Objects.requireNonNullElse(body, InviteForm.EMPTY);
        try {
            invitations.invite(form.email(), form.name(), form.role(), form.agencyId(), form.language(),
                validation.errors(form));
            return flash.redirect(PATH, INVITED);
        } catch (ValidationException e) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, views.admin(lang(request), form, e.errors(), false));
        }
    }

    /**
     * The territories page: the search by name of a municipality, district or state ({@code suche}, with the agency
     * to assign to) and the form for a raw AGS prefix. Works without JavaScript: the search is a plain GET form.
     */
    @Get(PATH + "/gebiete")
    HttpResponse<?> territories(HttpRequest<?> request) {
        String agencyId = request.getParameters().get("agencyId");
        String query = request.getParameters().get("suche");
        List<FieldError> errors = new ArrayList<>(searchErrors(query));
        if (agencyId != null && !agencyId.isBlank() && !allAgencies.exists(agencyId)) {
            errors.add(FieldError.of(AdminViews.SEARCH_AGENCY, "error.territory.agency.stale"));
        }
        return territoryPage(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY,
            views.territories(lang(request), agencyId, query, new TerritoryForm(agencyId, "", query, null), errors));
    }

    @Post(PATH + "/gebiete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addTerritory(HttpRequest<?> request, @Body @Nullable TerritoryForm body) {
        csrf.verify(request, body);
        TerritoryForm form = Objects.requireNonNullElse(body, TerritoryForm.EMPTY);
        try {
            agencies.addTerritory(form.agencyId(), form.prefix(), validation.errors(form));
            return flash.saved(PATH + "#saved");
        } catch (ValidationException e) {
            String query = form.query() == null || !searchErrors(form.query()).isEmpty() ? null : form.query();
            return territoryPage(HttpStatus.UNPROCESSABLE_ENTITY,
                views.territories(lang(request), form.agencyId(), query, form, e.errors()));
        }
    }

    /** A search needs at least two letters and at most {@value #MAX_QUERY} characters. */
    private static List<FieldError> searchErrors(String query) {
        if (query == null) {
            return List.of();
        }
        String q = query.strip();
        if (q.length() < 2) {
            return List.of(FieldError.of("suche", "error.search.short"));
        }
        return q.length() > MAX_QUERY ? List.of(FieldError.of("suche", "error.search.long", MAX_QUERY)) : List.of();
    }

    /**
     * Asks before a territory is taken from an agency (the overview links here; the page's form posts the removal):
     * says who serves its places afterwards. A territory the agency no longer has leads back to the overview.
     *
     * @throws de.digitalcheck.portal.routing.UnknownAgency no agency has this id (404)
     */
    @Get(PATH + "/gebiete/entfernen")
    HttpResponse<?> confirmRemoval(HttpRequest<?> request) {
        String agencyId = Objects.requireNonNullElse(request.getParameters().get("agencyId"), "");
        String prefix = Objects.requireNonNullElse(request.getParameters().get("prefix"), "");
        return views.territoryRemoval(lang(request), agencyId, prefix)
            .<HttpResponse<?>>map(model -> HttpResponse.ok(new ModelAndView<>(REMOVAL_VIEW, model))
                .contentType(MediaType.TEXT_HTML_TYPE))
            .orElseGet(() -> HttpResponse.seeOther(URI.create(PATH + "#agencies-title")));
    }

    @Post(PATH + "/gebiete/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeTerritory(HttpRequest<?> request, @Body @Nullable TerritoryForm body) {
        csrf.verify(request, body);
        TerritoryForm form = Objects.requireNonNullElse(body, TerritoryForm.EMPTY);
        try {
            agencies.removeTerritory(form.agencyId(), form.prefix());
        } catch (ValidationException e) {
            // no prefix, a malformed one, or not the agency's (another's, nobody's, removed already): said so, 422,
            // nothing changed — it was answered "saved" as if the place had been taken from the agency
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(REMOVAL_VIEW, views.territoryRemovalRefused(lang(request), e.errors())));
        }
        return flash.saved(PATH + "#saved");
    }

    private static HttpResponse<?> territoryPage(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(TERRITORIES_VIEW, model));
    }

    private static HttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
