package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.internal.QuestionnaireChoiceRow;
import de.digitalcheck.portal.readiness.internal.QuestionnaireChoiceRows;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.context.annotation.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaire versions, read and validated when the application starts: a broken file stops the
 * start with its name, line and problem. The portal's own files come with the form the build read and validated
 * ({@link QuestionnaireBinary}), used while the YAML on the class path is exactly what the build read. The current
 * version (the one new checks start with) is the one network admins chose last ({@code questionnaire_choice}, see
 * {@link QuestionnaireVersions}), else the last configured file. Every replica reads the choice from the database at
 * most every {@link #REFRESH}, so a change made on one replica holds on all of them within that time (on the replica
 * where it was made at once).
 */
@Context
public class Questionnaires {

    private static final String CLASSPATH = "classpath:";

    /** How long a replica goes on with the choice it read before it reads it again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private final Map<String, Questionnaire> byVersion = new LinkedHashMap<>();
    private final Questionnaire configured;
    private final BeanProvider<QuestionnaireChoiceRows> choices;
    private final Clock clock;
    private volatile Chosen chosen;

    /** The chosen version ({@code null}: none chosen) as read at {@code readAt}. */
    record Chosen(String version, Instant readAt) {
    }

    Questionnaires(@Value("${portal.questionnaires}") List<String> files, ResourceResolver resolver,
                   BeanProvider<QuestionnaireChoiceRows> choices, Clock clock) {
        this.choices = choices;
        this.clock = clock;
        Questionnaire last = null;
        for (String file : files) {
            try (InputStream in = open(file, resolver).orElseThrow(() ->
                new QuestionnaireException(file, 0, "file not found"))) {
                byte[] yaml = in.readAllBytes();
                Questionnaire questionnaire = (file.startsWith(CLASSPATH)
                    ? open(file + QuestionnaireBinary.SUFFIX, resolver) : Optional.<InputStream>empty())
                    .flatMap(binary -> QuestionnaireBinary.read(readAll(binary), yaml))
                    .orElseGet(() -> QuestionnaireLoader.load(file,
                        new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8)));
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
        this.configured = last;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A YAML file (or its binary form, {@link QuestionnaireBinary}) on the class path is read through the class loader, which reads from the already open jar;
     * Micronaut's class path loader first opens a zip file system over the whole jar to rule out a directory
     * (about 10 ms of every start). Anything else (file:, other names) goes to the resolver.
     */
    private static Optional<InputStream> open(String file, ResourceResolver resolver) {
        String path = file.startsWith(CLASSPATH) ? file.substring(CLASSPATH.length()) : null;
        if (path != null && (path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(QuestionnaireBinary.SUFFIX))
            && !path.contains("..")) {
            Optional<ClassPathResourceLoader> loader = resolver.getLoader(ClassPathResourceLoader.class);
            if (loader.isPresent()) {
                return Optional.ofNullable(loader.get().getClassLoader()
                    .getResourceAsStream(path.startsWith("/") ? path.substring(1) : path));
            }
        }
        return resolver.getResourceAsStream(file);
    }

    /** The version new checks start with: the chosen one (read at most {@link #REFRESH} ago), else the default. */
    public Questionnaire current() {
        Chosen c = chosen;
        Instant now = clock.instant();
        if (c == null || now.isBefore(c.readAt()) || !now.isBefore(c.readAt().plus(REFRESH))) {
            c = reread();
        }
        return c.version() == null ? configured : version(c.version()).orElse(configured);
    }

    /** Reads the choice from the database now (after a change, so that this replica follows it at once). */
    Chosen reread() {
        Chosen c = new Chosen(choices.get().newest(1).stream().findFirst().map(QuestionnaireChoiceRow::version)
            .orElse(null), clock.instant());
        chosen = c;
        return c;
    }

    /** The current version when nobody chose one (or the chosen one is no longer configured): the last configured. */
    public Questionnaire configuredDefault() {
        return configured;
    }

    /** Every configured version, in the configured order. */
    public List<Questionnaire> all() {
        return List.copyOf(byVersion.values());
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
