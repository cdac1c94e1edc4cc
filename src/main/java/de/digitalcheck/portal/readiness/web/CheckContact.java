package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Objects;

/**
 * A completed check saved without an email address gets one on its result page, so that the PDF report can be
 * mailed: the contact is stored with the check (as the profile would store it) and the page shows the mail button.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(CheckPaths.BASE + "/kontakt")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CheckContact {

    private final SelfCheck selfCheck;
    private final CheckLookup lookup;
    private final ResultViews results;
    private final Csrf csrf;
    private final FormValidation validation;

    CheckContact(SelfCheck selfCheck, CheckLookup lookup, ResultViews results, Csrf csrf, FormValidation validation) {
        this.selfCheck = selfCheck;
        this.lookup = lookup;
        this.results = results;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @PathVariable String token, @Body @Nullable ContactForm body) {
        csrf.verify(request, body);
        ContactForm form = Objects.requireNonNullElse(body, ContactForm.EMPTY);
        return lookup.withCheck(selfCheck.byToken(token), check -> {
            if (!check.completed()) {
                return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token)));
            }
            List<FieldError> errors = validation.errors(form, ContactForm::field);
            try {
                selfCheck.updateContact(check, form.contact(), errors);
                return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token) + "#report-title"));
            } catch (ValidationException e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>(CheckController.RESULT, results.result(PortalLocaleResolver.language(request),
                        check, token, null, form, e.errors())));
            }
        });
    }
}
