package de.digitalcheck.portal.booking;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link BookingMade} events the tests' application published. */
@Singleton
class BookingEvents {

    static final List<BookingMade> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(BookingMade event) {
        seen.add(event);
    }
}
