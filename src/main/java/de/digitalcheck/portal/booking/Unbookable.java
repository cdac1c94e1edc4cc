package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

/**
 * Why companies can book a coach for none of their agency's appointment types, as far as the coach's own calendar is
 * the cause ({@link Bookings#unbookable}): the coach's calendar page says so, since nothing else tells them.
 *
 * @param reason   what in the calendar leaves no time
 * @param shortest for {@link Reason#TYPES_TOO_LONG}: the shortest type the coach would offer but for its length
 * @param longest  the longest bookable time in minutes ({@link CalendarSettings#longestBookableMinutes}; 0 but for
 *                 {@link Reason#TYPES_TOO_LONG})
 */
public record Unbookable(Reason reason, @Nullable AppointmentType shortest, int longest) {

    /** What in the calendar leaves no time to book. */
    public enum Reason {
        /** No weekly hours and no date with hours of its own. */
        NO_HOURS,
        /** The minimum notice reaches past the booking window's last day. */
        NOTICE_PAST_WINDOW,
        /** Hours, but absences, blocked days, public holidays and the notice leave none in the booking window. */
        NO_TIME_IN_WINDOW,
        /** Time in the window, but every type the coach would offer is longer than its longest range. */
        TYPES_TOO_LONG
    }
}
