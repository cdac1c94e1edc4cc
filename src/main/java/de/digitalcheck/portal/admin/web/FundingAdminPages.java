package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.funding.FundingAdministration;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.FormAnswerReload;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The network admin's funding programmes: which are open, until when; adding new ones. */
@Controller(FundingAdminPages.PATH)
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FundingAdminPages {

    static final String PATH = "/admin/foerderprogramme";
    static final String VIEW = "admin/funding";
    static final String EDIT_VIEW = "admin/funding-edit";
    private static final List<String> DIMENSIONS =
        List.of("strategy", "factory", "operations", "products", "services", "employees");

    private final FundingAdministration funding;
    private final Messages messages;
    private final Csrf csrf;
    private final FormValidation validation;
    private final Clock clock;
    private final BeanProvider<PostalCodeDirectory> directory;
    private final Flash flash;

    FundingAdminPages(FundingAdministration funding, Messages messages, Csrf csrf, FormValidation validation, Clock clock,
                      BeanProvider<PostalCodeDirectory> directory, Flash flash) {
        this.flash = flash;
        this.funding = funding;
        this.directory = directory;
        this.messages = messages;
        this.csrf = csrf;
        this.validation = validation;
        this.clock = clock;
    }

    /** A programme's "open until" in the list that could not be saved: the date as typed and why not. */
    record Validity(String id, String value, String error) {
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> list(HttpRequest<?> request) {
        Map<String, Object> model = model(lang(request), FundingForm.EMPTY, List.of());
        // right after adding or changing a programme (the post's Flash note, once): the note that it is saved, focused
        model.put("saved", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    /**
     * Where a programme added or changed leads: the list, with the note that it is saved right under the heading
     * (focused by app.js; no fragment, which would scroll the page's heading out of view for a note already in it).
     */
    private HttpResponse<?> savedList() {
        return flash.saved(PATH);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @Body @Nullable FundingForm body) {
        csrf.verify(request, body);
        FundingForm form = Objects.requireNonNullElse(body, FundingForm.EMPTY);
        try {
            funding.add(form.input(), validation.errors(form));
            return savedList();
        } catch (ValidationException e) {
            return invalid(VIEW, model(lang(request), form, e.errors()));
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> edit(HttpRequest<?> request, @PathVariable String id) {
        FundingProgramme programme = funding.require(id);
        Map<String, Object> model = model(lang(request), FundingForm.of(programme), List.of());
        model.put("programme", programme);
        return new ModelAndView<>(EDIT_VIEW, model);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body @Nullable FundingForm body) {
        csrf.verify(request, body);
        FundingProgramme programme = funding.require(id);
        FundingForm form = Objects.requireNonNullElse(body, FundingForm.EMPTY);
        try {
            funding.update(id, form.input(), validation.errors(form));
            return savedList();
        } catch (ValidationException e) {
            Map<String, Object> model = model(lang(request), form, e.errors());
            model.put("programme", programme);
            return invalid(EDIT_VIEW, model);
        }
    }

    @Post("/{id}/gueltigkeit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> validity(HttpRequest<?> request, @PathVariable String id, @Body @Nullable ValidityForm body) {
        csrf.verify(request, body);
        ValidityForm form = Objects.requireNonNullElse(body, ValidityForm.EMPTY);
        try {
            funding.setValidUntil(id, form.validUntil());
            return savedList();
        } catch (ValidationException e) {
            Map<String, Object> model = model(lang(request), FundingForm.EMPTY, List.of());
            Validity validity = new Validity(id, form.validUntil(), messages.message(lang(request), e.errors().get(0)));
            model.put("validity", validity);
            model.put("errorLinks", List.of(new ErrorLink("#until-" + id, messages.get(lang(request), "funding.until.label",
                funding.require(id).nameIn(lang(request))) + ": " + validity.error())));
            return invalid(VIEW, model);
        }
    }

    /**
     * The address of a refused "open until" (the list with the message at the date) loaded again from the address bar
     * (a GET): the list, at that programme's date. It was {@code 405}. An unknown programme: {@code 404}.
     */
    @FormAnswerReload
    @Get("/{id}/gueltigkeit")
    HttpResponse<?> validityPage(@PathVariable String id) {
        FundingProgramme programme = funding.require(id);
        return HttpResponse.seeOther(io.micronaut.http.uri.UriBuilder.of(PATH).fragment("until-" + programme.id()).build());
    }

    private Map<String, Object> model(Language lang, FundingForm form, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        // by the name the page shows (an English page shows the English names where a programme has them)
        List<FundingProgramme> programmes = de.digitalcheck.portal.shared.i18n.NameOrder.sorted(funding.all(),
            p -> p.nameIn(lang));
        model.put("programmes", programmes);
        model.put("pageLanguage", lang); // names and providers in it where a programme has them (funding.html)
        Map<String, String> regions = new HashMap<>();
        programmes.forEach(p -> regions.put(p.id(), region(lang, p.regions())));
        model.put("regions", regions);
        model.put("today", PortalTime.today(clock));
        Map<String, String> byField = messages.byField(lang, errors);
        model.put("errors", byField);
        // the summary at the top of the page, in the form's order, each line naming and linking to its field (a
        // refused programme had its messages beside the fields only, and nothing took the focus to them)
        Map<String, String> labels = new LinkedHashMap<>();
        FundingForm.TEXT_FIELDS.forEach(f -> labels.put(f, messages.get(lang, "funding.field." + f)));
        labels.put("dimensions", messages.get(lang, "funding.field.dimensions"));
        List<Choice> dimensions = DIMENSIONS.stream()
            .map(d -> new Choice(d, messages.get(lang, "dimension." + d))).toList();
        // the areas by their first box, which takes the focus
        model.put("errorLinks", ErrorLink.toFirstOption(ErrorLink.summary(byField, labels, "#funding-",
            "#funding-nameDe"), "#funding-dimensions", "dim-", dimensions));
        model.put("form", form);
        model.put("textFields", FundingForm.TEXT_FIELDS);
        model.put("dimensions", dimensions);
        model.put("validity", null);
        return model;
    }

    /** A region readably: "Duisburg (05112), Kreis Wesel (05170)", or "all of Germany". */
    private String region(Language lang, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return messages.get(lang, "funding.region.all");
        }
        PostalCodeDirectory names = directory.get();
        return String.join(", ", prefixes.stream()
            .map(p -> names.regionName(p).map(n -> n + " (" + p + ")").orElse(p)).toList());
    }

    private static HttpResponse<?> invalid(String view, Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(view, model));
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
