package de.digitalcheck.portal.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a coach can be booked, in the coach's wall-clock time (Europe/Berlin).
 *
 * @param weekly          the hours of each weekday (several ranges a day; a day missing: not available)
 * @param overrides       a date's own hours instead of the weekly ones (extra hours, also on a weekend or holiday); an
 *                        empty list blocks the date
 * @param absences        days away (NRW public holidays are blocked anyway, unless an override gives hours)
 * @param bufferBefore    minutes kept free before an appointment
 * @param bufferAfter     minutes kept free after an appointment
 * @param minNotice       minutes between now and the earliest start, counted in wall-clock time
 * @param windowDays      how many days ahead can be booked (today + windowDays is the last day)
 * @param maxPerDay       appointments a day at most (0: no limit), counted by the local date of their start
 * @param slotInterval    minutes between possible starts, counted from the start of each range
 */
public record CalendarSettings(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, List<TimeRange>> overrides,
                               List<Absence> absences, int bufferBefore, int bufferAfter, int minNotice,
                               int windowDays, int maxPerDay, int slotInterval) {

    /** A new coach's settings: no hours yet; 15 minutes before and after, a day's notice, 8 weeks, 30-minute steps. */
    public static final CalendarSettings NEW = new CalendarSettings(Map.of(), Map.of(), List.of(), 15, 15, 24 * 60,
        56, 0, 30);

    public CalendarSettings {
        Map<DayOfWeek, List<TimeRange>> w = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> w.put(day, List.copyOf(ranges)));
        weekly = java.util.Collections.unmodifiableMap(w);
        Map<LocalDate, List<TimeRange>> o = new TreeMap<>();
        overrides.forEach((date, ranges) -> o.put(date, List.copyOf(ranges)));
        overrides = java.util.Collections.unmodifiableMap(o);
        absences = List.copyOf(absences);
        if (slotInterval < 5 || bufferBefore < 0 || bufferAfter < 0 || minNotice < 0 || windowDays < 0 || maxPerDay < 0) {
            throw new IllegalArgumentException("calendar settings out of range");
        }
    }

    /**
     * The longest span of hours that can be booked from {@code today} on, in minutes (0: none): the longest of the
     * weekly hours' and of the date overrides' from today to the end of the booking window ({@code windowDays}), ranges
     * that touch joined as {@link SlotFinder#hoursOn} joins them. An appointment longer than this fits into no range
     * (it must end by the end of its range; its buffers may lie outside the hours), so the coach cannot be booked for
     * it. Cheap on purpose (no day is walked): absences and public holidays are not looked at, and a wall-clock span
     * on the day the clocks change counts at its length on the clock.
     */
    public int longestRangeMinutes(LocalDate today) {
        int longest = 0;
        for (List<TimeRange> ranges : weekly.values()) {
            longest = Math.max(longest, longest(ranges));
        }
        LocalDate last = today.plusDays(windowDays);
        for (Map.Entry<LocalDate, List<TimeRange>> override : overrides.entrySet()) {
            if (!override.getKey().isBefore(today) && !override.getKey().isAfter(last)) {
                longest = Math.max(longest, longest(override.getValue()));
            }
        }
        return longest;
    }

    private static int longest(List<TimeRange> ranges) {
        return TimeRange.joined(ranges).stream().mapToInt(r -> r.endMinute() - r.startMinute()).max().orElse(0);
    }

    /** Whether the coach offers any hours at all. */
    public boolean offersHours() {
        return !weekly.isEmpty() || overrides.values().stream().anyMatch(r -> !r.isEmpty());
    }
}
