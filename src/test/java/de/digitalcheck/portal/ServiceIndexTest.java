package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.web.Problem;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.beans.exceptions.IntrospectionException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void introspectionsAreNamedByTheirBeanTypesAndLoadedWhenUsed() throws IOException {
        String introspection = "de.digitalcheck.portal.shared.web.$Problem$Introspection";
        String missing = "de.example.$Gone$Introspection";
        ClassLoader loader = withIndex(BeanIntrospectionReference.class.getName() + "=" + introspection + "," + missing,
            Map.of(introspection, Problem.class.getName(), missing, "de.example.Gone"));
        List<BeanIntrospectionReference<?>> references = references(ServiceIndex.read(loader));
        assertThat(references).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(LazyIntrospection.class));

        BeanIntrospectionReference<?> problem = references.get(0);
        assertThat(problem.getName()).isEqualTo(Problem.class.getName());
        assertThat(problem.isPresent()).isTrue();
        assertThat(problem.getBeanType()).isEqualTo(Problem.class);
        BeanIntrospection<?> loaded = problem.load();
        assertThat(loaded.getBeanType()).isEqualTo(Problem.class);
        assertThat(loaded.getClass().getName()).isEqualTo(introspection);
        assertThat(loaded.getPropertyNames()).isEqualTo(BeanIntrospection.getIntrospection(Problem.class).getPropertyNames());
        assertThat(problem.getAnnotationMetadata()).isSameAs(loaded.getAnnotationMetadata());
        assertThat(problem.load()).as("made once").isSameAs(loaded);

        // the name and presence come from the index: the introspection's class is not loaded for them
        BeanIntrospectionReference<?> gone = references.get(1);
        assertThat(gone.getName()).isEqualTo("de.example.Gone");
        assertThat(gone.isPresent()).isTrue();
        assertThatThrownBy(gone::load).isInstanceOf(IntrospectionException.class).hasMessageContaining(missing);
        assertThatThrownBy(gone::getBeanType).isInstanceOf(IntrospectionException.class);
    }

    @Test
    void introspectionsWithoutTheirBeanTypesAreMadeAsMicronautMakesThem() throws IOException {
        String introspection = "de.digitalcheck.portal.shared.web.$Problem$Introspection";
        String other = "de.digitalcheck.portal.shared.web.$Problem$FieldMessage$Introspection";
        // an index of an older build, or one that misses a type: every introspection is made when collected
        ClassLoader loader = withIndex(BeanIntrospectionReference.class.getName() + "=" + introspection + "," + other,
            Map.of(introspection, Problem.class.getName()));
        List<BeanIntrospectionReference<?>> references = references(ServiceIndex.read(loader));
        assertThat(references).extracting(r -> r.getClass().getName()).containsExactly(introspection, other);
    }

    @SuppressWarnings("unchecked")
    private static List<BeanIntrospectionReference<?>> references(Map<String, SoftServiceLoader.StaticServiceLoader<?>> services) {
        return ((SoftServiceLoader.StaticServiceLoader<BeanIntrospectionReference<?>>)
            services.get(BeanIntrospectionReference.class.getName())).load(n -> true);
    }

    private ClassLoader withIndex(String index, Map<String, String> beanTypes) throws IOException {
        Path file = dir.resolve(ServiceIndex.INTROSPECTIONS);
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder("# written by the build\n");
        beanTypes.forEach((introspection, type) -> lines.append(introspection).append('=').append(type).append('\n'));
        Files.writeString(file, lines);
        return withIndex(index);
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
