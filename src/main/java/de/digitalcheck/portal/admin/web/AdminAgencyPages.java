package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.web.Uploads;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.StaleAgency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.StaleField;
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
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The network admin creates agencies and edits their names, contact, service level and logo. */
@Controller(AdminAgencyPages.PATH)
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AdminAgencyPages {

    static final String PATH = "/admin/agenturen";
    static final String VIEW = "admin/agency-edit";
    /** The page's note ({@link Flash}) after the logo was saved or removed. */
    static final String LOGO_SAVED = "logo";
    /** The profile form's fields, in the page's order. */
    static final List<String> FIELDS =
        List.of("name", "shortName", "email", "phone", "website", "address", "firstContactDays");

    private final AgencyAdministration administration;
    private final Agencies agencies;
    private final AdminViews views;
    private final Csrf csrf;
    private final FormValidation validation;
    private final ReservedAgencyIds reserved;
    private final Messages messages;
    private final Flash flash;

    AdminAgencyPages(AgencyAdministration administration, Agencies agencies, AdminViews views, Csrf csrf,
                     FormValidation validation, ReservedAgencyIds reserved, Messages messages, Flash flash) {
        this.flash = flash;
        this.reserved = reserved;
        this.messages = messages;
        this.administration = administration;
        this.agencies = agencies;
        this.views = views;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Get("/neu")
    ModelAndView<Map<String, Object>> newAgency(HttpRequest<?> request) {
        return new ModelAndView<>(VIEW, model(request, null, AgencyProfile.EMPTY, Map.of()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable AgencyForm body) {
        csrf.verify(request, body);
        AgencyForm form = Objects.requireNonNullElse(body, AgencyForm.EMPTY);
        AgencyProfile profile = form.profile();
        try {
            Agency created = administration.create(profile, reservedRefused(form, null));
            return flash.saved(PATH + "/" + created.id());
        } catch (ValidationException e) {
            return invalid(model(request, null, profile, errors(request, e)));
        }
    }

    @Get("/{id}")
    HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String id) {
        return withAgency(request, id, agency -> {
            Map<String, Object> model = model(request, agency, AgencyProfile.of(agency), Map.of());
            // once, after the post that saved (Flash): never from the address, which any link can carry
            String note = flash.note(request).orElse("");
            model.put("saved", Flash.SAVED.equals(note));
            model.put("logoSaved", LOGO_SAVED.equals(note));
            return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
        });
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body @Nullable AgencyForm body) {
        csrf.verify(request, body);
        AgencyForm form = Objects.requireNonNullElse(body, AgencyForm.EMPTY);
        AgencyProfile profile = form.profile();
        return withAgency(request, id, agency -> {
            try {
                administration.update(id, profile, form.version(), reservedRefused(form, agency));
                return flash.saved(PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = model(request, agency, profile, errors(request, e));
                model.put("stamp", form.version()); // still the values the form was read with
                return invalid(model);
            } catch (StaleAgency e) {
                // changed since the form was read: what is saved now beside what was typed, which saving again keeps
                Language lang = PortalLocaleResolver.language(request);
                List<StaleField> changed = StaleField.of(AgencyProfile.of(e.current()).values(), profile.values(),
                    field -> messages.get(lang, "agency.field." + field));
                if (changed.isEmpty()) {
                    return flash.saved(PATH + "/" + id); // as typed already
                }
                Map<String, Object> model = model(request, e.current(), profile, Map.of());
                model.put("stale", changed);
                return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>(VIEW, model));
            }
        });
    }

    @Post("/{id}/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, @PathVariable String id,
                               @Part(Csrf.FIELD) @Nullable String token, @Part("logo") @Nullable CompletedFileUpload logo) {
        csrf.verify(request, token);
        return withAgency(request, id, agency -> {
            try {
                administration.setLogo(id, Uploads.bytes(logo));
                return flash.redirect(PATH + "/" + id + "#logo-saved", LOGO_SAVED);
            } catch (ValidationException e) {
                return logoRefused(request, agency, e, HttpStatus.UNPROCESSABLE_ENTITY);
            }
        });
    }

    @Post("/{id}/logo/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeLogo(HttpRequest<?> request, @PathVariable String id,
                               @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        return withAgency(request, id, agency -> {
            administration.removeLogo(id);
            return flash.redirect(PATH + "/" + id + "#logo-saved", LOGO_SAVED);
        });
    }

    /**
     * A logo above the request size limit ({@code micronaut.server.max-request-size}) never reaches the handler: its
     * form comes back with the same field error as a file between the logo limit and that one (nothing stored; the
     * limit itself stays). Other requests of this controller get the generic page.
     */
    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return Uploads.postedTo(request, PATH + "/{id}/logo").map(v -> String.valueOf(v.get("id")))
            .flatMap(agencies::find)
            .<HttpResponse<?>>map(agency -> logoRefused(request, agency, AgencyAdministration.logoTooLarge(),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE))
            .orElseGet(() -> HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)); // the generic page (ErrorPages)
    }

    /**
     * A multipart post whose {@code logo} part is a plain form field instead of a file cannot be bound to the upload's
     * handler: the agency's form comes back with the logo's field error, as without a file (nothing stored). Other
     * requests of this controller that cannot be bound get the generic page.
     */
    @Error(exception = ConversionErrorException.class)
    HttpResponse<?> notConverted(HttpRequest<?> request) {
        return logoNotAFile(request);
    }

    @Error(exception = UnsatisfiedRouteException.class)
    HttpResponse<?> unsatisfied(HttpRequest<?> request) {
        return logoNotAFile(request);
    }

    private HttpResponse<?> logoNotAFile(HttpRequest<?> request) {
        return Uploads.postedTo(request, PATH + "/{id}/logo").map(v -> String.valueOf(v.get("id")))
            .flatMap(agencies::find)
            .<HttpResponse<?>>map(agency -> logoRefused(request, agency, AgencyAdministration.logoMissing(),
                HttpStatus.UNPROCESSABLE_ENTITY))
            .orElseGet(() -> HttpResponse.status(HttpStatus.BAD_REQUEST)); // the generic page (ErrorPages)
    }

    /** The agency's form again with the logo's field error. */
    private HttpResponse<?> logoRefused(HttpRequest<?> request, Agency agency, ValidationException e, HttpStatus status) {
        Map<String, Object> model = model(request, agency, AgencyProfile.of(agency), Map.of());
        String error = errors(request, e).get("logo");
        model.put("logoError", error);
        model.put("errorLinks", List.of(new ErrorLink("#logo-file",
            messages.get(PortalLocaleResolver.language(request), "logo.file") + ": " + error)));
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    /**
     * The form's own problems and, unless its short name has one already, a short name whose id is a fixed path segment
     * of the agency routes: a new agency's pages' addresses would be another page's (e.g. /admin/agenturen/neu), and an
     * edit is refused the same short names (it let them through; the id stays, but the short name is one a new agency
     * could not have). {@code agency}: the one edited, whose unchanged short name (from before this rule) may stay.
     */
    private List<FieldError> reservedRefused(AgencyForm form, @Nullable Agency agency) {
        List<FieldError> errors = new java.util.ArrayList<>(validation.errors(form));
        String shortName = form.shortName(); // stripped (AgencyForm)
        boolean unchanged = agency != null && shortName.equals(agency.shortName().strip());
        if (!unchanged && errors.stream().noneMatch(e -> e.field().equals("shortName"))
            && reserved.isReserved(AgencyAdministration.idFor(shortName))) {
            errors.add(FieldError.of("shortName", "error.agency.shortName.reserved"));
        }
        return errors;
    }

    private HttpResponse<?> withAgency(HttpRequest<?> request, String id,
                                       java.util.function.Function<Agency, HttpResponse<?>> action) {
        Agency agency = agencies.require(id);
        return action.apply(agency);
    }

    private Map<String, Object> model(HttpRequest<?> request, @Nullable Agency agency, AgencyProfile profile,
                                      Map<String, String> errors) {
        Language lang = PortalLocaleResolver.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("values", profile.values());
        model.put("errors", errors);
        model.put("fields", FIELDS);
        // the summary at the top of the page, in the form's order, each line naming and linking to its field (a
        // refused form had its messages beside the fields only, and nothing took the focus to them)
        Map<String, String> labels = new LinkedHashMap<>();
        FIELDS.forEach(f -> labels.put(f, messages.get(lang, "agency.field." + f)));
        model.put("errorLinks", ErrorLink.summary(errors, labels, "#agency-", "#agency-name"));
        model.put("action", agency == null ? PATH : PATH + "/" + agency.id());
        model.put("hasLogo", agency != null && administration.hasLogo(agency.id()));
        model.put("logoAction", agency == null ? null : PATH + "/" + agency.id() + "/logo");
        model.put("logoError", null);
        model.put("saved", false);
        model.put("logoSaved", false);
        model.put("maxDays", AgencyAdministration.MAX_FIRST_CONTACT_DAYS);
        model.put("stamp", agency == null ? null : agency.profileStamp());
        model.put("stale", null);
        return model;
    }

    private Map<String, String> errors(HttpRequest<?> request, ValidationException e) {
        return views.errors(PortalLocaleResolver.language(request), e.errors());
    }

    private static HttpResponse<?> invalid(Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(VIEW, model));
    }
}
