package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.Questionnaire.Dimension;
import de.digitalcheck.portal.readiness.Questionnaire.Option;
import de.digitalcheck.portal.readiness.Questionnaire.Question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The readiness score as a pure function (see docs/scoring.md):
 * a dimension's level is the lowest level among its applicable answered questions ("weakest link");
 * the overall score is the mean of the dimension levels weighted with the IMPULS weights,
 * re-normalised over the applicable dimensions, rounded to one decimal; the overall level is its integer part.
 * The potential is the same without the capping answers: per dimension the lowest level among its other answers (its
 * level where all answers cap it), weighted in the same way — what the answers would give if the weakest ones
 * caught up with the rest.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * Scores a complete set of answers.
     *
     * @param answers option id by question id; questions that do not apply to {@code type} are ignored
     * @throws IllegalArgumentException if an applicable question is unanswered or answered with an unknown option, or
     *                                  with a "not applicable" option that a company of this type may not choose
     */
    public static Score score(Questionnaire questionnaire, CompanyType type, Map<String, String> answers) {
        List<DimensionScore> dimensions = new ArrayList<>();
        long weighted = 0;
        long weightedPotential = 0;
        long weights = 0;
        for (Dimension dimension : questionnaire.dimensions()) {
            DimensionScore score = dimension(questionnaire, dimension, type, answers);
            dimensions.add(score);
            if (score.applicable()) {
                weighted += (long) dimension.weight() * score.level();
                weightedPotential += (long) dimension.weight() * score.potential();
                weights += dimension.weight();
            }
        }
        if (weights == 0) {
            throw new IllegalArgumentException("no dimension applies");
        }
        BigDecimal value = mean(weighted, weights);
        return new Score(value.doubleValue(), Level.of(value.intValue()), List.copyOf(dimensions),
            mean(weightedPotential, weights).doubleValue());
    }

    private static BigDecimal mean(long weighted, long weights) {
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
    }

    private static DimensionScore dimension(Questionnaire questionnaire, Dimension dimension, CompanyType type,
                                            Map<String, String> answers) {
        Integer lowest = null;
        Integer nextLowest = null;
        List<String> capping = new ArrayList<>();
        for (Question question : questionnaire.questionsOf(dimension.id(), type)) {
            String optionId = answers.get(question.id());
            Option option = question.option(optionId == null ? "" : optionId, type).orElseThrow(() ->
                new IllegalArgumentException("question " + question.id() + " has no valid answer"));
            if (option.notApplicable()) {
                continue;
            }
            int level = option.level();
            if (lowest == null || level < lowest) {
                nextLowest = lowest;
                lowest = level;
                capping.clear();
            } else if (level > lowest && (nextLowest == null || level < nextLowest)) {
                nextLowest = level;
            }
            if (level == lowest) {
                capping.add(question.id());
            }
        }
        return new DimensionScore(dimension.id(), dimension.weight(), lowest, List.copyOf(capping),
            nextLowest == null ? lowest : nextLowest);
    }

    /**
     * The result: overall score (one decimal) and level, each dimension's level, and the potential score (one decimal):
     * the score without the capping answers.
     */
    public record Score(double value, Level level, List<DimensionScore> dimensions, double potential) {

        public DimensionScore dimension(String id) {
            return dimensions.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        }
    }

    /**
     * A dimension's level ({@code null} where no question applies or all were answered "not applicable"), the questions
     * whose answers set it, and its potential: the lowest level among its other answers ({@code level} where every
     * answer is at it; {@code null} where the dimension does not apply).
     */
    public record DimensionScore(String id, int weight, Integer level, List<String> cappedBy, Integer potential) {

        public boolean applicable() {
            return level != null;
        }
    }
}
