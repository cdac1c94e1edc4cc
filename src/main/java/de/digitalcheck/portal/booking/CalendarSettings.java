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
     * The longest appointment, in minutes, that could be booked with the coach from {@code now} on, other appointments
     * aside (0: none at all): on each day from today to the end of the booking window ({@code windowDays}), its hours
     * as the slot finder takes them ({@link SlotFinder#hoursOn}: none during an absence, a date's own hours, none on an
     * NRW public holiday, else the weekday's; ranges that touch joined), from the first start on the slot grid that
     * the minimum notice leaves to the end of its range (an appointment must end by the end of its range; its buffers
     * may lie outside the hours). A type longer than this finds no time with the coach, and one of any length finds
     * none when this is 0. A wall-clock span on the day the clocks change counts at its length on the clock.
     */
    public int longestBookableMinutes(java.time.Instant now, java.time.ZoneId zone) {
        java.time.LocalDateTime earliest = java.time.LocalDateTime.ofInstant(now, zone).plusMinutes(minNotice);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = today.plusDays(windowDays);
        LocalDate first = earliest.toLocalDate().isAfter(today) ? earliest.toLocalDate() : today;
        int longest = 0;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            // the first minute of the day a start may have: after the notice on its last day, else any
            int from = 0;
            if (date.equals(earliest.toLocalDate())) {
                int second = earliest.toLocalTime().toSecondOfDay() + (earliest.getNano() > 0 ? 1 : 0);
                from = (second + 59) / 60;
            }
            for (TimeRange range : SlotFinder.hoursOn(this, date)) {
                int start = range.startMinute();
                if (start < from) {
                    start += (from - start + slotInterval - 1) / slotInterval * slotInterval;
                }
                if (start < range.endMinute()) {
                    longest = Math.max(longest, range.endMinute() - start);
                }
            }
        }
        return longest;
    }

    /** Whether the coach offers any hours at all. */
    public boolean offersHours() {
        return !weekly.isEmpty() || overrides.values().stream().anyMatch(r -> !r.isEmpty());
    }
}
