package de.digitalcheck.portal.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md names every environment variable the portal reads: each {@code ${VARIABLE…}} placeholder of
 * application.yml, and each variable the Helm chart's ConfigMap sets.
 */
class OperationsDocumentationTest {

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyVariableOfTheConfigurationIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("docs/operations.md"));
        Set<String> variables = placeholders(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(variables).contains("DB_URL", "SESSION_SECRET", "MANAGEMENT_PORT", "SHUTDOWN_GRACE_PERIOD");
        variables.add("LOG_FORMAT"); // read by PortalLogging from the environment, before any configuration
        for (String variable : variables) {
            assertThat(docs).as(variable + " is described in docs/operations.md").contains("| `" + variable + "`");
        }
    }

    @Test
    void everyVariableTheChartSetsIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("docs/operations.md"));
        String values = Files.readString(Path.of("helm/digitalcheck/values.yaml"));
        String config = values.substring(values.indexOf("\nconfig:\n"), values.indexOf("\nsecrets:\n"));
        Matcher m = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]*):").matcher(config);
        int found = 0;
        while (m.find()) {
            found++;
            assertThat(docs).as(m.group(1) + " is described in docs/operations.md").contains("`" + m.group(1) + "`");
        }
        assertThat(found).isGreaterThan(20);
    }
}
