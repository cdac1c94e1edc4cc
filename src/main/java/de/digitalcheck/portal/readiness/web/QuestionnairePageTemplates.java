package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.PageTemplate;
import de.digitalcheck.portal.shared.web.PageTemplates;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The questionnaire's pages as most visitors see them (anonymous, no errors), compiled once: the empty company
 * profile that starts a check once per language, the question pages once per questionnaire version, dimension,
 * language and company type. Per request only the check's token, the CSRF token and the chosen answers are
 * filled in. The same template renders them, so they are the pages the template engine would
 * write (a test compares both).
 */
@Singleton
class QuestionnairePageTemplates {

    private static final String TOKEN = "token";
    private static final String TOKEN_MARKER = "Zq8xTokenPlaceXq8Z";
    private static final String CHECKED = " checked=\"checked\"";

    private record Key(String version, String dimension, Language lang, CompanyType type) {
    }

    private final Map<Key, PageTemplate> compiled = new ConcurrentHashMap<>();
    private final Map<Language, PageTemplate> starts = new ConcurrentHashMap<>();
    private final PageTemplates pages;
    private final CheckViews views;
    private final SelfCheck selfCheck;

    QuestionnairePageTemplates(PageTemplates pages, CheckViews views, SelfCheck selfCheck) {
        this.pages = pages;
        this.views = views;
        this.selfCheck = selfCheck;
    }

    /** Whether this request can have the compiled page (anonymous visitors; others see their own layout). */
    boolean fit(HttpRequest<?> request) {
        return pages.fits(request);
    }

    /** The empty company profile that starts a check. */
    MutableHttpResponse<byte[]> start(HttpRequest<?> request, Language lang) {
        PageTemplate page = starts.computeIfAbsent(lang, l -> pages.compile(request, CheckPaths.START,
            CheckController.PROFILE, views.profile(l, ProfileForm.EMPTY, List.of(), CheckPaths.START, null),
            Map.of(), Map.of(), ""));
        return pages.respond(request, page, Map.of(), Set.of());
    }

    /** A question page of the check with its chosen answers. */
    MutableHttpResponse<byte[]> step(HttpRequest<?> request, Language lang, AssessmentRow a, String token,
                                        String dimension, Map<String, String> answers) {
        PageTemplate page = compiled.computeIfAbsent(new Key(a.questionnaireVersion(), dimension, lang, a.type()),
            key -> compile(request, lang, a, dimension));
        return pages.respond(request, page, Map.of(TOKEN, token), new HashSet<>(answers.values()));
    }

    private PageTemplate compile(HttpRequest<?> request, Language lang, AssessmentRow a, String dimension) {
        Map<String, Object> model = views.step(lang, a, TOKEN_MARKER, dimension, Map.of(), List.of());
        Map<String, String> switches = new HashMap<>();
        Questionnaire questionnaire = selfCheck.questionnaireOf(a);
        for (Questionnaire.Question q : questionnaire.questionsOf(dimension, a.type())) {
            for (Questionnaire.Option o : q.optionsFor(a.type())) {
                switches.put("id=\"" + CheckViews.optionInputId(o.id()) + "\" value=\"" + o.id() + "\"", o.id());
            }
        }
        return pages.compile(request, CheckPaths.step(TOKEN_MARKER, dimension), CheckController.STEP, model,
            Map.of(TOKEN_MARKER, TOKEN), switches, CHECKED);
    }
}
