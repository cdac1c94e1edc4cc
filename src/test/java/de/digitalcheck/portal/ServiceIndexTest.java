package de.digitalcheck.portal;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar's index of its Micronaut services (written by src/build/java/…/MicronautServiceIndex.java): read as
 * Micronaut's own scan would have found the services, used only when the jar is the whole class path.
 */
class ServiceIndexTest {

    @TempDir
    Path dir;

    private ClassLoader withIndex(String index) throws IOException {
        Path file = dir.resolve(ServiceIndex.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, index);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void theIndexNamesEachTypesImplementationsAndTypesWithoutAny() throws IOException {
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> services = ServiceIndex.read(withIndex("""
            # written by the build
            java.lang.Runnable=java.lang.Thread,de.example.NotInTheJar
            io.micronaut.context.ApplicationContextConfigurer=
            """));
        assertThat(services).containsOnlyKeys("java.lang.Runnable", "io.micronaut.context.ApplicationContextConfigurer");
        // a class that is not there (an optional library the jar leaves out) is left out, as Micronaut's scan does
        assertThat(names(services.get("java.lang.Runnable"), n -> true)).containsExactly("java.lang.Thread");
        assertThat(services.get("java.lang.Runnable").load(s -> true)).singleElement().isInstanceOf(Thread.class);
        assertThat(names(services.get("java.lang.Runnable"), n -> !n.startsWith("java."))).isEmpty();
        assertThat(names(services.get("io.micronaut.context.ApplicationContextConfigurer"), n -> true)).isEmpty();
    }

    @Test
    void yamlConfigurationIsReadFromTheClassPathWithoutAZipFileSystem() throws IOException {
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> services = ServiceIndex.read(withIndex(
            PropertySourceLoader.class.getName() + "=" + YamlPropertySourceLoader.class.getName()));
        assertThat(names(services.get(PropertySourceLoader.class.getName()), n -> true))
            .containsExactly(ClassPathYamlPropertySourceLoader.class.getName());
        // application.yml as Micronaut's YAML loader reads it: the same properties
        ResourceLoader unused = new NoResources();
        Optional<PropertySource> read = new ClassPathYamlPropertySourceLoader().load("application", unused);
        Optional<PropertySource> micronaut = new YamlPropertySourceLoader().load("application",
            new io.micronaut.core.io.scan.DefaultClassPathResourceLoader(getClass().getClassLoader()));
        assertThat(read).isPresent();
        assertThat(read.get().get("micronaut.application.name")).isEqualTo("digitalcheck");
        assertThat(properties(read.get())).isNotEmpty().isEqualTo(properties(micronaut.orElseThrow()));
        assertThat(new ClassPathYamlPropertySourceLoader().load("no-such-configuration", unused)).isEmpty();
    }

    @Test
    void onlyTheIndexOfTheOneJarOnTheClassPathIsUsed() throws IOException {
        Path jar = dir.resolve("portal.jar");
        URL index = new URL("jar:" + jar.toUri() + "!/" + ServiceIndex.RESOURCE);
        assertThat(ServiceIndex.onlyJar(index, jar.toString())).isTrue();
        // the benchmark's beans beside the jar: Micronaut scans them all
        assertThat(ServiceIndex.onlyJar(index, dir.resolve("bench-classes") + File.pathSeparator + jar)).isFalse();
        assertThat(ServiceIndex.onlyJar(index, dir.resolve("other.jar").toString())).isFalse();
        // the tests and ./mvnw mn:run (classes directories, no index)
        assertThat(ServiceIndex.onlyJar(null, jar.toString())).isFalse();
        assertThat(ServiceIndex.onlyJar(dir.resolve(ServiceIndex.RESOURCE).toUri().toURL(), dir.toString())).isFalse();
        // the test class path has no index: Micronaut scans as always
        assertThat(ServiceIndex.use(getClass().getClassLoader())).isZero();
    }

    private static Map<String, Object> properties(PropertySource source) {
        Map<String, Object> properties = new TreeMap<>();
        source.forEach(name -> properties.put(name, source.get(name)));
        return properties;
    }

    private static List<String> names(SoftServiceLoader.StaticServiceLoader<?> loader, Predicate<String> include) {
        try (Stream<? extends SoftServiceLoader.StaticDefinition<?>> all = loader.findAll(include)) {
            return all.map(SoftServiceLoader.StaticDefinition::getName).toList();
        }
    }

    /** A resource loader that finds nothing: the loader under test must not need it. */
    private static final class NoResources implements ResourceLoader {
        @Override
        public Optional<java.io.InputStream> getResourceAsStream(String path) {
            return Optional.empty();
        }

        @Override
        public Optional<URL> getResource(String path) {
            return Optional.empty();
        }

        @Override
        public Stream<URL> getResources(String name) {
            return Stream.empty();
        }

        @Override
        public boolean supportsPrefix(String path) {
            return true;
        }

        @Override
        public ResourceLoader forBase(String basePath) {
            return this;
        }
    }
}
