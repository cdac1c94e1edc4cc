package de.digitalcheck.portal.booking;

/**
 * A calendar form read before someone else (the coach, or their agency's staff) saved the calendar: nothing is
 * stored; {@link #current()} is what is saved now.
 */
public class StaleCalendar extends RuntimeException {

    private final transient CalendarSettings current;

    StaleCalendar(CalendarSettings current) {
        super(null, null, false, false);
        this.current = current;
    }

    public CalendarSettings current() {
        return current;
    }
}
