package de.digitalcheck.portal;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;

import java.io.InputStream;
import java.util.Optional;

/**
 * Micronaut's loader of YAML configuration (application.yml, application-&lt;environment&gt;.yml), reading the files from the
 * class path directly: Micronaut's own class path resource loader opens the runnable jar as a zip file system (an index of
 * all its entries) to read a file from it. Only the runnable jar uses it, in place of {@link YamlPropertySourceLoader}
 * ({@link ServiceIndex}); what it reads and how it is parsed are the same.
 */
public final class ClassPathYamlPropertySourceLoader extends YamlPropertySourceLoader {

    @Override
    protected Optional<InputStream> readInput(ResourceLoader resourceLoader, String fileName) {
        String path = fileName.startsWith("/") ? fileName.substring(1) : fileName;
        if (path.isEmpty() || path.contains("..")) {
            return super.readInput(resourceLoader, fileName);
        }
        return Optional.ofNullable(ClassPathYamlPropertySourceLoader.class.getClassLoader().getResourceAsStream(path));
    }
}
