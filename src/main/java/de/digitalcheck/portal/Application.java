package de.digitalcheck.portal;

import io.micronaut.runtime.Micronaut;

/** Starts the Digitalcheck 4.0 portal. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
