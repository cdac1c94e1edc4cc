package de.digitalcheck.portal.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Dockerfile}, parsed (no container tool is needed): multi-stage, a JRE-only runtime that runs as a
 * non-root user, the class-data-sharing archive next to the jar, and the README's start command as the entrypoint.
 */
class DockerfileTest {

    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> parse(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().replaceAll("\\s+", " ");
            pending.setLength(0);
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        assertThat(pending).as("no instruction ends in a continuation").isEmpty();
        return instructions;
    }

    /** The instructions of the stage named {@code name}. */
    static List<Instruction> stage(List<Instruction> all, String name) {
        List<Instruction> stage = new ArrayList<>();
        boolean in = false;
        for (Instruction i : all) {
            if (i.keyword().equals("FROM")) {
                in = i.arguments().endsWith(" AS " + name);
            }
            if (in) {
                stage.add(i);
            }
        }
        assertThat(stage).as("stage " + name).isNotEmpty();
        return stage;
    }

    static List<String> execForm(String json) {
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(1));
        }
        return parts;
    }

    @Test
    void multiStageWithAJreOnlyNonRootRuntime() throws IOException {
        List<Instruction> all = parse(Path.of("Dockerfile"));
        List<String> froms = all.stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::arguments).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(froms.size() - 1)).as("the last stage is the runtime").matches("\\S*-jre\\S* AS runtime");
        List<Instruction> runtime = stage(all, "runtime");
        assertThat(runtime).noneMatch(i -> i.arguments().contains("mvnw"));
        List<Instruction> users = runtime.stream().filter(i -> i.keyword().equals("USER")).toList();
        assertThat(users).hasSize(1);
        String user = users.get(0).arguments().split(":")[0];
        assertThat(user).as("a numeric user, so that Kubernetes can check runAsNonRoot").matches("[1-9][0-9]*");
        // the USER comes after everything that runs as root while building
        assertThat(runtime.indexOf(users.get(0))).isGreaterThan(
            runtime.stream().filter(i -> i.keyword().equals("RUN")).mapToInt(runtime::indexOf).max().orElse(-1));
        // the build stage uses the Maven wrapper
        assertThat(stage(all, "build")).anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("./mvnw")
            && i.arguments().contains("package"));
    }

    @Test
    void theEntrypointIsTheReadmesStartCommandWithTheArchiveNextToTheJar() throws IOException {
        List<Instruction> runtime = stage(parse(Path.of("Dockerfile")), "runtime");
        List<String> entrypoint = execForm(runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).findFirst()
            .orElseThrow().arguments());
        String readme = Files.readString(Path.of("README.md"));
        Matcher start = Pattern.compile("(?m)^cd target && (java .*)$").matcher(readme);
        assertThat(start.find()).as("README's start command").isTrue();
        assertThat(entrypoint).isEqualTo(Arrays.asList(start.group(1).split(" ")));

        String archive = entrypoint.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow()
            .substring("-XX:SharedArchiveFile=".length());
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        String workdir = runtime.stream().filter(i -> i.keyword().equals("WORKDIR")).findFirst().orElseThrow().arguments();
        // the jar is copied into the working directory, and the archive is made there for it, by this image's JVM
        assertThat(runtime).anyMatch(i -> i.keyword().equals("COPY") && i.arguments().contains(jar)
            && i.arguments().endsWith(" ./"));
        assertThat(runtime).anyMatch(i -> i.keyword().equals("RUN")
            && i.arguments().contains("ClassDataSharingTraining " + workdir + " " + jar + " " + archive)
            && i.arguments().contains("-Xshare:on") && i.arguments().contains("-XX:SharedArchiveFile=" + archive));
        // the jar's version is the project's
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>digitalcheck-portal</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(jar).isEqualTo("digitalcheck-portal-" + version.group(1) + ".jar");
    }

    @Test
    void theBuildContextLeavesOutWhatTheImageDoesNotNeed() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignored).contains(".git", "target/", "frontend-assets/node_modules/");
        assertThat(ignored).doesNotContain("src/", "pom.xml", "mvnw", ".mvn/", "frontend-assets/");
    }
}
