package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.UnknownAccount;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.ErrorLink;
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

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A coach's own profile: name, expertise tags, meeting modes. */
@Controller
@Secured("COACH")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CoachWorkspace {

    static final String PATH = "/coach";
    static final String VIEW = "booking/coach";

    private final Coaches coaches;
    private final Accounts accounts;
    private final Agencies agencies;
    private final Messages messages;
    private final Csrf csrf;
    private final FormValidation validation;
    private final Flash flash;

    CoachWorkspace(Coaches coaches, Accounts accounts, Agencies agencies, Messages messages, Csrf csrf,
                   FormValidation validation, Flash flash) {
        this.flash = flash;
        this.coaches = coaches;
        this.accounts = accounts;
        this.agencies = agencies;
        this.messages = messages;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Get(PATH)
    HttpResponse<ModelAndView<Map<String, Object>>> profile(HttpRequest<?> request, Authentication authentication) {
        Account account = account(authentication);
        CoachForm form = CoachForm.of(account.name(), coaches.profile(account.id()).orElseThrow(UnknownAccount::new));
        Map<String, Object> model = model(lang(request), account, form);
        model.put("saved", flash.saved(request)); // once, after the post that saved (Flash)
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    @Post(PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, Authentication authentication, @Body @Nullable CoachForm body) {
        csrf.verify(request, body);
        Account account = account(authentication);
        CoachForm form = Objects.requireNonNullElse(body, CoachForm.EMPTY);
        try {
            coaches.update(account.id(), form.name(), form.expertise(), form.modes(), validation.errors(form));
            return flash.saved(PATH);
        } catch (ValidationException e) {
            Map<String, Object> model = model(lang(request), account, form);
            Map<String, String> errors = messages.byField(lang(request), e.errors());
            model.put("errors", errors);
            model.put("errorLinks", errorLinks(lang(request), errors));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    private Account account(Authentication authentication) {
        return accounts.find(SignedIn.of(authentication).accountId()).orElseThrow(UnknownAccount::new);
    }

    /**
     * The error summary's lines in the form's order, each starting with its field's label and linking to the field (a
     * long form on a phone: the messages beside the fields were below the fold, and nothing said there were any).
     */
    private List<ErrorLink> errorLinks(Language lang, Map<String, String> errors) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", messages.get(lang, "admin.name"));
        labels.put("expertise", messages.get(lang, "coach.expertise"));
        labels.put("modes", messages.get(lang, "coach.modes"));
        // the ways of meeting companies by their first checkbox, which takes the focus
        return ErrorLink.toFirstOption(ErrorLink.summary(errors, labels, "#coach-", "#coach-name"), "#coach-modes",
            "mode-", modes(lang));
    }

    private Map<String, Object> model(Language lang, Account account, CoachForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("errors", Map.of());
        model.put("errorLinks", List.of());
        // what is saved, not what was just posted: a coach who ticked no way of meeting companies is offered for nothing
        model.put("noMode", coaches.profile(account.id()).map(p -> p.modes().isEmpty()).orElse(false));
        model.put("saved", false);
        model.put("form", form);
        model.put("modes", modes(lang));
        model.put("agency", agencies.find(account.agencyId()).orElse(null));
        return model;
    }

    private List<Choice> modes(Language lang) {
        return Arrays.stream(MeetingMode.values())
            .map(m -> new Choice(m.name(), messages.get(lang, "mode." + m.name()))).toList();
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
