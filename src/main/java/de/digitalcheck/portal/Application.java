package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.Micronaut;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the Digitalcheck 4.0 portal. */
public final class Application extends Micronaut {

    /** Where the management endpoints answer (application.yml: {@code portal.management-port}). */
    static final String MANAGEMENT_PORT = "endpoints.all.port";

    /**
     * The argument that makes the process migrate the schema and end instead of serving: the Helm chart's migration Job
     * (docs/operations.md, "Migrations with several replicas"), whose replicas then start with {@code FLYWAY_ENABLED=false}.
     */
    static final String MIGRATE_ONLY = "--migrate-only";

    /**
     * What turns Flyway on: the data source's switch (application.yml: {@code FLYWAY_ENABLED}) and Micronaut Flyway's
     * global one, which the environment variable {@code FLYWAY_ENABLED} sets as well ({@code flyway.enabled}).
     */
    private static final List<String> FLYWAY_ENABLED = List.of("flyway.datasources.default.enabled", "flyway.enabled");

    private Application() {
    }

    /**
     * Set only by the build's class-data-sharing training start (src/build/java/…/ClassDataSharingTraining.java):
     * packages (prefixes; {@code !} excludes, {@code +} initialises a class) whose classes the start loads from the jar, so that the archive holds them
     * although the training cannot run the code that needs them — the MySQL driver's connection and result classes,
     * since the training has no MySQL server. Production starts never set it.
     */
    static final String ARCHIVE_PRELOAD = "portal.archive.preload";

    public static void main(String[] args) {
        inUtc();
        // the runnable jar's index of its Micronaut services instead of Micronaut's scan of the jar (ServiceIndex)
        ServiceIndex.use(Application.class.getClassLoader());
        String preload = System.getProperty(ARCHIVE_PRELOAD);
        if (preload != null) {
            preloadForArchive(preload);
        }
        if (Arrays.asList(args).contains(MIGRATE_ONLY)) {
            System.exit(migrateOnly(Arrays.stream(args).filter(a -> !MIGRATE_ONLY.equals(a)).toArray(String[]::new)));
        }
        new Application().mainClass(Application.class).args(args).banner(false)
            .properties(Map.of(MANAGEMENT_PORT, "${portal.management-port}")).start();
    }

    /**
     * Makes UTC the process's default time zone, whatever the machine's is. The database holds times as UTC without a
     * zone ({@code DATETIME}): Connector/J converts to the connection's zone ({@code connectionTimeZone=UTC}), but H2
     * (the embedded default) stores a {@code java.sql.Timestamp} as the wall time of the JVM's default zone, so that
     * on a machine set to Europe/Berlin its {@code HOUR(created_at)} and {@code CAST(created_at AS DATE)} were Berlin's
     * and the dashboard's days were shifted by an hour or two. Times shown to people are always converted to
     * Europe/Berlin explicitly ({@code PortalTime}); the log's times are UTC.
     */
    static void inUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    /**
     * Loads (without initialising) every class of the jar in the packages {@code spec} names, and initialises the
     * classes it names with {@code +} (whose static initialiser loads further classes, free of side effects); see
     * {@link #ARCHIVE_PRELOAD}.
     */
    static int preloadForArchive(String spec) {
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        List<String> initialize = new ArrayList<>();
        for (String p : spec.split(",")) {
            String prefix = p.strip();
            if (prefix.startsWith("+")) {
                initialize.add(prefix.substring(1));
            } else if (prefix.startsWith("!")) {
                exclude.add(prefix.substring(1).replace('.', '/') + "/");
            } else if (!prefix.isEmpty()) {
                include.add(prefix.replace('.', '/') + "/");
            }
        }
        ClassLoader loader = Application.class.getClassLoader();
        int loaded = 0;
        try (JarFile jar = new JarFile(Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || include.stream().noneMatch(name::startsWith)
                    || exclude.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError optionalDependencyMissing) {
                    // a class of an optional feature whose library is not in the jar: not archived, never needed
                }
            }
            for (String name : initialize) {
                Class.forName(name, true, loader);
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException | RuntimeException | LinkageError e) {
            System.err.println("class-data-sharing preload: " + e);
        }
        return loaded;
    }

    /**
     * Migrates the schema as a start with {@code FLYWAY_ENABLED=true} would (the same configuration, Flyway's lock, the
     * start-up checks of the configuration and the database), without the HTTP server, and ends: 0 when the schema is
     * current, 1 (with the operator's line or Flyway's message) when not.
     */
    static int migrateOnly(String[] args) {
        // whatever FLYWAY_ENABLED says (the replicas' configuration has false): a system property outranks
        // application.yml and the environment
        Map<String, String> before = new HashMap<>();
        FLYWAY_ENABLED.forEach(p -> before.put(p, System.setProperty(p, "true")));
        try (ApplicationContext context = ApplicationContext.builder(Application.class).args(args).banner(false)
            .properties(Map.of(MANAGEMENT_PORT, "${portal.management-port}")).start()) {
            // Flyway migrates when the default data source is created (Micronaut Flyway); it is an eager bean and the
            // database check (a start task) has used it already, this makes it certain
            context.getBean(DataSource.class, Qualifiers.byName("default"));
            System.out.println("Digitalcheck 4.0: the database schema is current (migrations applied), ending.");
            return 0;
        } catch (RuntimeException e) {
            Optional<String> problem = problem(e);
            if (problem.isPresent()) {
                System.err.println("Digitalcheck 4.0 does not migrate: " + problem.get());
            } else {
                e.printStackTrace();
            }
            return 1;
        } finally {
            before.forEach((p, value) -> {
                if (value == null) {
                    System.clearProperty(p);
                } else {
                    System.setProperty(p, value);
                }
            });
        }
    }

    /**
     * A configuration the portal refuses is one line on standard error naming what is wrong and where it is
     * documented, and exit code 1 — not a stack trace. Anything else fails as Micronaut fails.
     */
    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        Optional<String> problem = problem(exception);
        if (problem.isPresent() && (environment == null || !environment.getActiveNames().contains(Environment.TEST))) {
            System.err.println("Digitalcheck 4.0 does not start: " + problem.get());
            System.exit(1);
        }
        super.handleStartupException(environment, exception);
    }

    /** A required setting that is missing: Micronaut's message when a placeholder without default is not set. */
    private static final Pattern MISSING = Pattern.compile("Could not resolve placeholder \\$\\{([A-Za-z0-9_.-]+)}");

    /** What the required environment variables are, for the line that says one is missing. */
    private static final Map<String, String> REQUIRED = Map.of(
        "DB_URL", "the JDBC URL of the MySQL 8 / MariaDB 10.11+ database, e.g. "
            + "jdbc:mysql://db:3306/digitalcheck?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
        "SESSION_SECRET", "the key (at least 32 characters, the same on every replica) that signs session cookies");

    /** The operator's one line for a start that failed because of the configuration, if it did. */
    static Optional<String> problem(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem p) {
                return Optional.of(p.getMessage());
            }
        }
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher missing = MISSING.matcher(String.valueOf(t.getMessage()));
            if (missing.find()) {
                String name = missing.group(1);
                String meaning = REQUIRED.get(name);
                return Optional.of("the environment variable " + name + " is not set"
                    + (meaning == null ? "" : ": " + meaning) + " (see README, Configuration, and docs/operations.md)");
            }
        }
        return Optional.empty();
    }
}
