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
import de.digitalcheck.portal.shared.web.ErrorLink;
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
    private static final String AGS_REQUIRED = "error.ags.required";

    private final Questionnaires questionnaires;
    private final SelfCheck selfCheck;
    private final PostalCodeDirectory directory;
    private final Messages messages;
    private final PortalSettings settings;
    private final CheckSharing sharing;

    CheckViews(Questionnaires questionnaires, SelfCheck selfCheck, PostalCodeDirectory directory, Messages messages,
               PortalSettings settings, CheckSharing sharing) {
        this.sharing = sharing;
        this.questionnaires = questionnaires;
        this.selfCheck = selfCheck;
        this.directory = directory;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * A question with its visible number ("Frage 3 von 6"), its options (option id → text), the chosen option's id
     * (or null) and its error (or null).
     */
    public record QuestionView(String id, String name, int number, String label, String text, String hint, String error,
                               List<Choice> options, String answer) {
    }

    /** The profile page of a new check: its steps are those of the questionnaire new checks start with. */
    Map<String, Object> profile(Language lang, ProfileForm form, List<FieldError> errors, String action, String token) {
        return profile(lang, form, errors, action, token, questionnaires.current().dimensions().size() + 1);
    }

    /**
     * The profile page of check {@code a}: its steps are those its questions pages count (its own questionnaire
     * version, the dimensions its company type is asked), so "step 1 of N" agrees with "step 2 of N" after it.
     */
    Map<String, Object> profile(Language lang, ProfileForm form, List<FieldError> errors, String action, String token,
                                AssessmentRow a) {
        Map<String, Object> model = profile(lang, form, errors, action, token,
            selfCheck.questionnaireOf(a).dimensionsFor(a.type()).size() + 1);
        // a completed check's profile saves back to its result, or on to its questions (CheckController.updateProfile)
        model.put("completed", a.completed());
        // a shared check: a change here does not reach whoever holds its data, and a new location may need a new consent
        CheckSharing.State state = sharing.of(a);
        List<String> holders = new ArrayList<>();
        if (state.here() != null) {
            holders.add(holder(lang, state.here()));
        }
        state.elsewhere().forEach(l -> holders.add(holder(lang, l)));
        model.put("sharedNote", holders.isEmpty() ? null
            : messages.get(lang, "profile.shared", String.join(messages.get(lang, "profile.shared.and"), holders)));
        return model;
    }

    private String holder(Language lang, de.digitalcheck.portal.readiness.AgencyLeads.SharedLead lead) {
        return lead.fallback() ? messages.get(lang, "profile.shared.team", lead.agencyName()) : lead.agencyName();
    }

    private Map<String, Object> profile(Language lang, ProfileForm form, List<FieldError> errors, String action,
                                        String token, int steps) {
        Map<String, Object> model = new HashMap<>();
        // a postal code with several municipalities is a question to ask, not an error
        boolean asking = errors.stream().anyMatch(e -> e.field().equals("ags") && e.key().equals(AGS_REQUIRED));
        Map<String, String> byField = new LinkedHashMap<>();
        errors.stream().filter(e -> !(e.field().equals("ags") && e.key().equals(AGS_REQUIRED)))
            .forEach(e -> byField.putIfAbsent(e.field(), profileMessage(lang, e)));
        model.put("form", form);
        model.put("errors", byField);
        model.put("asking", asking);
        model.put("contactNameNeeded", !form.contactEmail().isBlank());
        model.put("sectors", Sector.SECTIONS.stream().map(s -> new Choice(s, messages.get(lang, "sector." + s))).toList());
        List<Choice> types = new ArrayList<>();
        for (CompanyType type : CompanyType.values()) {
            types.add(new Choice(type.name(), messages.get(lang, "profile.companyType." + type.name())));
        }
        model.put("types", types);
        List<Municipality> candidates = directory.municipalities(form.postalCode().strip());
        List<Choice> municipalities = candidates.size() > 1
            ? candidates.stream().map(m -> new Choice(m.ags(), label(lang, m))).toList() : List.of();
        model.put("municipalities", municipalities);
        // the radio groups by their first option, which takes the focus; a municipality without a choice of them (the
        // one chosen no longer fits the postal code) by the postal code it comes from
        List<ErrorLink> links = byField.entrySet().stream()
            .sorted(Comparator.comparingInt(e -> ProfileForm.FIELDS.indexOf(e.getKey())))
            .map(e -> new ErrorLink(e.getKey().equals("ags") && municipalities.isEmpty() ? "#postalCode"
                : "#" + e.getKey().replace('.', '-'), e.getValue())).toList();
        links = ErrorLink.toFirstOption(links, "#companyType", "type-", types);
        model.put("errorLinks", ErrorLink.toFirstOption(links, "#ags", "ags-", municipalities));
        model.put("action", action);
        model.put("token", token);
        model.put("eraseUrl", token == null ? null : CheckPaths.erase(token));
        model.put("progress", progress(lang, 1, steps));
        return model;
    }

    /** A municipality to choose: with its district, or where it has none its state in the page's language. */
    private String label(Language lang, Municipality m) {
        if (m.district() != null && !m.district().isBlank() || m.ags().length() < 2) {
            return m.label();
        }
        return m.name() + " (" + messages.find(lang, "result.state." + m.ags().substring(0, 2)).orElse(m.state()) + ")";
    }

    Map<String, Object> step(Language lang, AssessmentRow a, String token, String dimensionId, Map<String, String> answers,
                             List<FieldError> errors) {
        Questionnaire questionnaire = selfCheck.questionnaireOf(a);
        Questionnaire.Dimension dimension = questionnaire.dimension(dimensionId).orElseThrow();
        List<Questionnaire.Dimension> steps = questionnaire.dimensionsFor(a.type());
        Map<String, FieldError> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e));
        List<Questionnaire.Question> asked = questionnaire.questionsOf(dimensionId, a.type());
        List<QuestionView> questions = new ArrayList<>();
        List<ErrorLink> errorLinks = new ArrayList<>();
        int number = 0;
        for (Questionnaire.Question q : asked) {
            number++;
            List<Choice> options = q.optionsFor(a.type()).stream()
                .map(o -> new Choice(o.id(), o.text().in(lang))).toList();
            FieldError error = byField.remove(q.id());
            String text = q.text().in(lang);
            questions.add(new QuestionView(q.id(), ANSWER_PREFIX + q.id(), number,
                messages.get(lang, "check.question.number", number, asked.size()), text,
                q.hint() == null ? null : q.hint().in(lang),
                error == null ? null : questionMessage(lang, error, "", number, asked.size(), text), options,
                answers.get(q.id())));
            if (error != null) {
                // to the question's first answer, which takes the focus (its fieldset cannot: ErrorLink.toFirstOption)
                String anchor = options.isEmpty() ? "#q-" + q.id() : "#" + optionInputId(options.get(0).value());
                errorLinks.add(new ErrorLink(anchor,
                    questionMessage(lang, error, ".summary", number, asked.size(), text)));
            }
        }
        // errors of questions not on this page (none from this page's form, but never hidden)
        byField.values().forEach(e -> errorLinks.add(new ErrorLink("#content", messages.message(lang, e))));
        Map<String, Object> model = new HashMap<>();
        model.put("dimensionTitle", dimension.title().in(lang));
        model.put("dimensionDescription", dimension.description() == null ? null : dimension.description().in(lang));
        model.put("questions", questions);
        model.put("optionIdPrefix", OPTION_ID_PREFIX);
        model.put("errorLinks", errorLinks);
        int index = steps.indexOf(dimension);
        model.put("progress", progress(lang, index + 2, steps.size() + 1));
        model.put("last", index == steps.size() - 1);
        model.put("action", CheckPaths.step(token, dimensionId));
        model.put("token", token);
        // in the page's language: the link is kept and opened later, often in another browser (German without it)
        model.put("resumeUrl", settings.link(CheckPaths.resume(token) + CheckPaths.languageQuery(lang)));
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

    /**
     * A question's error saying which question it is about: {@code check.<key>} (beside the question) or
     * {@code check.<key>.summary} (in the error summary) with the question's number, their count and its text; the
     * general message where there is none.
     */
    private String questionMessage(Language lang, FieldError error, String variant, int number, int of, String text) {
        return messages.find(lang, "check." + error.key() + variant, number, of, text)
            .orElseGet(() -> messages.message(lang, error));
    }

    /** A profile field's error in words about that field ({@code profile.error.<field>.<key>}), else the general one. */
    private String profileMessage(Language lang, FieldError error) {
        return messages.find(lang, "profile.error." + error.field() + "." + error.key().replaceFirst("^error\\.", ""),
            error.args().toArray()).orElseGet(() -> messages.message(lang, error));
    }

    private Map<String, Object> progress(Language lang, int step, int of) {
        return Map.of("step", step, "of", of, "label", messages.get(lang, "check.progress", step, of));
    }
}
