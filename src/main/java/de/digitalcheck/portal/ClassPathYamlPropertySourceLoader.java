package de.digitalcheck.portal;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Micronaut's loader of YAML configuration (application.yml, application-&lt;environment&gt;.yml), reading the files from the
 * class path directly: Micronaut's own class path resource loader opens the runnable jar as a zip file system (an index of
 * all its entries) to read a file from it. Only the runnable jar uses it, in place of {@link YamlPropertySourceLoader}
 * ({@link ServiceIndex}); what it reads and how it is parsed are the same. A file the build wrote in binary form
 * ({@link ConfigurationBinary}) is read from that form while the YAML is exactly what the build read.
 */
public final class ClassPathYamlPropertySourceLoader extends YamlPropertySourceLoader {

    private final ClassLoader classPath;

    /** As Micronaut's service loader makes it: the files of the portal's own class path. */
    public ClassPathYamlPropertySourceLoader() {
        this(ClassPathYamlPropertySourceLoader.class.getClassLoader());
    }

    ClassPathYamlPropertySourceLoader(ClassLoader classPath) {
        this.classPath = classPath;
    }

    @Override
    protected Optional<InputStream> readInput(ResourceLoader resourceLoader, String fileName) {
        String path = path(fileName);
        if (path.isEmpty() || path.contains("..")) {
            return super.readInput(resourceLoader, fileName);
        }
        return Optional.ofNullable(classPath.getResourceAsStream(path));
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) throws IOException {
        byte[] yaml = input.readAllBytes();
        for (String extension : List.of("yml", "yaml")) {
            Optional<Map<String, Object>> built = binary(name + "." + extension)
                .flatMap(binary -> ConfigurationBinary.read(binary, yaml));
            if (built.isPresent()) {
                return built.get();
            }
        }
        return super.read(name, new ByteArrayInputStream(yaml));
    }

    private Optional<byte[]> binary(String fileName) throws IOException {
        String path = path(fileName);
        if (path.isEmpty() || path.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = classPath.getResourceAsStream(path + ConfigurationBinary.SUFFIX)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    private static String path(String fileName) {
        return fileName.startsWith("/") ? fileName.substring(1) : fileName;
    }
}
