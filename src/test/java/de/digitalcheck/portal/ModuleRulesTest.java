package de.digitalcheck.portal;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check of {@link ModuleRules} finds what it is there to find: a small application of two modules that breaks
 * every rule is compiled here (without annotation processing, so it never becomes part of the portal) and checked.
 * The same checks find nothing in the portal ({@link ModuleArchitectureTest}).
 */
class ModuleRulesTest {

    static final String BASE = "fixture.app";

    static final Map<String, String> SOURCES = Map.of(
        "fixture/app/alpha/AlphaRow.java", """
            package fixture.app.alpha;
            @io.micronaut.data.annotation.MappedEntity("alpha")
            public record AlphaRow(@io.micronaut.data.annotation.Id String id) {
            }
            """,
        "fixture/app/alpha/AlphaRows.java", """
            package fixture.app.alpha;
            @io.micronaut.data.jdbc.annotation.JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.MYSQL)
            public interface AlphaRows extends io.micronaut.data.repository.CrudRepository<AlphaRow, String> {
            }
            """,
        "fixture/app/alpha/Alphas.java", """
            package fixture.app.alpha;
            public class Alphas {
                public io.micronaut.http.HttpResponse<String> find(AlphaRows rows) {
                    return io.micronaut.http.HttpResponse.ok(rows.findById("x").map(AlphaRow::id).orElse(""));
                }
            }
            """,
        "fixture/app/alpha/internal/Helper.java", """
            package fixture.app.alpha.internal;
            public class Helper {
                public static String help() {
                    return "help";
                }
            }
            """,
        "fixture/app/beta/Beta.java", """
            package fixture.app.beta;
            public class Beta {
                String use(fixture.app.alpha.AlphaRows rows) {
                    return fixture.app.alpha.internal.Helper.help() + rows.count();
                }
            }
            """);

    static ModuleRules rules;

    @BeforeAll
    static void compileTheFixture(@TempDir Path dir) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", dir.resolve("classes").toString(),
            "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = dir.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertThat(javac.run(null, null, errors, arguments.toArray(String[]::new))).as(errors.toString()).isZero();
        rules = new ModuleRules(BASE, new ClassFileImporter().importPath(dir.resolve("classes")));
    }

    @Test
    void findsTheModulesAndTheirDependencies() {
        assertThat(rules.dependencies()).isEqualTo(Map.of("alpha", Set.of(), "beta", Set.of("alpha")));
    }

    @Test
    void findsADependencyThatIsNotDeclared() {
        assertThat(rules.undeclaredDependencies(Map.of("alpha", Set.of(), "beta", Set.of())))
            .containsExactly("beta → alpha: fixture.app.beta.Beta → fixture.app.alpha.AlphaRows",
                "beta → alpha: fixture.app.beta.Beta → fixture.app.alpha.internal.Helper");
        assertThat(rules.undeclaredDependencies(Map.of("alpha", Set.of(), "beta", Set.of("alpha")))).isEmpty();
    }

    @Test
    void findsAModuleUsingAnotherModulesRepository() {
        assertThat(rules.usesOfOtherModulesTables()).containsExactly("fixture.app.beta.Beta → fixture.app.alpha.AlphaRows");
        assertThat(rules.publicTables()).containsExactly("fixture.app.alpha.AlphaRow", "fixture.app.alpha.AlphaRows");
    }

    @Test
    void findsAModuleUsingAnotherModulesInternals() {
        assertThat(rules.usesOfInternals()).containsExactly("fixture.app.beta.Beta → fixture.app.alpha.internal.Helper");
    }

    @Test
    void findsAClassOtherThanTheAllowedOneUsingAGuardedClass() {
        assertThat(rules.usesOf("fixture.app.alpha.AlphaRows", Set.of("fixture.app.alpha.Alphas")))
            .containsExactly("fixture.app.beta.Beta → fixture.app.alpha.AlphaRows");
    }

    @Test
    void findsDomainCodeUsingTheWebLayer() {
        assertThat(rules.webOutsideWebPackages()).containsExactly("fixture.app.alpha.Alphas → io.micronaut.http.HttpResponse");
    }
}
