package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.Questionnaire.Option;
import de.digitalcheck.portal.readiness.Questionnaire.Question;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: invariants of the scoring function over many random answer sets to the real questionnaire
 * (seeded, so a failure names a case that fails again).
 */
class ScoringProperties {

    /** The current questionnaire (the last one configured in application.yml). */
    static final Questionnaire Q = load("v2");
    /** Version 1, still configured: the checks started with it are read and scored with it. */
    static final Questionnaire V1 = load("v1");

    static Questionnaire load(String version) {
        String file = "questionnaires/" + version + ".yaml";
        return QuestionnaireLoader.load(file, new InputStreamReader(
            Objects.requireNonNull(ScoringProperties.class.getResourceAsStream("/" + file)), StandardCharsets.UTF_8));
    }

    record Case(CompanyType type, Map<String, String> answers, int pick) {
    }

    /** 400 random answer sets from a fixed seed, so that every run checks the same cases and failures repeat. */
    static Stream<Case> cases() {
        Random random = new Random(20261126L);
        return IntStream.range(0, 400).mapToObj(i -> {
            CompanyType type = CompanyType.values()[random.nextInt(CompanyType.values().length)];
            Map<String, String> answers = new HashMap<>();
            Q.questions().stream().filter(q -> q.appliesTo(type)).forEach(q -> {
                List<Option> offered = q.optionsFor(type);
                answers.put(q.id(), offered.get(random.nextInt(offered.size())).id());
            });
            return new Case(type, answers, random.nextInt(1000));
        });
    }

