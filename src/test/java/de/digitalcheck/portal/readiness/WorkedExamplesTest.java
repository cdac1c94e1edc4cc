package de.digitalcheck.portal.readiness;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two worked examples of docs/scoring.md, computed by the scoring function: if the document and the code part,
 * this fails.
 */
class WorkedExamplesTest {

    private static final List<String> QUESTIONS = List.of(
        "strategy-roadmap-1", "strategy-roadmap-2", "strategy-investments-1", "strategy-investments-2",
        "strategy-innovation-1", "strategy-innovation-2",
        "factory-modelling-1", "factory-equipment-1", "factory-equipment-2", "factory-data-1", "factory-data-2",
        "factory-it-1", "factory-it-2",
        "operations-cloud-1", "operations-security-1", "operations-security-2", "operations-autonomy-1",
        "operations-sharing-1", "operations-sharing-2",
        "products-ict-1", "products-ict-2", "products-analytics-1", "products-analytics-2",
        "services-offering-1", "services-offering-2", "services-revenue-1", "services-data-1",
        "employees-acquisition-1", "employees-acquisition-2", "employees-skills-1", "employees-skills-2");

    /** Answers as the document lists them: one level per question in document order, -1 for "not applicable". */
    private static Map<String, String> answers(int... levels) {
        assertThat(levels).hasSize(QUESTIONS.size());
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i++) {
            answers.put(QUESTIONS.get(i), QUESTIONS.get(i) + (levels[i] < 0 ? "-na" : "-" + levels[i]));
        }
        return answers;
    }

    private static Scoring.DimensionScore dimension(Scoring.Score score, String id) {
        return score.dimensions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void exampleOneAllDimensionsApply() {
        Scoring.Score score = Scoring.score(ScoringProperties.Q, CompanyType.OWN_PRODUCTS, answers(
            3, 4, 3, 5, 3, 4,
            1, 2, 2, 3, 2, 3, 2,
            3, 2, 3, 2, 3, 4,
            2, 3, 2, 2,
            1, 2, 1, 2,
            3, 3, 4, 3));

        assertThat(score.value()).isEqualTo(2.2);
        assertThat(score.level()).isEqualTo(Level.INTERMEDIATE);
        assertThat(score.level().group()).isEqualTo(Level.Group.LEARNERS);
        assertThat(dimension(score, "factory").level()).isEqualTo(1);
        assertThat(dimension(score, "factory").cappedBy()).containsExactly("factory-modelling-1");
        assertThat(dimension(score, "operations").cappedBy())
            .containsExactly("operations-security-1", "operations-autonomy-1");
        // the potential: strategy 4, factory 2, operations 3, products 3, services 2, employees 4 → 315 / 100
        assertThat(score.dimensions().stream().map(Scoring.DimensionScore::potential))
            .containsExactly(4, 2, 3, 3, 2, 4);
        assertThat(score.potential()).isEqualTo(3.2);
    }

    @Test
    void exampleTwoADimensionThatDoesNotApply() {
        Scoring.Score score = Scoring.score(ScoringProperties.Q, CompanyType.CONTRACT_MANUFACTURING, answers(
            2, 2, 3, 2, 3, 2,
            3, 4, 3, 3, 4, 3, 3,
            2, 3, 2, 2, 3, 2,
            -1, -1, -1, -1,
            0, 1, 0, 1,
            2, 3, 2, 3));

        assertThat(score.value()).isEqualTo(1.8);
        assertThat(score.level()).isEqualTo(Level.BEGINNER);
        assertThat(score.level().group()).isEqualTo(Level.Group.NEWCOMERS);
        Scoring.DimensionScore products = dimension(score, "products");
        assertThat(products.applicable()).isFalse();
        assertThat(products.cappedBy()).isEmpty();
        assertThat(products.potential()).isNull();
        assertThat(dimension(score, "services").level()).isZero();
        assertThat(dimension(score, "strategy").cappedBy()).containsExactly(
            "strategy-roadmap-1", "strategy-roadmap-2", "strategy-investments-2", "strategy-innovation-2");
        // the potential: strategy 3, factory 4, operations 3, services 1, employees 3 → 229 / 81 = 2.83
        assertThat(score.potential()).isEqualTo(2.8);
    }

    /**
     * The rule of docs/scoring.md, "Who may answer not applicable": a manufacturer with its own products cannot drop
     * smart products out of its score (in questionnaire version 1 it could, and raised 2.4 to 3.0).
     */
    @Test
    void aManufacturerWithOwnProductsCannotAnswerSmartProductsNotApplicable() {
        int[] productsAtZero = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3};
        int[] productsNotApplicable = productsAtZero.clone();
        for (int i = 19; i < 23; i++) {
            productsNotApplicable[i] = -1;
        }
        // 81 × 3 / 100 = 2.43
        assertThat(Scoring.score(ScoringProperties.Q, CompanyType.OWN_PRODUCTS, answers(productsAtZero)).value())
            .isEqualTo(2.4);
        assertThatThrownBy(() -> Scoring.score(ScoringProperties.Q, CompanyType.OWN_PRODUCTS,
            answers(productsNotApplicable))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("products-ict-1");
        // a contract manufacturer may: products drop out, 243 / 81 = 3.0
        assertThat(Scoring.score(ScoringProperties.Q, CompanyType.CONTRACT_MANUFACTURING,
            answers(productsNotApplicable)).value()).isEqualTo(3.0);
        // a result of version 1 keeps its meaning: there the option was open to OWN_PRODUCTS
        assertThat(Scoring.score(ScoringProperties.V1, CompanyType.OWN_PRODUCTS, answers(productsNotApplicable)).value())
            .isEqualTo(3.0);
    }
}
