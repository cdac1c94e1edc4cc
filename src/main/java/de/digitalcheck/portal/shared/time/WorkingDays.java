package de.digitalcheck.portal.shared.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working days in North Rhine-Westphalia: Monday to Friday, except the public holidays of {@link NrwHolidays}. Dates
 * must lie in the years {@link NrwHolidays} knows, otherwise an {@link IllegalArgumentException} is thrown.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** Whether the date is Monday to Friday and not a public holiday in North Rhine-Westphalia. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !NrwHolidays.isHoliday(date);
    }

    /**
     * The date that is the given number of working days after {@code start}; {@code start} itself never counts, so
     * 0 days returns {@code start} even if it is no working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public static LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days must not be negative: " + days);
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The number of working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if
     * {@code toInclusive} is not after {@code fromExclusive}.
     */
    public static int between(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate date = fromExclusive.plusDays(1); !date.isAfter(toInclusive); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The deadline of "within N working days" for something created at {@code created}: the end of the N-th working
     * day after the local date of {@code created} in {@code zone}, that is the start of the following day in that zone
     * (by the zone's rules, so daylight saving time is respected). With 0 working days it is the end of the day of
     * {@code created}.
     *
     * @throws IllegalArgumentException if {@code workingDays} is negative
     */
    public static Instant dueBy(Instant created, int workingDays, ZoneId zone) {
        LocalDate lastDay = plusWorkingDays(LocalDate.ofInstant(created, zone), workingDays);
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
