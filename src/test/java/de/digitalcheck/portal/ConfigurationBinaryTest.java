package de.digitalcheck.portal;

import io.micronaut.context.env.PropertySource;
import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration's binary form ({@link ConfigurationBinary}): it holds exactly the properties Micronaut's YAML loader
 * reads, the build put it next to the portal's files, and the runnable jar's loader
 * ({@link ClassPathYamlPropertySourceLoader}) uses it only for the very bytes it was made from.
 */
class ConfigurationBinaryTest {

    private static final List<String> BUNDLED = List.of("application.yml", "application-dev.yml");

    @Test
    void theBuildPutTheBinaryFormOfEachConfigurationFileOnTheClassPathWithMicronautsProperties() throws IOException {
        for (String file : BUNDLED) {
            byte[] yaml = resource(file);
            byte[] binary = resource(file + ConfigurationBinary.SUFFIX);
            assertThat(binary).as(file + " in binary form, by the build (pom.xml, process-classes)").isNotNull();
            Map<String, Object> micronaut = ConfigurationBinary.parse(file.replace(".yml", ""), yaml);
            assertThat(micronaut).as(file).isNotEmpty();
            Optional<Map<String, Object>> read = ConfigurationBinary.read(binary, yaml);
            assertThat(read).as(file).contains(micronaut);
            // the same properties in the same order, values of the same kinds (a port stays a number, a list a list)
            assertThat(List.copyOf(read.orElseThrow().keySet())).isEqualTo(List.copyOf(micronaut.keySet()));
            micronaut.forEach((key, value) -> assertThat(read.get().get(key)).as(key)
                .isEqualTo(value).hasSameClassAs(value));
        }
        assertThat(ConfigurationBinary.parse("application", resource("application.yml")))
            .containsEntry("micronaut.application.name", "digitalcheck")
            .containsEntry("endpoints.health.sensitive", false)
            .containsEntry("javamail.properties.mail.smtp.timeout", 10000);
    }

    @Test
    void everyKindOfValueReadsBack() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("pattern", "/assets/**");
        nested.put("access", List.of("isAnonymous()"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("text", "äöü ß – ${PLACEHOLDER:`backticks`}");
        properties.put("empty", "");
        properties.put("yes", true);
        properties.put("no", false);
        properties.put("int", -42);
        properties.put("long", 1L << 40);
        properties.put("double", 0.25);
        properties.put("nothing", null);
        properties.put("list", new ArrayList<>(Arrays.asList("a", 1, null, List.of())));
        properties.put("maps", List.of(nested));
        byte[] yaml = "any: bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(ConfigurationBinary.write(properties, yaml).flatMap(b -> ConfigurationBinary.read(b, yaml)))
            .contains(properties);
    }

    @Test
    void aValueOfAnotherKindGivesNoBinaryForm() {
        byte[] yaml = "big: 123456789012345678901234567890".getBytes(StandardCharsets.UTF_8);
        assertThat(ConfigurationBinary.write(Map.of("big", new BigInteger("123456789012345678901234567890")), yaml))
            .isEmpty();
        assertThat(ConfigurationBinary.write(Map.of("list", List.of(new Object())), yaml)).isEmpty();
    }

    @Test
    void aBinaryFormOfOtherBytesOrABrokenOneIsNotUsed() throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of("src/main/resources/application.yml"));
        byte[] binary = ConfigurationBinary.write(ConfigurationBinary.parse("application", yaml), yaml).orElseThrow();
        byte[] edited = yaml.clone();
        edited[edited.length / 2] = (byte) (edited[edited.length / 2] == 'a' ? 'b' : 'a');
        assertThat(ConfigurationBinary.read(binary, edited)).as("one byte of the YAML changed").isEmpty();
        assertThat(ConfigurationBinary.read(binary, Arrays.copyOf(yaml, yaml.length + 1))).as("one byte more").isEmpty();
        assertThat(ConfigurationBinary.read(Arrays.copyOf(binary, binary.length - 1), yaml)).as("cut short").isEmpty();
        assertThat(ConfigurationBinary.read(Arrays.copyOf(binary, binary.length + 1), yaml)).as("a byte more").isEmpty();
        assertThat(ConfigurationBinary.read(yaml, yaml)).as("not one").isEmpty();
        byte[] damaged = binary.clone();
        damaged[20] = (byte) 0x7f; // the first property's length
        assertThat(ConfigurationBinary.read(damaged, yaml)).as("damaged").isEmpty();
    }

    @Test
    void theJarsLoaderUsesTheBinaryFormOnlyWhileTheYamlIsWhatItWasMadeFrom(@TempDir Path dir) throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of("src/main/resources/application.yml"));
        Map<String, Object> properties = new LinkedHashMap<>(ConfigurationBinary.parse("application", yaml));
        // a binary form that differs from its YAML in one property: which of the two the loader read shows
        properties.put("micronaut.application.name", "from-binary");
        Files.write(dir.resolve("application.yml"), yaml);
        Files.write(dir.resolve("application.yml" + ConfigurationBinary.SUFFIX),
            ConfigurationBinary.write(properties, yaml).orElseThrow());
        assertThat(load(dir).get("micronaut.application.name")).isEqualTo("from-binary");

        Files.write(dir.resolve("application.yml"), ("# edited after the build\n"
            + new String(yaml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertThat(load(dir).get("micronaut.application.name")).as("the YAML, edited since").isEqualTo("digitalcheck");

        Files.delete(dir.resolve("application.yml" + ConfigurationBinary.SUFFIX));
        Files.write(dir.resolve("application.yml"), yaml);
        assertThat(load(dir).get("micronaut.application.name")).as("no binary form").isEqualTo("digitalcheck");
    }

    /** application.yml of {@code dir} as the runnable jar's loader reads it (from the class path, as in the jar). */
    private static PropertySource load(Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return new ClassPathYamlPropertySourceLoader(loader)
                .load("application", new DefaultClassPathResourceLoader(loader)).orElseThrow();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ConfigurationBinaryTest.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
