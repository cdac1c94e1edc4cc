package de.digitalcheck.portal.shared;

/**
 * Something asked for by its id or link does not exist. Each module has its own subclass (an unknown agency, an
 * unknown self-check, …); the web layer answers every one of them with 404 — a page, or problem+json for the API —
 * unless a module maps its own to a more specific page.
 */
public abstract class NoSuchThing extends RuntimeException {

    protected NoSuchThing(String message) {
        super(message, null, false, false);
    }
}
