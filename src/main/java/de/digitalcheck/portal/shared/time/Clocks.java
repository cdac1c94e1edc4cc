package de.digitalcheck.portal.shared.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the application; tests replace it. Instants are UTC; Europe/Berlin only at the edges. */
@Factory
class Clocks {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
