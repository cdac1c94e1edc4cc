package de.digitalcheck.portal.shared.config;

/**
 * A configuration the portal refuses to start with. Its message is one line for the operator: what is wrong and
 * where it is documented; {@code Application} prints it instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message, null, false, false);
    }
}
