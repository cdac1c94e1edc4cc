package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.readiness.Sector;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.routing.Municipality;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.web.Choice;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the models of the profile and question pages, every text already in the page's language. */
@Singleton
class CheckViews {

    static final String ANSWER_PREFIX = "q.";
    private static final String OPTION_ID_PREFIX = "o-";

    private final Questionnaires questionnaires;
    private final SelfCheck selfCheck;
    private final PostalCodeDirectory directory;
    private final Messages messages;
    private final PortalSettings settings;

    CheckViews(Questionnaires questionnaires, SelfCheck selfCheck, PostalCodeDirectory directory, Messages messages,
               PortalSettings settings) {
        this.questionnaires = questionnaires;
        this.selfCheck = selfCheck;
        this.directory = directory;
        this.messages = messages;
        this.settings = settings;
    }

    public record ErrorLink(String anchor, String message) {
    }

    /** A question with its options (option id → text), the chosen option's id (or null) and its error (or null). */
    public record QuestionView(String id, String name, int number, String text, String hint, String error,
                               List<Choice> options, String answer) {
    }

    Map<String, Object> profile(Language lang, ProfileForm form, List<FieldError> errors, String action, String token) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> byField = messages.byField(lang, errors);
        model.put("form", form);
        model.put("errors", byField);
        model.put("errorLinks", byField.entrySet().stream()
            .sorted(Comparator.comparingInt(e -> ProfileForm.FIELDS.indexOf(e.getKey())))
            .map(e -> new ErrorLink("#" + e.getKey().replace('.', '-'),
                messages.get(lang, "profile." + e.getKey()) + ": " + e.getValue())).toList());
        model.put("sectors", Sector.SECTIONS.stream().map(s -> new Choice(s, messages.get(lang, "sector." + s))).toList());
        List<Choice> types = new ArrayList<>();
        for (CompanyType type : CompanyType.values()) {
            types.add(new Choice(type.name(), messages.get(lang, "profile.companyType." + type.name())));
        }
        model.put("types", types);
        List<Municipality> candidates = directory.municipalities(form.postalCode().strip());
        model.put("municipalities", candidates.size() > 1
            ? candidates.stream().map(m -> new Choice(m.ags(), m.label())).toList() : List.of());
        model.put("action", action);
        model.put("token", token);
        model.put("eraseUrl", token == null ? null : CheckPaths.erase(token));
        int steps = questionnaires.current().dimensions().size() + 1;
        model.put("progress", progress(lang, 1, steps));
        return model;
    }

    Map<String, Object> step(Language lang, AssessmentRow a, String token, String dimensionId, Map<String, String> answers,
                             List<FieldError> errors) {
        Questionnaire questionnaire = selfCheck.questionnaireOf(a);
        Questionnaire.Dimension dimension = questionnaire.dimension(dimensionId).orElseThrow();
        List<Questionnaire.Dimension> steps = questionnaire.dimensionsFor(a.type());
        Map<String, String> byField = messages.byField(lang, errors);
        List<QuestionView> questions = new ArrayList<>();
        int number = 0;
        for (Questionnaire.Question q : questionnaire.questionsOf(dimensionId, a.type())) {
            number++;
            List<Choice> options = q.options().stream().map(o -> new Choice(o.id(), o.text().in(lang))).toList();
            questions.add(new QuestionView(q.id(), ANSWER_PREFIX + q.id(), number, q.text().in(lang),
                q.hint() == null ? null : q.hint().in(lang), byField.get(q.id()), options, answers.get(q.id())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("dimensionTitle", dimension.title().in(lang));
        model.put("dimensionDescription", dimension.description() == null ? null : dimension.description().in(lang));
        model.put("questions", questions);
        model.put("optionIdPrefix", OPTION_ID_PREFIX);
        model.put("errorLinks", byField.entrySet().stream()
            .map(e -> new ErrorLink("#q-" + e.getKey(), questionLabel(lang, questions, e.getKey()) + ": " + e.getValue()))
            .toList());
        int index = steps.indexOf(dimension);
        model.put("progress", progress(lang, index + 2, steps.size() + 1));
        model.put("last", index == steps.size() - 1);
        model.put("action", CheckPaths.step(token, dimensionId));
        model.put("token", token);
        model.put("resumeUrl", settings.link(CheckPaths.resume(token)));
        model.put("profileUrl", CheckPaths.profile(token));
        return model;
    }

    /** The id of an answer option's radio button. */
    static String optionInputId(String optionId) {
        return OPTION_ID_PREFIX + optionId;
    }

    /** The answers of one dimension's page from the submitted form. */
    Map<String, String> answersOf(AssessmentRow a, String dimensionId, Map<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(ANSWER_PREFIX) && value != null && !value.isBlank()) {
                answers.put(key.substring(ANSWER_PREFIX.length()), value);
            }
        });
        return answers;
    }

    private String questionLabel(Language lang, List<QuestionView> questions, String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst()
            .map(q -> messages.get(lang, "check.question.number", q.number())).orElse(id);
    }

    private Map<String, Object> progress(Language lang, int step, int of) {
        return Map.of("step", step, "of", of, "label", messages.get(lang, "check.progress", step, of));
    }
}
