package de.digitalcheck.portal.booking;

import java.time.LocalDate;

/** A coach is away from {@code from} to {@code to}, both days included. */
public record Absence(LocalDate from, LocalDate to) {

    public Absence {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an absence ends on or after its first day: " + from + ".." + to);
        }
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
