package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the readiness questionnaire: six dimensions with their fields, the questions with
 * their answer options (levels 0–5, or "not applicable"), and recommendations per dimension and level.
 */
public record Questionnaire(
    String version,
    String scoringVersion,
    List<Dimension> dimensions,
    List<Question> questions,
    Map<String, List<Text>> recommendations) {

    /** The ids of the six dimensions of the IMPULS model, in their order; every version has exactly these. */
    public static final List<String> DIMENSION_IDS =
        List.of("strategy", "factory", "operations", "products", "services", "employees");

    public record Dimension(String id, int weight, Text title, Text description, List<Field> fields) {
    }

    public record Field(String id, Text title) {
    }

    public record Option(String id, Integer level, Text text) {

        public boolean notApplicable() {
            return level == null;
        }
    }

    /**
     * A question. {@code notApplicableFor} lists the company types that may choose its "not applicable" option (a
     * subset of {@code appliesTo}; empty where the question has no such option): for the other types it asks, that
     * option is not offered, not accepted and never scored.
     */
    public record Question(
        String id, String dimension, String field, Set<CompanyType> appliesTo, Set<CompanyType> notApplicableFor,
        Text text, Text hint, List<Option> options) {

        public boolean appliesTo(CompanyType type) {
            return appliesTo.contains(type);
        }

        /** Any option of this question with this id, whoever may choose it; see {@link #option(String, CompanyType)}. */
        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }

        /** The option with this id if a company of this type may choose it. */
        public Optional<Option> option(String optionId, CompanyType type) {
            return option(optionId).filter(o -> allows(type, o));
        }

        /**
         * Whether a company of this type may choose the option: an option with a level always; "not applicable" where
         * the type is in {@code notApplicableFor}, or where the question is skipped for the type anyway (the answer is
         * then ignored). Without a type (not known yet) every option.
         */
        public boolean allows(CompanyType type, Option option) {
            return !option.notApplicable() || type == null || !appliesTo(type) || notApplicableFor.contains(type);
        }

        /** The options offered to a company of this type, in questionnaire order. */
        public List<Option> optionsFor(CompanyType type) {
            return options.stream().filter(o -> allows(type, o)).toList();
        }

        /** The lowest option above the given level: what the next step up looks like. */
        public Optional<Option> nextAbove(int level) {
            return options.stream()
                .filter(o -> o.level() != null && o.level() > level)
                .min((a, b) -> Integer.compare(a.level(), b.level()));
        }
    }

    public Optional<Dimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public List<Question> questionsOf(String dimensionId, CompanyType type) {
        return questions.stream()
            .filter(q -> q.dimension().equals(dimensionId) && (type == null || q.appliesTo(type)))
            .toList();
    }

    /** The dimensions with at least one question for this company type, in questionnaire order. */
    public List<Dimension> dimensionsFor(CompanyType type) {
        return dimensions.stream().filter(d -> !questionsOf(d.id(), type).isEmpty()).toList();
    }

    /**
     * The answers a company of this type may have given: those to known questions with an option it may choose. Any
     * other stored answer (e.g. "not applicable" kept from before the company type changed) counts as unanswered.
     */
    public Map<String, String> usableAnswers(CompanyType type, Map<String, String> answers) {
        Map<String, String> usable = new LinkedHashMap<>();
        answers.forEach((questionId, optionId) -> question(questionId)
            .flatMap(q -> q.option(optionId == null ? "" : optionId, type))
            .ifPresent(o -> usable.put(questionId, optionId)));
        return usable;
    }

    public Text recommendation(String dimensionId, int level) {
        return recommendations.get(dimensionId).get(level);
    }

    /** Field titles by field id, across all dimensions. */
    public Map<String, Text> fieldTitles() {
        Map<String, Text> titles = new LinkedHashMap<>();
        dimensions.forEach(d -> d.fields().forEach(f -> titles.put(f.id(), f.title())));
        return titles;
    }
}
