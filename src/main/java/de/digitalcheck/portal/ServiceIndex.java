package de.digitalcheck.portal;

import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The runnable jar's index of its Micronaut services, written into the jar by the build
 * (src/build/java/de/digitalcheck/build/MicronautServiceIndex.java; docs/operations.md, "Faster starts").
 *
 * <p>Without it Micronaut lists the {@code META-INF/micronaut/<type>/} directories of the class path to find its services,
 * which for the runnable jar means opening it as a zip file system — an index of all its 45,000 entries at every start.
 * With it, Micronaut's service loader gets the same implementations from this index ({@link StaticOptimizations}, as
 * Micronaut AOT's generated loaders do) and loads and checks them as it would have ({@code @Requires} is still decided at
 * run time). Without the index (the tests, {@code ./mvnw mn:run} from {@code target/classes}) nothing changes.
 *
 * <p>Micronaut's YAML configuration loader is replaced by {@link ClassPathYamlPropertySourceLoader}, which reads
 * application.yml from the class path without a zip file system of the jar.
 */
final class ServiceIndex {

    /** Where the build writes the index in the runnable jar. */
    static final String RESOURCE = "META-INF/digitalcheck/micronaut-services";
    /** Where the build writes the bean type of each introspection ({@link LazyIntrospection}). */
    static final String INTROSPECTIONS = "META-INF/digitalcheck/micronaut-introspections";

    private ServiceIndex() {
    }

    /**
     * Hands the index, if the class path has one, to Micronaut's service loader; must run before Micronaut's first
     * service look-up (before the application context is built). Returns the number of service types it names.
     */
    static int use(ClassLoader loader) {
        if (!onlyJar(loader.getResource(RESOURCE), System.getProperty("java.class.path", ""))) {
            return 0;
        }
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> services = read(loader);
        if (services.isEmpty()) {
            return 0;
        }
        StaticOptimizations.set(new SoftServiceLoader.Optimizations(services));
        return services.size();
    }

    /**
     * Whether the index is that of the one jar on the class path ({@code java -jar}, as production starts the portal):
     * with further class path entries (the benchmark's own beans beside the jar, bench/run.sh) Micronaut scans them all.
     */
    static boolean onlyJar(URL index, String classPath) {
        if (index == null || classPath.isEmpty() || classPath.contains(File.pathSeparator)
            || !index.toString().startsWith("jar:") || !index.toString().contains("!/")) {
            return false;
        }
        try {
            String jar = index.toString().substring("jar:".length(), index.toString().indexOf("!/"));
            return Path.of(URI.create(jar)).toAbsolutePath().normalize()
                .equals(Path.of(classPath).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return false;
        }
    }

    /**
     * The index's service types and their implementations; empty without an index. The introspections are
     * {@link LazyIntrospection}s where the build named the bean type of every one of them.
     */
    static Map<String, SoftServiceLoader.StaticServiceLoader<?>> read(ClassLoader loader) {
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> services = new HashMap<>();
        Map<String, String> beanTypes = lines(loader, INTROSPECTIONS);
        lines(loader, RESOURCE).forEach((type, implementations) -> {
            List<String> names = implementations.isEmpty() ? List.of() : List.of(implementations.split(","));
            if (type.equals(PropertySourceLoader.class.getName())) {
                names = names.stream().map(n -> n.equals(YamlPropertySourceLoader.class.getName())
                    ? ClassPathYamlPropertySourceLoader.class.getName() : n).toList();
            }
            services.put(type, type.equals(BeanIntrospectionReference.class.getName()) && beanTypes.keySet().containsAll(names)
                ? new Introspections(names, beanTypes, loader) : new Indexed<>(names, loader));
        });
        return services;
    }

    /** The {@code key=value} lines of a resource the build wrote (comments left out); empty if there is none. */
    private static Map<String, String> lines(ClassLoader loader, String resource) {
        Map<String, String> lines = new LinkedHashMap<>();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return lines;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals >= 0) {
                    lines.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Micronaut service index " + resource + " cannot be read", e);
        }
        return lines;
    }

    /**
     * The introspections, each a {@link LazyIntrospection} of the bean type the build read: its class is loaded when
     * the introspection is used, not when Micronaut collects them all.
     */
    record Introspections(List<String> names, Map<String, String> beanTypes, ClassLoader loader)
        implements SoftServiceLoader.StaticServiceLoader<BeanIntrospectionReference<?>> {

        @Override
        public Stream<SoftServiceLoader.StaticDefinition<BeanIntrospectionReference<?>>> findAll(Predicate<String> include) {
            return names.stream().filter(include).map(name -> {
                BeanIntrospectionReference<?> reference = new LazyIntrospection<>(beanTypes.get(name), name, loader);
                return SoftServiceLoader.StaticDefinition.of(name, () -> reference);
            });
        }
    }

    /**
     * The implementations of one service type, treated as Micronaut's own scan treats them: each is created when the type
     * is looked up; one whose class, a class it needs or its public no-argument constructor is missing (an optional
     * library not in the jar) is left out.
     */
    record Indexed<S>(List<String> names, ClassLoader loader) implements SoftServiceLoader.StaticServiceLoader<S> {

        private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

        @Override
        public Stream<SoftServiceLoader.StaticDefinition<S>> findAll(Predicate<String> include) {
            // created in parallel, as Micronaut's scan creates them (its order kept)
            return names.parallelStream().filter(include).map(this::definition).filter(Objects::nonNull);
        }

        @SuppressWarnings("unchecked")
        private SoftServiceLoader.StaticDefinition<S> definition(String name) {
            S service;
            try {
                MethodHandle constructor = MethodHandles.publicLookup()
                    .findConstructor(Class.forName(name, false, loader), NO_ARGUMENTS);
                service = (S) constructor.invoke();
            } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException | IllegalAccessException missing) {
                return null;
            } catch (Throwable e) {
                throw new IllegalStateException("the service " + name + " cannot be created", e);
            }
            return SoftServiceLoader.StaticDefinition.of(name, () -> service);
        }
    }
}
