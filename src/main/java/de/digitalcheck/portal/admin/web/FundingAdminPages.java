package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.funding.FundingAdministration;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The network admin's funding programmes: which are open, until when; adding new ones. */
@Controller(FundingAdminPages.PATH)
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FundingAdminPages {

    static final String PATH = "/admin/foerderprogramme";
    static final String VIEW = "admin/funding";
    static final String EDIT_VIEW = "admin/funding-edit";

    private final FundingAdministration funding;
    private final Messages messages;
    private final Csrf csrf;
    private final Clock clock;

    FundingAdminPages(FundingAdministration funding, Messages messages, Csrf csrf, Clock clock) {
        this.funding = funding;
        this.messages = messages;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        return new ModelAndView<>(VIEW, model(Map.of(), Map.of()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        try {
            funding.add(body);
            return HttpResponse.seeOther(URI.create(PATH));
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model(messages.byField(PortalLocaleResolver.language(request), e.errors()), body)));
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> edit(@PathVariable String id) {
        FundingProgramme programme = funding.require(id);
        Map<String, Object> model = model(Map.of(), FundingAdministration.formOf(programme));
        model.put("programme", programme);
        return new ModelAndView<>(EDIT_VIEW, model);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        FundingProgramme programme = funding.require(id);
        try {
            funding.update(id, body);
            return HttpResponse.seeOther(URI.create(PATH));
        } catch (ValidationException e) {
            Map<String, Object> model = model(messages.byField(PortalLocaleResolver.language(request), e.errors()), body);
            model.put("programme", programme);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(EDIT_VIEW, model));
        }
    }

    @Post("/{id}/gueltigkeit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> validity(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        try {
            funding.setValidUntil(id, body.get("validUntil"));
            return HttpResponse.seeOther(URI.create(PATH));
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model(messages.byField(PortalLocaleResolver.language(request), e.errors()), Map.of())));
        }
    }

    private Map<String, Object> model(Map<String, String> errors, Map<String, String> form) {
        LocalDate today = PortalTime.today(clock);
        Map<String, Object> model = new HashMap<>();
        model.put("programmes", funding.all());
        model.put("today", today);
        model.put("errors", errors);
        model.put("form", form == null ? Map.of() : form);
        model.put("dimensions", java.util.List.of("strategy", "factory", "operations", "products", "services", "employees"));
        return model;
    }
}
