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

    public record Question(
        String id, String dimension, String field, Set<CompanyType> appliesTo, Text text, Text hint,
        List<Option> options) {

        public boolean appliesTo(CompanyType type) {
            return appliesTo.contains(type);
        }

        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
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
