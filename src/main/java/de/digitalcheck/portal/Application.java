package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.util.Optional;

/** Starts the Digitalcheck 4.0 portal. */
public final class Application extends Micronaut {

    private Application() {
    }

    public static void main(String[] args) {
        new Application().mainClass(Application.class).args(args).banner(false).start();
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

    /** The operator's one line for a start that failed because of the configuration, if it did. */
    static Optional<String> problem(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem p) {
                return Optional.of(p.getMessage());
            }
        }
        return Optional.empty();
    }
}
