package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.time.NrwHolidays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The free times of one coach for one kind of appointment, computed from the coach's {@link CalendarSettings}, the
 * NRW public holidays and the coach's existing bookings; pure (no database, no clock of its own).
 *
 * <p>Starts are wall-clock times in the coach's zone: every {@code slotInterval} minutes from the start of each range
 * of the day's hours, ranges that touch joined into one ({@link #hoursOn(LocalDate)}). A wall-clock time that does not exist (the hour skipped when daylight saving time begins) offers
 * no slot; one that exists twice (the hour repeated when it ends) offers one, at its first occurrence. An appointment
 * lasts its real duration and must end by the end of its range (a range until 24:00 ends at the next midnight in the
 * zone; ranges of two days never join, so no appointment runs past midnight). Its buffers (the coach's before and after, plus the
 * type's travel buffer on each side) must be free of other appointments, and it must not lie in another appointment's
 * buffers. Minimum notice is counted in wall-clock time from now; the window ends with the day {@code windowDays}
 * after today (in the coach's zone); the daily limit counts appointments by the local date of their start.
 */
final class SlotFinder {

    /** An existing appointment: its time and the time its buffers keep free around it. */
    record Booked(Instant start, Instant end, Instant blockedFrom, Instant blockedUntil) {
    }

    /** A free time. */
    record Slot(Instant start, Instant end) {
    }

    /** Whether a given start can be booked, and if not, why. */
    enum Verdict { FREE, TAKEN, PAST, TOO_SOON, OUTSIDE_WINDOW, NOT_OFFERED }

    private final CalendarSettings calendar;
    private final ZoneId zone;
    private final long durationMinutes;
    private final long travelMinutes;

    SlotFinder(CalendarSettings calendar, ZoneId zone, int durationMinutes, int travelMinutes) {
        if (durationMinutes <= 0 || travelMinutes < 0) {
            throw new IllegalArgumentException("duration and travel buffer out of range");
        }
        this.calendar = calendar;
        this.zone = zone;
        this.durationMinutes = durationMinutes;
        this.travelMinutes = travelMinutes;
    }

    /** Minutes an appointment of this kind keeps free before its start. */
    long before() {
        return calendar.bufferBefore() + travelMinutes;
    }

    /** Minutes an appointment of this kind keeps free after its end. */
    long after() {
        return calendar.bufferAfter() + travelMinutes;
    }

    /** The free starts from {@code from} to {@code to} (local dates, both included), earliest first. */
    List<Slot> free(List<Booked> booked, LocalDate from, LocalDate to, Instant now) {
        return slots(booked, from, to, now, true);
    }

    /** Whether an appointment can start at {@code start}. */
    Verdict verdict(List<Booked> booked, Instant start, Instant now) {
        if (start.isBefore(now)) {
            return Verdict.PAST;
        }
        LocalDate date = LocalDate.ofInstant(start, zone);
        if (date.isAfter(lastDay(now))) {
            return Verdict.OUTSIDE_WINDOW;
        }
        if (start.isBefore(earliest(now))) {
            return Verdict.TOO_SOON;
        }
        if (slots(List.of(), date, date, now, true).stream().noneMatch(s -> s.start().equals(start))) {
            return Verdict.NOT_OFFERED;
        }
        return slots(booked, date, date, now, true).stream().anyMatch(s -> s.start().equals(start))
            ? Verdict.FREE : Verdict.TAKEN;
    }

    /**
     * The hours of a date: none during an absence (the coach is away, whatever hours the day was given), else its
     * override, else none on a holiday, else the weekday's; ranges that touch or overlap joined into one (09:00–12:00
     * and 12:00–14:00 offer 11:30–12:30 as 09:00–14:00 would), earliest first.
     */
    List<TimeRange> hoursOn(LocalDate date) {
        return hoursOn(calendar, date);
    }

    /** The hours of {@code date} in {@code calendar}, as {@link #hoursOn(LocalDate)}. */
    static List<TimeRange> hoursOn(CalendarSettings calendar, LocalDate date) {
        if (calendar.absences().stream().anyMatch(a -> a.covers(date))) {
            return List.of();
        }
        List<TimeRange> override = calendar.overrides().get(date);
        if (override != null) {
            return TimeRange.joined(override);
        }
        if (NrwHolidays.isHoliday(date)) {
            return List.of();
        }
        return TimeRange.joined(calendar.weekly().getOrDefault(date.getDayOfWeek(), List.of()));
    }

    private LocalDate lastDay(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(calendar.windowDays());
    }

    private Instant earliest(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone).plusMinutes(calendar.minNotice());
        Instant earliest = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        return earliest.isBefore(now) ? now : earliest;
    }

    private List<Slot> slots(List<Booked> booked, LocalDate from, LocalDate to, Instant now, boolean checkBooked) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(lastDay(now)) ? lastDay(now) : to;
        Instant earliest = earliest(now);
        List<Booked> sorted = booked.stream().sorted(Comparator.comparing(Booked::blockedFrom)).toList();
        Duration longest = longestBlock(sorted);
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (Booked b : booked) {
            perDay.merge(LocalDate.ofInstant(b.start(), zone), 1, Integer::sum);
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (calendar.maxPerDay() > 0 && perDay.getOrDefault(date, 0) >= calendar.maxPerDay()) {
                continue;
            }
            List<TimeRange> hours = hoursOn(date);
            if (hours.isEmpty()) {
                continue;
            }
            // most days have one offset all day: a start is then midnight's instant plus its minutes
            ZoneOffset steady = steadyOffset(date);
            long midnight = steady == null ? 0 : date.toEpochSecond(LocalTime.MIDNIGHT, steady);
            for (TimeRange range : hours) {
                // a range until 24:00 ends at the next day's first instant, in the zone's offset then (a day the
                // clocks change on is not steady: its midnights are converted one by one)
                Instant rangeEnd = steady != null ? Instant.ofEpochSecond(midnight + range.endMinute() * 60L)
                    : ZonedDateTime.ofLocal(range.endOn(date), zone, null).toInstant();
                int end = range.endMinute();
                for (int minute = range.startMinute(); minute < end; minute += calendar.slotInterval()) {
                    Instant start;
                    if (steady != null) {
                        start = Instant.ofEpochSecond(midnight + minute * 60L);
                    } else {
                        LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                        if (zone.getRules().getValidOffsets(local).isEmpty()) {
                            continue; // skipped by the change to daylight saving time
                        }
                        start = ZonedDateTime.ofLocal(local, zone, null).toInstant(); // the first of a repeated hour
                    }
                    Instant finish = start.plus(durationMinutes, ChronoUnit.MINUTES);
                    if (finish.isAfter(rangeEnd)) {
                        break;
                    }
                    if (start.isBefore(earliest) || (checkBooked && collides(sorted, longest, start, finish))) {
                        continue;
                    }
                    slots.add(new Slot(start, finish));
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return dedupe(slots);
    }

    /** The zone's offset on the date if it is the same from midnight to midnight (no change that day), else null. */
    private ZoneOffset steadyOffset(LocalDate date) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return rules.getOffset(Instant.EPOCH);
        }
        List<ZoneOffset> valid = rules.getValidOffsets(date.atStartOfDay());
        if (valid.size() != 1) {
            return null;
        }
        ZoneOffset offset = valid.get(0);
        Instant midnight = Instant.ofEpochSecond(date.toEpochSecond(LocalTime.MIDNIGHT, offset));
        ZoneOffsetTransition next = rules.nextTransition(midnight);
        Instant nextMidnight = Instant.ofEpochSecond(date.plusDays(1).toEpochSecond(LocalTime.MIDNIGHT, offset));
        return next == null || !next.getInstant().isBefore(nextMidnight) ? offset : null;
    }

    /** Overlapping ranges of one day would offer a start twice. */
    private static List<Slot> dedupe(List<Slot> slots) {
        List<Slot> result = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            if (result.isEmpty() || !result.get(result.size() - 1).start().equals(s.start())) {
                result.add(s);
            }
        }
        return result;
    }

    /** Whether an appointment from start to end collides with a booked one, buffers included on both sides. */
    boolean collides(List<Booked> sortedByBlockedFrom, Instant start, Instant end) {
        return collides(sortedByBlockedFrom, longestBlock(sortedByBlockedFrom), start, end);
    }

    /** The longest blocked span (appointment with buffers) of the bookings. */
    static Duration longestBlock(List<Booked> booked) {
        Duration longest = Duration.ZERO;
        for (Booked b : booked) {
            Duration span = Duration.between(b.blockedFrom(), b.blockedUntil());
            if (span.compareTo(longest) > 0) {
                longest = span;
            }
        }
        return longest;
    }

    /**
     * As above; {@code longest} is the longest blocked span among the bookings: one that begins (with its buffers)
     * that long or longer before our buffers begin has ended (with them) by then and cannot collide, so the scan
     * starts at the first booking after that point (binary search) and stops at the first that begins after ours ends.
     */
    private boolean collides(List<Booked> sortedByBlockedFrom, Duration longest, Instant start, Instant end) {
        Instant blockedFrom = start.minus(before(), ChronoUnit.MINUTES);
        Instant blockedUntil = end.plus(after(), ChronoUnit.MINUTES);
        Instant earliestRelevant = blockedFrom.minus(longest);
        int low = 0;
        int high = sortedByBlockedFrom.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedByBlockedFrom.get(mid).blockedFrom().isAfter(earliestRelevant)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        for (int i = low; i < sortedByBlockedFrom.size(); i++) {
            Booked b = sortedByBlockedFrom.get(i);
            if (!b.blockedFrom().isBefore(blockedUntil)) {
                break; // this one and all later ones start (with their buffers) after ours ends (with ours)
            }
            boolean intoTheirs = start.isBefore(b.blockedUntil()) && end.isAfter(b.blockedFrom());
            boolean theirsIntoOurs = blockedFrom.isBefore(b.end()) && blockedUntil.isAfter(b.start());
            if (intoTheirs || theirsIntoOurs) {
                return true;
            }
        }
        return false;
    }

    /** The stored record of a new appointment's blocked time. */
    Booked booked(Instant start) {
        Instant end = start.plus(durationMinutes, ChronoUnit.MINUTES);
        return new Booked(start, end, start.minus(before(), ChronoUnit.MINUTES), end.plus(after(), ChronoUnit.MINUTES));
    }
}
