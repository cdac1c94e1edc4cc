package de.digitalcheck.build;

import java.io.IOException;
import java.net.URI;
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
 * <p>Usage: {@code java MicronautServiceIndex.java <jar file>}
 */
public final class MicronautServiceIndex {

    /** Where the portal reads the index ({@code ServiceIndex.RESOURCE}). */
    static final String INDEX = "META-INF/digitalcheck/micronaut-services";
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
            StringBuilder index = new StringBuilder("# The Micronaut services of this jar, written by the build "
                + "(src/build/java/de/digitalcheck/build/MicronautServiceIndex.java): type=implementation,...\n");
            services.forEach((type, impls) -> index.append(type).append('=').append(String.join(",", impls)).append('\n'));
            Path target = zip.getPath("/" + INDEX);
            Files.createDirectories(target.getParent());
            Files.writeString(target, index, StandardCharsets.UTF_8);
        }
        System.out.println("Micronaut service index: " + services.size() + " service types, "
            + services.values().stream().mapToInt(TreeSet::size).sum() + " implementations, in " + jar.getFileName()
            + "!/" + INDEX);
    }

    private static String name(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
