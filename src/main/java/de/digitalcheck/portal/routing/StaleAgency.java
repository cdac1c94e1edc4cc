package de.digitalcheck.portal.routing;

/**
 * The agency's values that a form edits were changed since the form was read (by another admin, or by its staff and
 * an admin): nothing was saved. {@code current}: the agency as it is now, for the form to show beside what was typed.
 */
public class StaleAgency extends RuntimeException {

    private final transient Agency current;

    public StaleAgency(Agency current) {
        super("the agency was changed since the form was read", null, false, false);
        this.current = current;
    }

    public Agency current() {
        return current;
    }
}
