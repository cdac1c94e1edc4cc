package de.digitalcheck.portal.readiness;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaires' binary form ({@link QuestionnaireBinary}): it reads back exactly what the YAML says, the build
 * put it next to the portal's files, and the portal uses it only for the very bytes it was made from — a YAML changed
 * since (or an operator's own file) is read as YAML.
 */
class QuestionnaireBinaryTest {

    private static final List<String> BUNDLED = List.of("questionnaires/v1.yaml", "questionnaires/v2.yaml");

    @Test
    void everyBundledQuestionnaireReadsBackAsItsYamlSays() throws IOException {
        for (String name : BUNDLED) {
            byte[] yaml = Files.readAllBytes(Path.of("src/main/resources", name));
            Questionnaire fromYaml = load(name, yaml);
            assertThat(QuestionnaireBinary.read(QuestionnaireBinary.write(fromYaml, yaml), yaml)).as(name)
                .contains(fromYaml);
        }
    }

    @Test
    void theBuildPutTheBinaryFormOfEachOfThePortalsFilesOnTheClassPath() throws IOException {
        for (String name : BUNDLED) {
            byte[] yaml = resource(name);
            byte[] binary = resource(name + QuestionnaireBinary.SUFFIX);
            assertThat(binary).as(name + " in binary form, by the build (pom.xml, process-classes)").isNotNull();
            assertThat(QuestionnaireBinary.read(binary, yaml)).as(name).contains(load(name, yaml));
        }
    }

    @Test
    void aBinaryFormOfOtherBytesOrABrokenOneIsNotUsed() throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of("src/main/resources/questionnaires/v2.yaml"));
        byte[] binary = QuestionnaireBinary.write(load("v2", yaml), yaml);
        byte[] edited = yaml.clone();
        edited[edited.length / 2] = (byte) (edited[edited.length / 2] == 'a' ? 'b' : 'a');
        assertThat(QuestionnaireBinary.read(binary, edited)).as("one byte of the YAML changed").isEmpty();
        assertThat(QuestionnaireBinary.read(binary, Arrays.copyOf(yaml, yaml.length + 1))).as("one byte more").isEmpty();
        assertThat(QuestionnaireBinary.read(Arrays.copyOf(binary, binary.length / 2), yaml)).as("cut short").isEmpty();
        assertThat(QuestionnaireBinary.read("version: 2".getBytes(StandardCharsets.UTF_8), yaml)).as("not one")
            .isEmpty();
    }

    @Test
    void theStartUsesTheBinaryFormOnlyWhileTheYamlIsWhatItWasMadeFrom(@TempDir Path dir) throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of("src/main/resources/questionnaires/v2.yaml"));
        Questionnaire q = load("v2", yaml);
        // a binary form that differs from its YAML in the version: which of the two the start read shows
        Questionnaire marked = new Questionnaire("from-binary", q.scoringVersion(), q.dimensions(), q.questions(),
            q.recommendations());
        Files.write(dir.resolve("q.yaml"), yaml);
        Files.write(dir.resolve("q.yaml.bin"), QuestionnaireBinary.write(marked, yaml));
        assertThat(start(dir, "classpath:q.yaml").configuredDefault().version()).isEqualTo("from-binary");

        Files.write(dir.resolve("q.yaml"), ("# edited after the build\n" + new String(yaml, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
        assertThat(start(dir, "classpath:q.yaml").configuredDefault().version()).as("the YAML, edited since")
            .isEqualTo(q.version());
        assertThat(start(dir, "file:" + dir.resolve("q.yaml")).configuredDefault().version())
            .as("a file outside the class path: always its YAML").isEqualTo(q.version());

        Files.write(dir.resolve("q.yaml"), yaml);
        Files.write(dir.resolve("q.yaml.bin"), QuestionnaireBinary.write(marked, yaml));
        assertThat(start(dir, "file:" + dir.resolve("q.yaml")).configuredDefault().version())
            .as("even with a binary form next to it").isEqualTo(q.version());
    }

    private static Questionnaires start(Path dir, String file) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        ResourceResolver resolver = new ResourceResolver(List.of(ClassPathResourceLoader.defaultLoader(loader),
            new io.micronaut.core.io.file.DefaultFileSystemResourceLoader()));
        return new Questionnaires(List.of(file), resolver, null, Clock.systemUTC());
    }

    private static Questionnaire load(String name, byte[] yaml) {
        return QuestionnaireLoader.load(name, new InputStreamReader(new ByteArrayInputStream(yaml),
            StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = QuestionnaireBinaryTest.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
