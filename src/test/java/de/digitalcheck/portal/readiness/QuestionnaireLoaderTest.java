package de.digitalcheck.portal.readiness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionnaireLoaderTest {

    static final Questionnaire V1 = ScoringProperties.V1;
    static final Questionnaire V2 = ScoringProperties.Q;

    @Test
    void versionOneHasTheSixImpulsDimensionsAndTheirEighteenFields() {
        assertThat(V1.dimensions()).extracting(Questionnaire.Dimension::id)
            .containsExactly("strategy", "factory", "operations", "products", "services", "employees");
        assertThat(V1.dimensions()).extracting(Questionnaire.Dimension::weight).containsExactly(25, 14, 10, 19, 14, 18);
        assertThat(V1.dimensions().stream().mapToInt(d -> d.fields().size()).sum()).isEqualTo(18);
        assertThat(V1.questions()).hasSizeBetween(24, 40);
    }

    @Test
    void everyQuestionOffersEachLevelOnceAndNotApplicableOnlyWhereImpulsAllowsIt() {
        for (Questionnaire.Question q : V1.questions()) {
            assertThat(q.options().stream().filter(o -> o.level() != null).map(Questionnaire.Option::level))
                .as(q.id()).containsExactly(0, 1, 2, 3, 4, 5);
            if (q.options().stream().anyMatch(Questionnaire.Option::notApplicable)) {
                assertThat(q.dimension()).as(q.id()).isIn("products", "services");
            }
            assertThat(q.text().de()).isNotBlank();
            assertThat(q.text().en()).isNotBlank();
        }
    }

    @Test
    void skipRulesLeaveEveryCompanyTypeAMeaningfulCheck() {
        for (CompanyType type : CompanyType.values()) {
            assertThat(V1.questions().stream().filter(q -> q.appliesTo(type)).count()).as(type.name()).isGreaterThanOrEqualTo(18);
            assertThat(V1.dimensionsFor(type)).as(type.name()).hasSizeGreaterThanOrEqualTo(4);
        }
        assertThat(V1.dimensionsFor(CompanyType.SERVICES)).extracting(Questionnaire.Dimension::id).doesNotContain("products");
    }

    @Test
    void versionTwoOffersNotApplicableOnSmartProductsOnlyToContractManufacturers() {
        assertThat(V2.version()).isEqualTo("2");
        assertThat(V2.scoringVersion()).isEqualTo(V1.scoringVersion()).isEqualTo("1");
        for (Questionnaire.Question q : V2.questions()) {
            boolean hasOption = q.options().stream().anyMatch(Questionnaire.Option::notApplicable);
            assertThat(q.notApplicableFor()).as(q.id()).isEqualTo(hasOption
                ? java.util.Set.of(CompanyType.CONTRACT_MANUFACTURING) : java.util.Set.of());
            assertThat(hasOption).as(q.id()).isEqualTo(q.dimension().equals("products"));
            assertThat(q.optionsFor(CompanyType.OWN_PRODUCTS)).as(q.id()).noneMatch(Questionnaire.Option::notApplicable);
            assertThat(q.optionsFor(CompanyType.CONTRACT_MANUFACTURING)).as(q.id()).hasSize(q.options().size());
        }
    }

    @Test
    void versionTwoIsVersionOneWithOnlyWhoMayChooseNotApplicableChanged() {
        assertThat(V2.dimensions()).isEqualTo(V1.dimensions());
        assertThat(V2.recommendations()).isEqualTo(V1.recommendations());
        assertThat(V2.questions()).hasSameSizeAs(V1.questions());
        for (int i = 0; i < V1.questions().size(); i++) {
            Questionnaire.Question one = V1.questions().get(i);
            Questionnaire.Question two = V2.questions().get(i);
            assertThat(new Questionnaire.Question(two.id(), two.dimension(), two.field(), two.appliesTo(),
                one.notApplicableFor(), two.text(), two.hint(), two.options())).isEqualTo(one);
            // version 1 without a list: "not applicable" for every type the question applies to, as it was published
            assertThat(one.notApplicableFor()).isEqualTo(one.options().stream().anyMatch(Questionnaire.Option::notApplicable)
                ? one.appliesTo() : java.util.Set.of());
        }
    }

    /** Each row: a change to the first {@code notApplicableFor} line of v2.yaml, and the expected problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "    notApplicableFor: [TRADE]|names TRADE, which the question does not apply to",
        "    notApplicableFor: [CONTRACT_MANUFACTURING, SERVICES]|names SERVICES, which the question does not apply to",
        "    notApplicableFor: [CONTRACT_MANUFACTURING, FACTORY]|unknown company type 'FACTORY'",
        "    notApplicableFor: []|must not be empty",
        "    notApplicableFor: CONTRACT_MANUFACTURING|must be a list",
    })
    void aBadNotApplicableForListIsRefused(String replacement, String problem) {
        String source = read("v2");
        String line = "    notApplicableFor: [CONTRACT_MANUFACTURING]";
        int index = source.indexOf(line);
        assertThat(index).isNotNegative();
        int expectedLine = (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        // (the CSV rows lose their leading blanks)
        String broken = source.substring(0, index) + "    " + replacement.strip() + source.substring(index + line.length());
        assertThatThrownBy(() -> load(broken)).isInstanceOf(QuestionnaireException.class)
            .hasMessageContaining(problem)
            .satisfies(e -> assertThat(((QuestionnaireException) e).line()).isBetween(expectedLine, expectedLine + 1));
        assertThat(load(source).question("products-ict-1").orElseThrow().notApplicableFor())
            .containsExactly(CompanyType.CONTRACT_MANUFACTURING);
    }

    @Test
    void notApplicableForIsRefusedOnAQuestionWithoutANotApplicableOption() {
        String source = read("v2").replaceFirst("\n    dimension: strategy\n",
            "\n    dimension: strategy\n    notApplicableFor: [OWN_PRODUCTS]\n");
        assertThatThrownBy(() -> load(source)).isInstanceOf(QuestionnaireException.class)
            .hasMessageContaining("question 'strategy-roadmap-1' has notApplicableFor but no 'not applicable' option");
    }

    @Test
    void invalidYamlNamesFileAndLine() {
        assertThatThrownBy(() -> load("version: \"1\"\nscoringVersion: [unclosed\n"))
            .isInstanceOf(QuestionnaireException.class)
            .hasMessageStartingWith("Questionnaire broken.yaml, line ")
            .hasMessageContaining("not valid YAML");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> load("")).isInstanceOf(QuestionnaireException.class).hasMessageContaining("empty");
    }

    /** Each row: a line of v1.yaml to change (first occurrence), its replacement, and the expected problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "    weight: 25|    weight: many|must be a whole number",
        "    weight: 25|    weight: 25\\n    colour: blue|unknown key 'colour'",
        "  - id: strategy|  - id: marketing|expected dimension 'strategy'",
        "    dimension: strategy|    dimension: marketing|unknown dimension 'marketing'",
        "      - {id: strategy-roadmap-1-5, level: 5,|      - {id: strategy-roadmap-1-5, level: 4,|two options at level 4",
        "      - {id: strategy-roadmap-1-5, level: 5,|      - {id: strategy-roadmap-1-5, level: null,|allowed only in",
        "      - {id: strategy-roadmap-1-5, level: 5,|      - {id: strategy-roadmap-1-4, level: 5,|duplicate id 'strategy-roadmap-1-4'",
        "      - {id: strategy-roadmap-1-5, level: 5,|      - {id: strategy-roadmap-1-5, level: 7,|between 0 and 5",
    })
    void brokenFilesStopWithFileLineAndProblem(String original, String replacement, String problem) {
        String source = read();
        int index = source.indexOf(original);
        assertThat(index).as("fixture line present: " + original).isNotNegative();
        String broken = source.substring(0, index) + replacement.replace("\\n", "\n") + source.substring(index + original.length());
        int expectedLine = (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        assertThatThrownBy(() -> load(broken))
            .isInstanceOf(QuestionnaireException.class)
            .hasMessageContaining(problem)
            .satisfies(e -> {
                QuestionnaireException qe = (QuestionnaireException) e;
                assertThat(qe.file()).isEqualTo("broken.yaml");
                assertThat(qe.line()).isBetween(expectedLine, expectedLine + 1);
            });
    }

    @Test
    void aFieldWithoutQuestionIsRefused() {
        String source = read().replace("field: strategy-innovation", "field: strategy-roadmap");
        assertThatThrownBy(() -> load(source)).isInstanceOf(QuestionnaireException.class)
            .hasMessageContaining("field 'strategy-innovation' has no question");
    }

    @Test
    void tooFewQuestionsAreRefused() {
        String source = read();
        int start = source.indexOf("questions:");
        int firstQuestion = source.indexOf("  - id:", start);
        int recommendations = source.indexOf("recommendations:");
        // keep only the first question
        int second = source.indexOf("\n  - id:", firstQuestion + 1);
        String truncated = source.substring(0, second + 1) + source.substring(recommendations);
        assertThatThrownBy(() -> load(truncated)).isInstanceOf(QuestionnaireException.class)
            .hasMessageContaining("questions, found 1");
    }

    static String read() {
        return read("v1");
    }

    static String read(String version) {
        try (var in = QuestionnaireLoaderTest.class.getResourceAsStream("/questionnaires/" + version + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Questionnaire load(String source) {
        return QuestionnaireLoader.load("broken.yaml", new StringReader(source));
    }
}
