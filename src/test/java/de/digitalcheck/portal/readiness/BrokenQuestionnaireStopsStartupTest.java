package de.digitalcheck.portal.readiness;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokenQuestionnaireStopsStartupTest {

    @Test
    void theApplicationDoesNotStartWithABrokenQuestionnaireAndSaysWhereItIsBroken(@TempDir Path dir) throws IOException {
        String source = QuestionnaireLoaderTest.read();
        String broken = source.replaceFirst("level: 3,", "level: three,");
        int line = (int) source.substring(0, source.indexOf("level: 3,")).chars().filter(c -> c == '\n').count() + 1;
        Path file = dir.resolve("questionnaire-v9.yaml");
        Files.writeString(file, broken, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ApplicationContext.run(Map.of("portal.questionnaires", "file:" + file), "test"))
            .satisfies(e -> {
                Throwable cause = e;
                while (cause != null && !(cause instanceof QuestionnaireException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a QuestionnaireException in the cause chain of " + e).isNotNull();
                QuestionnaireException problem = (QuestionnaireException) cause;
                assertThat(problem.file()).endsWith("questionnaire-v9.yaml");
                assertThat(problem.line()).isEqualTo(line);
                assertThat(problem.getMessage()).contains("questionnaire-v9.yaml, line " + line, "must be a whole number, not 'three'");
            });
    }

    @Test
    void aMissingQuestionnaireFileIsNamed() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("portal.questionnaires", "classpath:questionnaires/v404.yaml"), "test"))
            .hasStackTraceContaining("questionnaires/v404.yaml").hasStackTraceContaining("file not found");
    }
}
