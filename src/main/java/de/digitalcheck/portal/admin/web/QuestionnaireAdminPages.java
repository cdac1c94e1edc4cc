package de.digitalcheck.portal.admin.web;

import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.QuestionnaireVersions;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.LayoutModel;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network admin's questionnaire versions: every configured version with its checks, each one's questions (read
 * only: published versions are never edited), and which version new checks start with.
 */
@Controller(QuestionnaireAdminPages.PATH)
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class QuestionnaireAdminPages {

    static final String PATH = "/admin/fragebogen";
    static final String VIEW = "admin/questionnaires";
    static final String VERSION_VIEW = "admin/questionnaire";

    private final QuestionnaireVersions versions;
    private final Questionnaires questionnaires;
    private final Messages messages;
    private final Csrf csrf;
    private final Flash flash;
    /** The page's note ({@link Flash}) after the version for new checks was chosen. */
    static final String CHOSEN = "chosen";

    QuestionnaireAdminPages(QuestionnaireVersions versions, Questionnaires questionnaires, Messages messages, Csrf csrf,
                            Flash flash) {
        this.flash = flash;
        this.versions = versions;
        this.questionnaires = questionnaires;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> list(HttpRequest<?> request) {
        Map<String, Object> model = model(lang(request), null, List.of());
        // once, after the post that chose (Flash): "?gewaehlt=1" said so for any link
        model.put("chosen", flash.is(request, CHOSEN));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    @Post("/aktuell")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> choose(HttpRequest<?> request, Authentication authentication,
                           @Body @Nullable QuestionnaireChoiceForm body) {
        csrf.verify(request, body);
        QuestionnaireChoiceForm form = Objects.requireNonNullElse(body, QuestionnaireChoiceForm.EMPTY);
        SignedIn user = SignedIn.of(authentication);
        try {
            versions.choose(form.version(), user.accountId(), user.name());
            return flash.redirect(PATH, CHOSEN);
        } catch (ValidationException e) {
            Map<String, Object> model = model(lang(request), form.version(), e.errors());
            // the language switch leads to the list the form is on: this post's address is no page, and the version
            // pages' route would take "aktuell" for a version (404)
            model.put(LayoutModel.PAGE_PATH, PATH);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    @Get("/{version}")
    ModelAndView<Map<String, Object>> version(HttpRequest<?> request, @PathVariable String version) {
        Questionnaire q = questionnaires.version(version).orElseThrow(ErrorPages.NotFound::new);
        Language lang = lang(request);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("current", questionnaires.current().version().equals(q.version()));
        model.put("dimensions", q.dimensions().stream().map(d -> new DimensionView(d.id(), d.title().in(lang), d.weight(),
            q.questions().stream().filter(x -> x.dimension().equals(d.id())).map(x -> new QuestionView(x.id(),
                x.text().in(lang), x.options().stream().map(o -> option(lang, o)).toList())).toList()))
            .toList());
        return new ModelAndView<>(VERSION_VIEW, model);
    }

    /** A dimension of a version as its page shows it, in the page's language. */
    record DimensionView(String id, String title, int weight, List<QuestionView> questions) {
    }

    record QuestionView(String id, String text, List<OptionView> options) {
    }

    /** An answer option: its level ("Stufe 3", or "not applicable") and text (may be empty). */
    record OptionView(String level, String text) {
    }

    /**
     * An option as the version's page lists it. A "not applicable" option's text mostly says so itself, as the check's
     * pages show it ("Trifft nicht zu: Wir fertigen …"): that beginning is left out after the label, which the page
     * put before it a second time ("Trifft nicht zu: Trifft nicht zu: Wir fertigen …"). The text itself is the
     * published version's and stays as it is.
     */
    private OptionView option(Language lang, Questionnaire.Option o) {
        String text = o.text().in(lang);
        if (!o.notApplicable()) {
            return new OptionView(messages.get(lang, "questionnaires.level", o.level()), text);
        }
        String label = messages.get(lang, "questionnaires.notApplicable");
        return new OptionView(label, withoutLeading(text, label));
    }

    /** {@code text} without a beginning {@code label} (in any case) and the punctuation and spaces after it. */
    static String withoutLeading(String text, String label) {
        if (!text.regionMatches(true, 0, label, 0, label.length())) {
            return text;
        }
        String rest = text.substring(label.length());
        String after = rest.replaceFirst("^[\\s:.,;–—-]+", "");
        // only a whole word: "Not applicableness" keeps its text
        return after.length() == rest.length() && !rest.isEmpty() ? text : after;
    }

    /** The list page: {@code typed} is the version a refused form asked for (null: show the current one). */
    private Map<String, Object> model(Language lang, @Nullable String typed, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        List<QuestionnaireVersions.Version> all = versions.overview();
        model.put("versions", all);
        model.put("history", versions.history());
        model.put("configuredDefault", questionnaires.configuredDefault().version());
        model.put("options", all.stream().map(v -> new Choice(v.questionnaire().version(),
            messages.get(lang, "questionnaires.version", v.questionnaire().version()))).toList());
        model.put("value", typed != null ? typed : questionnaires.current().version());
        model.put("errors", messages.byField(lang, errors));
        model.put("chosen", false);
        model.put("refreshSeconds", Questionnaires.REFRESH.toSeconds());
        return model;
    }

    private static Language lang(HttpRequest<?> request) {
        return PortalLocaleResolver.language(request);
    }
}
