package de.digitalcheck.portal.booking;

import java.time.LocalTime;

/** A span of wall-clock time on one day, start before end (e.g. 09:00–12:00). */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a time range ends after it starts: " + start + "-" + end);
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