    static Stream<Arguments> levelsAndTypes() {
        return IntStream.rangeClosed(0, 5).boxed()
            .flatMap(level -> Arrays.stream(CompanyType.values()).map(type -> Arguments.of(level, type)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void raisingAnyAnswerNeverLowersAnyScore(Case c) {
        int pick = c.pick();
        List<Question> raisable = Q.questions().stream()
            .filter(q -> q.appliesTo(c.type()))
            .filter(q -> {
                Option o = q.option(c.answers().get(q.id())).orElseThrow();
                return !o.notApplicable() && o.level() < QuestionnaireLoader.MAX_LEVEL;
            }).toList();
        if (raisable.isEmpty()) {
            return;
        }
        Question question = raisable.get(pick % raisable.size());
        int current = question.option(c.answers().get(question.id())).orElseThrow().level();
        Option higher = question.nextAbove(current).orElseThrow();
        Map<String, String> raised = new HashMap<>(c.answers());
        raised.put(question.id(), higher.id());

        Scoring.Score before = Scoring.score(Q, c.type(), c.answers());
        Scoring.Score after = Scoring.score(Q, c.type(), raised);
        assertThat(after.value()).isGreaterThanOrEqualTo(before.value());
        assertThat(after.level().number()).isGreaterThanOrEqualTo(before.level().number());
        for (Scoring.DimensionScore d : before.dimensions()) {
            if (d.applicable()) {
                assertThat(after.dimension(d.id()).level()).isGreaterThanOrEqualTo(d.level());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("levelsAndTypes")
    void allAnswersAtOneLevelGiveThatLevelEverywhere(int level, CompanyType type) {
        Map<String, String> answers = new HashMap<>();
        Q.questions().stream().filter(q -> q.appliesTo(type)).forEach(q -> answers.put(q.id(),
            q.options().stream().filter(o -> Objects.equals(o.level(), level)).findFirst().orElseThrow().id()));
        Scoring.Score score = Scoring.score(Q, type, answers);
        assertThat(score.value()).isEqualTo(level);
        assertThat(score.level().number()).isEqualTo(level);
        score.dimensions().stream().filter(Scoring.DimensionScore::applicable)
            .forEach(d -> assertThat(d.level()).isEqualTo(level));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dimensionLevelIsTheLowestAnswerAndItsQuestionsCapIt(Case c) {
        Scoring.Score score = Scoring.score(Q, c.type(), c.answers());
        for (Scoring.DimensionScore d : score.dimensions()) {
            List<Integer> levels = Q.questionsOf(d.id(), c.type()).stream()
                .map(q -> q.option(c.answers().get(q.id())).orElseThrow().level())
                .filter(Objects::nonNull).toList();
            if (levels.isEmpty()) {
                assertThat(d.applicable()).isFalse();
                assertThat(d.cappedBy()).isEmpty();
                continue;
            }
            int min = levels.stream().min(Integer::compare).orElseThrow();
            assertThat(d.level()).isEqualTo(min);
            assertThat(d.cappedBy()).isNotEmpty().allSatisfy(id ->
                assertThat(Q.question(id).orElseThrow().option(c.answers().get(id)).orElseThrow().level()).isEqualTo(min));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scoreIsTheReNormalisedWeightedMeanWithinItsRange(Case c) {
        Scoring.Score score = Scoring.score(Q, c.type(), c.answers());
        double weighted = 0;
        double weights = 0;
        for (Scoring.DimensionScore d : score.dimensions()) {
            if (d.applicable()) {
                weighted += d.weight() * d.level();
                weights += d.weight();
            }
        }
        assertThat(score.value()).isCloseTo(weighted / weights, org.assertj.core.data.Offset.offset(0.05 + 1e-9));
        assertThat(score.value()).isBetween(0.0, 5.0);
        assertThat(score.level().number()).isEqualTo((int) Math.floor(score.value()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void thePotentialIsTheLowestAnswerAboveTheCapAndNeverBelowTheLevel(Case c) {
        Scoring.Score score = Scoring.score(Q, c.type(), c.answers());
        double weighted = 0;
        double weights = 0;
        for (Scoring.DimensionScore d : score.dimensions()) {
            List<Integer> levels = Q.questionsOf(d.id(), c.type()).stream()
                .map(q -> q.option(c.answers().get(q.id())).orElseThrow().level())
                .filter(Objects::nonNull).toList();
            if (levels.isEmpty()) {
                assertThat(d.potential()).isNull();
                continue;
            }
            int expected = levels.stream().filter(l -> l > d.level()).min(Integer::compare).orElse(d.level());
            assertThat(d.potential()).isEqualTo(expected).isGreaterThanOrEqualTo(d.level());
            weighted += d.weight() * d.potential();
            weights += d.weight();
        }
        assertThat(score.potential()).isCloseTo(weighted / weights, org.assertj.core.data.Offset.offset(0.05 + 1e-9))
            .isGreaterThanOrEqualTo(score.value());
    }

    @ParameterizedTest
    @MethodSource("levelsAndTypes")
    void withAllAnswersAtOneLevelThePotentialIsThatLevel(int level, CompanyType type) {
        Map<String, String> answers = new HashMap<>();
        Q.questions().stream().filter(q -> q.appliesTo(type)).forEach(q -> answers.put(q.id(),
            q.options().stream().filter(o -> Objects.equals(o.level(), level)).findFirst().orElseThrow().id()));
        Scoring.Score score = Scoring.score(Q, type, answers);
        assertThat(score.potential()).isEqualTo(level);
        score.dimensions().stream().filter(Scoring.DimensionScore::applicable)
            .forEach(d -> assertThat(d.potential()).isEqualTo(level));
    }

    /**
     * "Not applicable" only for the types that may choose it: for any other type the scoring refuses it like an unknown
     * option, and the check counts it as unanswered, whatever the other answers.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void notApplicableIsNeverScoredForATypeThatMayNotChooseIt(Case c) {
        List<Question> withOption = Q.questions().stream()
            .filter(q -> q.appliesTo(c.type()) && q.options().stream().anyMatch(Option::notApplicable)
                && !q.notApplicableFor().contains(c.type())).toList();
        if (withOption.isEmpty()) {
            return;
        }
        Question question = withOption.get(c.pick() % withOption.size());
        Option na = question.options().stream().filter(Option::notApplicable).findFirst().orElseThrow();
        assertThat(question.optionsFor(c.type())).doesNotContain(na).hasSize(6);
        Map<String, String> answers = new HashMap<>(c.answers());
        answers.put(question.id(), na.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scoring.score(Q, c.type(), answers))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(question.id());
        assertThat(Q.usableAnswers(c.type(), answers)).doesNotContainKey(question.id())
            .hasSize(answers.size() - 1);
    }
}
