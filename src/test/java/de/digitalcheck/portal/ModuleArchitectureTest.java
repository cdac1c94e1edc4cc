package de.digitalcheck.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/architecture.md, checked on the application's classes: which module may use which, only a
 * module's root package is its API, each module's tables are its own, the {@code assessment} table is written only
 * through {@code SelfCheck}, domain code stays out of the web layer, and no cycles. A new dependency between modules
 * fails here until it is declared in {@link #ALLOWED} (and in docs/architecture.md).
 */
class ModuleArchitectureTest {

    static final String BASE = "de.digitalcheck.portal";

    /** Module → the modules it may use; kept equal to what the code does (a declared but unused one fails too). */
    static final Map<String, Set<String>> ALLOWED = Map.of(
        "shared", Set.of(),
        "routing", Set.of("shared"),
        "funding", Set.of("routing", "shared"),
        "readiness", Set.of("routing", "funding", "shared"),
        "accounts", Set.of("readiness", "routing", "shared"),
        "booking", Set.of("accounts", "funding", "readiness", "routing", "shared"),
        "report", Set.of("readiness", "booking", "routing", "shared"),
        "admin", Set.of("accounts", "routing", "funding", "readiness", "shared"),
        "demo", Set.of("accounts", "booking", "routing"),
        "leads", Set.of("accounts", "booking", "readiness", "report", "routing", "shared"));

    static JavaClasses classes;
    static ModuleRules rules;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
        rules = new ModuleRules(BASE, classes);
    }

    @Test
    void modulesDependOnEachOtherOnlyAsDeclared() {
        assertThat(rules.undeclaredDependencies(ALLOWED)).isEmpty();
        Map<String, Set<String>> actual = rules.dependencies();
        assertThat(actual).as("the declared matrix is the code's matrix (docs/architecture.md shows it)")
            .isEqualTo(ALLOWED);
    }

    @Test
    void modulesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void otherModulesUseOnlyAModulesRootPackage() {
        assertThat(rules.usesOfInternals()).isEmpty();
    }

    @Test
    void eachModulesTablesAreItsOwn() {
        assertThat(rules.usesOfOtherModulesTables()).isEmpty();
        assertThat(rules.publicTables()).as("entities and repositories are package-private or internal").isEmpty();
    }

    @Test
    void onlySelfCheckTouchesTheAssessmentTable() {
        assertThat(rules.usesOf(BASE + ".readiness.internal.AssessmentRows",
            Set.of(BASE + ".readiness.internal.AssessmentStore"))).as("the table, only through its store").isEmpty();
        assertThat(rules.usesOf(BASE + ".readiness.internal.AssessmentStore",
            Set.of(BASE + ".readiness.internal.SelfCheck"))).as("the store, only through the use cases").isEmpty();
    }

    @Test
    void domainCodeStaysOutOfTheWebLayer() {
        assertThat(rules.webOutsideWebPackages()).isEmpty();
    }

    /**
     * A line of the forms' error summary is one type, the shared web package's, for every module's pages: five
     * identical {@code record ErrorLink(String anchor, String message)} were once kept in five web packages.
     */
    @Test
    void theErrorSummarysLineIsOneSharedType() {
        assertThat(classes.stream().filter(c -> c.getSimpleName().equals("ErrorLink")).map(c -> c.getName()))
            .containsExactly(BASE + ".shared.web.ErrorLink");
    }

    /**
     * A score's decimal is written in one place, {@code ResultSummaries.decimal} (one decimal, the language's mark):
     * "Mein Unternehmen" once had its own copy of the format beside the result page's and the trail's.
     */
    @Test
    void aDecimalScoreIsFormattedInOnePlace() {
        noClasses().that().doNotHaveFullyQualifiedName(BASE + ".readiness.ResultSummaries")
            .should().callMethodWhere(target(owner(assignableTo(NumberFormat.class))))
            .because("ResultSummaries.decimal is the shared format of a score")
            .check(classes);
    }
}
