package de.digitalcheck.build;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the index of the runnable jar's Micronaut services into the jar (docs/operations.md, "Faster starts"); run by
 * {@code ./mvnw package} after the shade plugin as a single source file, never part of the portal.
 *
 * <p>Micronaut finds its services (bean definitions, bean configurations, introspections, converters, property source
 * loaders …) by listing the {@code META-INF/micronaut/<type>/} directories of the class path, which in a single jar means
 * opening it as a zip file system: an index of all its 45,000 entries, built at every start before anything else
 * (18 % of the start's main thread with the index of the jar and the read of application.yml; bench/README.md,
 * "1 December (branch start2)"). The portal reads this index instead
 * ({@code ServiceIndex} in the portal): for every service type named under {@code META-INF/micronaut/} or
 * {@code META-INF/services/}, the implementations Micronaut would have found there, in the same form. Whether an
 * implementation is used is still decided at run time, as before (its class present, its {@code @Requires}).
 *
 * <p>The introspections (387 in the portal's jar, of which the start uses a few dozen) are named with their bean types
 * in a second index: Micronaut keys its introspections by bean type, and to learn each one's type it loads, links and
 * initialises every introspection class at the first look-up of any. With the second index the portal learns the types
 * from it and loads an introspection class when that introspection is used ({@code LazyIntrospection} in the portal).
 * The types are read here by instantiating each introspection from the jar as Micronaut would; one that cannot be
 * (an optional library the jar leaves out) is left out of both indexes, as Micronaut leaves it out at run time.
 *
 * <p>Usage: {@code java MicronautServiceIndex.java <jar file>}
 */
public final class MicronautServiceIndex {

    /** Where the portal reads the index ({@code ServiceIndex.RESOURCE}). */
    static final String INDEX = "META-INF/digitalcheck/micronaut-services";
    /** Where the portal reads the introspections' bean types ({@code ServiceIndex.INTROSPECTIONS}). */
    static final String INTROSPECTIONS = "META-INF/digitalcheck/micronaut-introspections";
    static final String INTROSPECTION_REFERENCE = "io.micronaut.core.beans.BeanIntrospectionReference";
    /**
     * Service types Micronaut asks for at start that no jar implements (an empty entry keeps Micronaut from scanning the
     * jar for them).
     */
    static final List<String> ASKED_FOR = List.of("io.micronaut.context.ApplicationContextConfigurer");

    private MicronautServiceIndex() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Map<String, TreeSet<String>> services = new TreeMap<>();
        ASKED_FOR.forEach(type -> services.put(type, new TreeSet<>()));
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path micronaut = zip.getPath("/META-INF/micronaut");
            if (Files.isDirectory(micronaut)) {
                try (Stream<Path> types = Files.list(micronaut)) {
                    for (Path type : types.filter(Files::isDirectory).toList()) {
                        TreeSet<String> names = services.computeIfAbsent(name(type), t -> new TreeSet<>());
                        try (Stream<Path> impls = Files.list(type)) {
                            impls.filter(Files::isRegularFile).map(MicronautServiceIndex::name).forEach(names::add);
                        }
                    }
                }
            }
            Path standard = zip.getPath("/META-INF/services");
            if (Files.isDirectory(standard)) {
                try (Stream<Path> types = Files.list(standard)) {
                    for (Path type : types.filter(Files::isRegularFile).toList()) {
                        TreeSet<String> names = services.computeIfAbsent(name(type), t -> new TreeSet<>());
                        for (String line : Files.readAllLines(type, StandardCharsets.UTF_8)) {
                            String impl = line.replaceFirst("#.*", "").strip();
                            if (!impl.isEmpty()) {
                                names.add(impl);
                            }
                        }
                    }
                }
            }
            Map<String, String> introspections = beanTypes(jar, services.getOrDefault(INTROSPECTION_REFERENCE, new TreeSet<>()));
            if (services.containsKey(INTROSPECTION_REFERENCE)) {
                services.get(INTROSPECTION_REFERENCE).retainAll(introspections.keySet());
            }
            StringBuilder index = new StringBuilder("# The Micronaut services of this jar, written by the build "
                + "(src/build/java/de/digitalcheck/build/MicronautServiceIndex.java): type=implementation,...\n");
            services.forEach((type, impls) -> index.append(type).append('=').append(String.join(",", impls)).append('\n'));
            Path target = zip.getPath("/" + INDEX);
            Files.createDirectories(target.getParent());
            Files.writeString(target, index, StandardCharsets.UTF_8);
            StringBuilder types = new StringBuilder("# The bean type of each introspection of this jar, written by the build "
                + "(src/build/java/de/digitalcheck/build/MicronautServiceIndex.java): introspection=bean type\n");
            introspections.forEach((introspection, type) -> types.append(introspection).append('=').append(type).append('\n'));
            Files.writeString(zip.getPath("/" + INTROSPECTIONS), types, StandardCharsets.UTF_8);
        }
        System.out.println("Micronaut service index: " + services.size() + " service types, "
            + services.values().stream().mapToInt(TreeSet::size).sum() + " implementations, in " + jar.getFileName()
            + "!/" + INDEX + ", " + (services.containsKey(INTROSPECTION_REFERENCE)
            ? services.get(INTROSPECTION_REFERENCE).size() : 0) + " introspections with their bean types");
    }

    /**
     * The bean type of each introspection that can be made from the jar (introspection class name → bean type name),
     * read as Micronaut reads it: the introspection instantiated by its public constructor, its {@code getName()}.
     */
    static Map<String, String> beanTypes(Path jar, TreeSet<String> introspections) throws IOException {
        Map<String, String> types = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Method name = Class.forName(INTROSPECTION_REFERENCE, false, loader).getMethod("getName");
            for (String introspection : introspections) {
                try {
                    Object reference = Class.forName(introspection, true, loader).getConstructor().newInstance();
                    types.put(introspection, (String) name.invoke(reference));
                } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException missing) {
                    // left out, as at run time
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof NoClassDefFoundError)) {
                        throw new IllegalStateException("the introspection " + introspection + " cannot be made", e.getCause());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("the introspection " + introspection + " cannot be made", e);
                }
            }
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return types; // no Micronaut introspections in this jar
        }
        return types;
    }

    private static String name(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
