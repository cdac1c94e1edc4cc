package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the Digitalcheck 4.0 portal. */
public final class Application extends Micronaut {

    /** Where the management endpoints answer (application.yml: {@code portal.management-port}). */
    static final String MANAGEMENT_PORT = "endpoints.all.port";

    private Application() {
    }

    public static void main(String[] args) {
        new Application().mainClass(Application.class).args(args).banner(false)
            .properties(Map.of(MANAGEMENT_PORT, "${portal.management-port}")).start();
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
