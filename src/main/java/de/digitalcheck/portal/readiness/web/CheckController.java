package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.Indexable;
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
import io.micronaut.views.ModelAndView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The self-check in the browser: profile, one page per dimension (shown by {@link QuestionPageController}), result.
 * Works without JavaScript.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CheckController {

    static final String HOME = "readiness/home";
    static final String PROFILE = "readiness/profile";
    static final String STEP = "readiness/step";
    static final String RESULT = "readiness/result";
    static final String NOT_FOUND = "readiness/not-found";

    private final SelfCheck selfCheck;
    private final CheckViews views;
    private final ResultViews results;
    private final Csrf csrf;
    private final QuestionnairePageTemplates pages;
    private final RevisionCookie revisions;
    private final CheckLookup lookup;
    private final FormValidation validation;
    private final de.digitalcheck.portal.shared.quota.DailyQuotas quotas;
    private final int copiesPerDay;
    private final Flash flash;
    private final CheckSharing sharing;

    static final String AGAIN_LIMIT = "readiness/again-limit";
    static final String COPIES = "check-copies";
    /** The profile page's note ({@link Flash}) after a change of a shared check became a new check. */
    static final String COPIED = "check-copied";

    CheckController(SelfCheck selfCheck, CheckViews views, ResultViews results, Csrf csrf, QuestionnairePageTemplates pages,
                    RevisionCookie revisions, CheckLookup lookup, FormValidation validation,
                    de.digitalcheck.portal.shared.quota.DailyQuotas quotas,
                    @io.micronaut.context.annotation.Value("${portal.checks.copies-per-day:5}") int copiesPerDay,
                    Flash flash, CheckSharing sharing) {
        this.flash = flash;
        this.sharing = sharing;
        this.quotas = quotas;
        this.copiesPerDay = copiesPerDay;
        this.selfCheck = selfCheck;
        this.views = views;
        this.results = results;
        this.csrf = csrf;
        this.pages = pages;
        this.revisions = revisions;
        this.lookup = lookup;
        this.validation = validation;
    }

    @Indexable
    @Get("/")
    ModelAndView<Map<String, Object>> home() {
        return new ModelAndView<>(HOME, Map.of());
    }

    @Indexable
    @Get(CheckPaths.START)
    HttpResponse<?> initProfile(HttpRequest<?> request) {
        return pages.fit(request) ? pages.start(request, lang(request))
            : HttpResponse.ok(new ModelAndView<>(PROFILE,
                views.profile(lang(request), ProfileForm.EMPTY, List.of(), CheckPaths.START, null)));
    }

    @Post(CheckPaths.START)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processProfile(HttpRequest<?> request, @Body @Nullable ProfileForm body) {
        csrf.verify(request, body);
        ProfileForm form = Objects.requireNonNullElse(body, ProfileForm.EMPTY);
        try {
            SelfCheck.Started started = selfCheck.start(form.input(), form.contact(), lang(request), formErrors(form));
            return seeOther(request, CheckPaths.step(started.token(), firstStep(started.assessment())), started.token(),
                started.assessment());
        } catch (ValidationException e) {
            return invalid(PROFILE, views.profile(lang(request), form, e.errors(), CheckPaths.START, null));
        }
    }

    @Get("/check/{token}")
    HttpResponse<?> resume(HttpRequest<?> request, @PathVariable String token) {
        return withCheck(request, token, a -> {
            if (a.completed()) {
                return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token)));
            }
            return seeOther(request, CheckPaths.step(token, firstOpenStep(a)), token, a);
        });
    }

    /**
     * The profile page; right after a change that became a new check ({@link #updateProfile}), saying so once (the
     * {@link Flash} note its post left).
     */
    @Get("/check/{token}/profile")
    HttpResponse<?> editProfile(HttpRequest<?> request, @PathVariable String token) {
        return withCheck(request, token, a -> {
            Map<String, Object> model = views.profile(lang(request), ProfileForm.of(a), List.of(),
                CheckPaths.profile(token), token, a);
            model.put("copied", flash.note(request).filter(COPIED::equals).isPresent());
            return flash.clear(request, HttpResponse.ok(new ModelAndView<>(PROFILE, model)));
        });
    }

    /**
     * Changes the profile. A draft goes on to the first step; a completed check that stays complete (a corrected
     * postal code, name or contact) goes back to its result — or, with the page's second button ("save and change
     * answers", {@link ProfileForm#toQuestions}), to its first step —, one the change leaves with open questions to
     * the first step that has one (it went to the first step, its result out of reach until every page was walked
     * through again). A completed check that was shared with an agency stays as it was shared where the change would leave
     * questions open (another company type brings questions): the agency's lead showed no result any more while the
     * check was a draft again. The change then makes a new check with the changed profile and every answer (counted
     * as a copy of the check, as "check again" is), whose profile page says so.
     */
    @Post("/check/{token}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateProfile(HttpRequest<?> request, @PathVariable String token, @Body @Nullable ProfileForm body) {
        csrf.verify(request, body);
        ProfileForm form = Objects.requireNonNullElse(body, ProfileForm.EMPTY);
        return withCheck(request, token, a -> {
            try {
                if (a.completed() && sharing.of(a).any()
                    && selfCheck.reopens(a, form.input(), form.contact(), formErrors(form))) {
                    if (!quotas.take(COPIES, a.id(), copiesPerDay)) {
                        return copiesUsedUp(a, token);
                    }
                    SelfCheck.Started copy = selfCheck.changedAsNew(a, form.input(), form.contact(), formErrors(form));
                    String path = CheckPaths.profile(copy.token());
                    return revisions.keep(request, flash.put(HttpResponse.seeOther(CheckPaths.uri(path)), path,
                        COPIED), copy.token(), copy.assessment());
                }
                AssessmentRow changed = selfCheck.updateProfile(a, form.input(), form.contact(), formErrors(form));
                // a draft goes on with the questions; a completed check back to its result (a corrected postal code)
                // or, with its second button ("change answers"), to its first step; where the change brought
                // questions (another company type), to the first of them
                String next;
                if (!changed.completed()) {
                    next = CheckPaths.step(token, a.completed() ? firstOpenStep(changed) : firstStep(changed));
                } else {
                    next = form.toQuestions() ? CheckPaths.step(token, firstStep(changed)) : CheckPaths.result(token);
                }
                return seeOther(request, next, token, changed);
            } catch (ValidationException e) {
                return invalid(PROFILE, views.profile(lang(request), form, e.errors(), CheckPaths.profile(token), token, a));
            }
        });
    }

    /**
     * Saves a question page. Its answers are named after the dimension's questions ({@code q.<question id>}), which
     * the questionnaire defines, not this code: no record can name them, so the form comes as a map.
     */
    @Post("/check/{token}/step/{dimension}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveStep(HttpRequest<?> request, @PathVariable String token, @PathVariable String dimension,
                             @Body @Nullable Map<String, String> body) {
        Map<String, String> form = body == null ? Map.of() : body;
        csrf.verify(request, form.get(Csrf.FIELD));
        boolean back = "back".equals(form.get("nav"));
        return lookup.withStep(selfCheck.byToken(token), dimension, (a, steps) -> {
            Map<String, String> given = views.answersOf(a, dimension, form);
            try {
                AssessmentRow saved = selfCheck.saveDimension(a, dimension, given, !back);
                int index = steps.indexOf(dimension);
                String next;
                if (back) {
                    next = index == 0 ? CheckPaths.profile(token) : CheckPaths.step(token, steps.get(index - 1));
                } else if (index + 1 < steps.size()) {
                    next = CheckPaths.step(token, steps.get(index + 1));
                } else {
                    next = saved.completed() ? CheckPaths.result(token) : CheckPaths.resume(token);
                }
                return seeOther(request, next, token, saved);
            } catch (ValidationException e) {
                // the page shows what is stored with what was sent over it: a refused page loses no answer
                Map<String, String> shown = new LinkedHashMap<>(selfCheck.answers(a));
                shown.putAll(given);
                return invalid(STEP, views.step(lang(request), a, token, dimension, shown, e.errors()));
            }
        });
    }

    /**
     * The result; right after a request to mail the report, what became of it, or after a consent with refused details
     * on a check already shared, that nothing changed, once (the {@link Flash} note its post left, cleared by this
     * page: not the page's address, which anyone can craft, and not again on a reload).
     */
    @Get("/check/{token}/result")
    HttpResponse<?> result(HttpRequest<?> request, @PathVariable String token) {
        return withCheck(request, token, a -> a.completed()
            ? flash.clear(request, HttpResponse.ok(new ModelAndView<>(RESULT, results.result(lang(request), a, token,
                flash.note(request).orElse(null), request.getParameters().get("consent")))))
            : HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token))));
    }

    @Post("/check/{token}/again")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startAgain(HttpRequest<?> request, @PathVariable String token,
                               @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        return withCheck(request, token, a -> {
            // each copy is a new row and a new peer: a few per check and day (by its id, which a new link keeps)
            if (!quotas.take(COPIES, a.id(), copiesPerDay)) {
                return copiesUsedUp(a, token);
            }
            SelfCheck.Started again = selfCheck.again(a);
            return seeOther(request, CheckPaths.step(again.token(), firstStep(again.assessment())), again.token(),
                again.assessment());
        });
    }

    /** Today's copies of the check are used up: 429 with when to try again, the check unchanged. */
    private HttpResponse<?> copiesUsedUp(AssessmentRow a, String token) {
        Map<String, Object> model = Map.of("copiesPerDay", copiesPerDay, "resultUrl",
            a.completed() ? CheckPaths.result(token) : CheckPaths.resume(token));
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
            .header("Retry-After", String.valueOf(quotas.secondsUntilNextDay()))
            .body(new ModelAndView<>(AGAIN_LIMIT, model));
    }

    /** A redirect to another page of the check, telling the browser the check's revision (see {@link RevisionCookie}). */
    private HttpResponse<?> seeOther(HttpRequest<?> request, String path, String token, AssessmentRow check) {
        return revisions.keep(request, HttpResponse.seeOther(CheckPaths.uri(path)), token, check);
    }

    private String firstStep(AssessmentRow check) {
        return selfCheck.questionnaireOf(check).dimensionsFor(check.type()).get(0).id();
    }

    /** The first step with a question the check has no usable answer to (the first step if there is none). */
    private String firstOpenStep(AssessmentRow check) {
        Map<String, String> answers = selfCheck.answers(check);
        Questionnaire questionnaire = selfCheck.questionnaireOf(check);
        return questionnaire.dimensionsFor(check.type()).stream()
            .filter(d -> questionnaire.questionsOf(d.id(), check.type()).stream()
                .anyMatch(q -> !answers.containsKey(q.id())))
            .map(Questionnaire.Dimension::id).findFirst().orElseGet(() -> firstStep(check));
    }

    private HttpResponse<?> withCheck(HttpRequest<?> request, String token,
                                      java.util.function.Function<AssessmentRow, HttpResponse<?>> action) {
        return lookup.withCheck(selfCheck.byToken(token), action);
    }

    private List<FieldError> formErrors(ProfileForm form) {
        return validation.errors(form, ProfileForm::field);
    }

    private static HttpResponse<?> invalid(String view, Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(view, model));
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
