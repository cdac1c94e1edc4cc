package de.digitalcheck.portal.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A span of wall-clock time on one day, start before end (e.g. 09:00–12:00). An end of {@link LocalTime#MIDNIGHT}
 * is the midnight at the end of the day, written {@code 24:00} (18:00–24:00; 00:00–24:00 is the whole day): a range
 * can never end at the midnight that begins its day, so the two cannot be confused.
 */
public record TimeRange(LocalTime start, LocalTime end) {

    /** Minutes in a day: the end minute of a range that ends at midnight. */
    public static final int DAY_MINUTES = 24 * 60;

    public TimeRange {
        if (startMinute(start) >= endMinute(end)) {
            throw new IllegalArgumentException("a time range ends after it starts: " + start + "-" + end);
        }
    }

    /** The range from {@code start} to the midnight at the end of the day (24:00). */
    public static TimeRange untilMidnight(LocalTime start) {
        return new TimeRange(start, LocalTime.MIDNIGHT);
    }

    /** Whether the range ends at the midnight at the end of its day (24:00). */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** The start as minutes since the day's first midnight (0–1439). */
    public int startMinute() {
        return startMinute(start);
    }

    /** The end as minutes since the day's first midnight (1–1440; 1440 is 24:00). */
    public int endMinute() {
        return endMinute(end);
    }

    /** The end on {@code date}: the next day's 00:00 for a range that ends at 24:00. */
    public LocalDateTime endOn(LocalDate date) {
        return endsAtMidnight() ? date.plusDays(1).atStartOfDay() : date.atTime(end);
    }

    /** Whether the two share any time; ranges that merely touch (09:00–12:00, 12:00–14:00) do not. */
    public boolean overlaps(TimeRange other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    /**
     * The ranges with those that touch or overlap joined into one, earliest first (09:00–12:00, 12:00–14:00 and
     * 13:00–15:00 are 09:00–15:00): the time they cover, as one span wherever it is unbroken.
     */
    public static List<TimeRange> joined(List<TimeRange> ranges) {
        if (ranges.size() < 2) {
            return ranges;
        }
        List<TimeRange> sorted = ranges.stream().sorted(Comparator.comparingInt(TimeRange::startMinute)).toList();
        List<TimeRange> joined = new ArrayList<>(sorted.size());
        TimeRange current = sorted.get(0);
        for (TimeRange next : sorted.subList(1, sorted.size())) {
            if (next.startMinute() <= current.endMinute()) {
                if (next.endMinute() > current.endMinute()) {
                    current = new TimeRange(current.start(), next.end());
                }
            } else {
                joined.add(current);
                current = next;
            }
        }
        joined.add(current);
        return joined.size() == ranges.size() && joined.equals(ranges) ? ranges : List.copyOf(joined);
    }

    private static int startMinute(LocalTime start) {
        return start.toSecondOfDay() / 60;
    }

    private static int endMinute(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT) ? DAY_MINUTES : end.toSecondOfDay() / 60;
    }

    @Override
    public String toString() {
        return start + "-" + (endsAtMidnight() ? "24:00" : end.toString());
    }
}
