package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.Contact;
import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.ContactInput;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.readiness.internal.SharedChecks;
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
import io.micronaut.http.MutableHttpResponse;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result page's consent (leads, issue 12): with a ticked box, a contact name and email the completed check is
 * shared with the responsible agency (or the network's fallback queue) — contact and lead in one transaction;
 * otherwise the page again with its errors and nothing stored. The same consent again (a second tab, a double click)
 * changes nothing; given again with another contact (a corrected email), the check's open lead there takes it
 * ({@link AgencyLeads#share}), or, where the agency has another open lead under that email, the page says why (409)
 * and nothing changed. Refused details (no name, no or an invalid email, no tick) on a check already shared there are
 * answered as the consent given again, saying once that they were not taken over: the page offers no form to show
 * their errors in.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(CheckPaths.BASE + "/einwilligung")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CheckConsent {

    private final SelfCheck selfCheck;
    private final SharedChecks sharing;
    private final CheckLookup lookup;
    private final ResultViews results;
    private final Csrf csrf;
    private final FormValidation validation;
    private final CheckSharing shared;
    private final Flash flash;

    CheckConsent(SelfCheck selfCheck, SharedChecks sharing, CheckLookup lookup, ResultViews results, Csrf csrf,
                 FormValidation validation, CheckSharing shared, Flash flash) {
        this.shared = shared;
        this.flash = flash;
        this.selfCheck = selfCheck;
        this.sharing = sharing;
        this.lookup = lookup;
        this.results = results;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> give(HttpRequest<?> request, @PathVariable String token, @Body @Nullable ConsentForm body) {
        csrf.verify(request, body);
        ConsentForm form = Objects.requireNonNullElse(body, ConsentForm.of(null, null));
        return lookup.withCheck(selfCheck.byToken(token), check -> {
            if (!check.completed()) {
                return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token)));
            }
            if (alreadyShared(check, form)) {
                // the same consent once more (a second tab, a repeated post): it stands, nothing new is written or sent
                return given(token);
            }
            List<FieldError> errors = new ArrayList<>(validation.errors(form, ConsentForm::field));
            if (!errors.isEmpty() && !shared.of(check).offer()) {
                // shared with the agency responsible now already (a second tab, an old page): the page offers no form
                // to show the errors in, and it answered 422 with nothing to read; the consent stands, nothing changes
                return flash.put(given(token), CheckPaths.result(token), ResultViews.CONSENT_UNCHANGED);
            }
            try {
                if (!errors.isEmpty()) {
                    throw new ValidationException(errors);
                }
                // posts of this form at the same moment: those after the first find the consent given, as later
                sharing.shareFromResult(check, form.contact(), PortalLocaleResolver.language(request), errors,
                    now -> alreadyShared(now, form));
                return given(token);
            } catch (ValidationException e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>(CheckController.RESULT, results.withConsent(
                        PortalLocaleResolver.language(request), check, token, form, e.errors())));
            } catch (AgencyLeads.ContactTaken e) {
                // the check's lead stays as it was, and so does the check (its contact rolled back with the rest)
                AssessmentRow now = selfCheck.byToken(token).orElseThrow(UnknownAssessment::new);
                return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>(CheckController.RESULT, results.withContactTaken(
                        PortalLocaleResolver.language(request), now, token,
                        ContactInput.clean(form.contact()).email(), e.agencyName())));
            }
        });
    }

    /**
     * Back to the result page, to the answer: who gets in touch by when. The fragment names that answer itself, which
     * takes the focus (focusable only right after, {@code ?consent=given}; app.js focuses it too): with the whole
     * block as the fragment, Chromium left the focus on the page's body, and keyboard and screen-reader users started
     * again at the top of the page.
     */
    private static MutableHttpResponse<?> given(String token) {
        return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token) + "?consent=" + ResultViews.CONSENT_GIVEN
            + "#consent-shared"));
    }

    /**
     * This check is shared with the agency its location goes to now (the page offers no consent), the consent stands,
     * and the form gives the same contact (name and email) as the check has. A lead left at the agency of an earlier
     * location does not count: the consent for the agency responsible now makes a lead there. Another contact is a
     * correction: the consent given again takes it over, for the check and its lead there.
     */
    private boolean alreadyShared(AssessmentRow check, ConsentForm form) {
        Contact given = ContactInput.clean(form.contact());
        Contact stored = check.contact();
        return given.email() != null && given.email().equals(stored.email())
            && Objects.equals(given.name(), stored.name()) && !shared.of(check).offer();
    }
}
