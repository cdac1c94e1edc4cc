package de.digitalcheck.portal.readiness;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.context.annotation.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaire versions, read and validated when the application starts: a broken file stops the
 * start with its name, line and problem. The last configured file is the current version.
 */
@Context
public class Questionnaires {

    private static final String CLASSPATH = "classpath:";

    private final Map<String, Questionnaire> byVersion = new LinkedHashMap<>();
    private final Questionnaire current;

    Questionnaires(@Value("${portal.questionnaires}") List<String> files, ResourceResolver resolver) {
        Questionnaire last = null;
        for (String file : files) {
            try (InputStream in = open(file, resolver).orElseThrow(() ->
                new QuestionnaireException(file, 0, "file not found"))) {
                Questionnaire questionnaire = QuestionnaireLoader.load(file, new InputStreamReader(in, StandardCharsets.UTF_8));
                if (byVersion.put(questionnaire.version(), questionnaire) != null) {
                    throw new QuestionnaireException(file, 0, "version " + questionnaire.version() + " is configured twice");
                }
                last = questionnaire;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (last == null) {
            throw new IllegalStateException("portal.questionnaires names no questionnaire file");
        }
        this.current = last;
    }

    /**
     * A YAML file on the class path is read through the class loader, which reads from the already open jar;
     * Micronaut's class path loader first opens a zip file system over the whole jar to rule out a directory
     * (about 10 ms of every start). Anything else (file:, other names) goes to the resolver.
     */
    private static Optional<InputStream> open(String file, ResourceResolver resolver) {
        String path = file.startsWith(CLASSPATH) ? file.substring(CLASSPATH.length()) : null;
        if (path != null && (path.endsWith(".yaml") || path.endsWith(".yml")) && !path.contains("..")) {
            Optional<ClassPathResourceLoader> loader = resolver.getLoader(ClassPathResourceLoader.class);
            if (loader.isPresent()) {
                return Optional.ofNullable(loader.get().getClassLoader()
                    .getResourceAsStream(path.startsWith("/") ? path.substring(1) : path));
            }
        }
        return resolver.getResourceAsStream(file);
    }

    public Questionnaire current() {
        return current;
    }

    public Optional<Questionnaire> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /**
     * The versions whose scores mean the same as {@code version}'s: those with its scoring version (itself included;
     * only itself when it is not configured).
     */
    public java.util.List<String> sameScoring(String version) {
        Questionnaire q = byVersion.get(version);
        if (q == null) {
            return java.util.List.of(version);
        }
        return byVersion.values().stream().filter(o -> o.scoringVersion().equals(q.scoringVersion()))
            .map(Questionnaire::version).sorted().toList();
    }
}
