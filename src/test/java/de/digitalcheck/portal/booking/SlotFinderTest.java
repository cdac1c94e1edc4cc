package de.digitalcheck.portal.booking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The slot finder: hours, overrides, absences, holidays, buffers, bookings, notice, window, daily limit, DST. */
class SlotFinderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 7 December 2026, 08:00 in Berlin. */
    static final Instant MONDAY_MORNING = at("2026-12-07T08:00");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    /** A range as the coach writes it; {@code 24:00}: until midnight. */
    static TimeRange range(String from, String to) {
        return new TimeRange(LocalTime.parse(from), to.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(to));
    }

    static CalendarSettings calendar(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, List<TimeRange>> overrides,
                                     List<Absence> absences, int before, int after, int notice, int window, int perDay,
                                     int interval) {
        return new CalendarSettings(weekly, overrides, absences, before, after, notice, window, perDay, interval);
    }

    static Map<DayOfWeek, List<TimeRange>> weekdays(TimeRange... ranges) {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(ranges));
        }
        return weekly;
    }

    static List<String> localStarts(List<SlotFinder.Slot> slots) {
        return slots.stream().map(s -> s.start().atZone(BERLIN).toLocalDateTime().toString()).toList();
    }

    static SlotFinder.Booked booked(SlotFinder finder, String localStart) {
        return finder.booked(at(localStart));
    }

    @Test
    void startsEveryIntervalWithinEachRangeAndEndByItsEnd() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "12:00"), range("13:00", "14:30")),
            Map.of(), List.of(), 0, 0, 0, 30, 0, 30), BERLIN, 60, 0);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(localStarts(finder.free(List.of(), monday, monday, MONDAY_MORNING))).containsExactly(
            "2026-12-07T09:00", "2026-12-07T09:30", "2026-12-07T10:00", "2026-12-07T10:30", "2026-12-07T11:00",
            "2026-12-07T13:00", "2026-12-07T13:30");
    }

    @Test
    void rangesThatTouchOfferTheTimesAcrossTheirJoinAsOneRangeWould() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        LocalDate tuesday = monday.plusDays(1);
        CalendarSettings splitHours = calendar(weekdays(range("09:00", "12:00"), range("12:00", "14:00")),
            Map.of(tuesday, List.of(range("13:00", "15:00"), range("10:00", "11:00"), range("11:00", "13:30"))),
            List.of(), 0, 0, 0, 30, 0, 30);
        SlotFinder split = new SlotFinder(splitHours, BERLIN, 60, 0);
        SlotFinder whole = new SlotFinder(calendar(weekdays(range("09:00", "14:00")),
            Map.of(tuesday, List.of(range("10:00", "15:00"))), List.of(), 0, 0, 0, 30, 0, 30), BERLIN, 60, 0);
        List<String> starts = localStarts(split.free(List.of(), monday, tuesday, MONDAY_MORNING));
        assertThat(starts).contains("2026-12-07T11:30", "2026-12-08T10:30", "2026-12-08T12:30")
            .isEqualTo(localStarts(whole.free(List.of(), monday, tuesday, MONDAY_MORNING)));
        assertThat(split.verdict(List.of(), at("2026-12-07T11:30"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.FREE);
        assertThat(split.hoursOn(monday)).containsExactly(range("09:00", "14:00"));
        // an appointment across the join lies within the coach's hours, not outside them
        assertThat(Bookings.withinHours(splitHours, at("2026-12-07T11:30"), at("2026-12-07T12:30"))).isTrue();
        assertThat(Bookings.withinHours(splitHours, at("2026-12-07T13:30"), at("2026-12-07T14:30"))).isFalse();
    }

    @Test
    void joinedRangesKeepGapsAndSwallowRangesWithinOthers() {
        assertThat(TimeRange.joined(List.of(range("13:00", "14:00"), range("09:00", "12:00"), range("10:00", "11:00"),
            range("12:00", "12:30"), range("18:00", "24:00"))))
            .containsExactly(range("09:00", "12:30"), range("13:00", "14:00"), range("18:00", "24:00"));
        assertThat(TimeRange.joined(List.of(range("09:00", "12:00")))).containsExactly(range("09:00", "12:00"));
        assertThat(TimeRange.joined(List.of())).isEmpty();
    }

    @Test
    void aBookingBlocksItsTimeAndBothSidesBuffers() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "13:00")), Map.of(), List.of(), 15, 15, 0,
            30, 0, 15), BERLIN, 60, 0);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<SlotFinder.Booked> booked = List.of(booked(finder, "2026-12-07T10:30"));
        List<String> starts = localStarts(finder.free(booked, monday, monday, MONDAY_MORNING));
        // 10:30–11:30 booked, 15 minutes either side: an hour must end by 10:15 or start at 11:45
        assertThat(starts).containsExactly("2026-12-07T09:00", "2026-12-07T09:15", "2026-12-07T11:45",
            "2026-12-07T12:00");
    }

    @Test
    void travelBufferOfAVisitKeepsMoreTimeFree() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("08:00", "18:00")), Map.of(), List.of(), 0, 0, 0,
            30, 0, 60), BERLIN, 120, 30);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<SlotFinder.Booked> booked = List.of(booked(finder, "2026-12-07T12:00")); // 11:30–14:30 blocked
        assertThat(localStarts(finder.free(booked, monday, monday, at("2026-12-07T07:00")))).containsExactly(
            "2026-12-07T08:00", "2026-12-07T09:00", "2026-12-07T15:00", "2026-12-07T16:00");
    }

    @Test
    void holidaysAbsencesAndBlockedDatesOfferNothingButAnOverrideGivesHours() {
        LocalDate christmas = LocalDate.of(2026, 12, 25); // Friday, a public holiday
        LocalDate tuesday = LocalDate.of(2026, 12, 8);
        LocalDate wednesday = LocalDate.of(2026, 12, 9);
        LocalDate saturday = LocalDate.of(2026, 12, 12);
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "11:00")),
            Map.of(tuesday, List.of(), saturday, List.of(range("10:00", "11:00")), newYear, List.of(range("10:00", "11:00"))),
            List.of(new Absence(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 23))), 0, 0, 0, 60, 0, 60),
            BERLIN, 60, 0);
        List<SlotFinder.Slot> slots = finder.free(List.of(), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 4),
            MONDAY_MORNING);
        List<LocalDate> days = slots.stream().map(s -> LocalDate.ofInstant(s.start(), BERLIN)).distinct().toList();
        assertThat(days).doesNotContain(christmas, LocalDate.of(2026, 12, 26), tuesday, LocalDate.of(2026, 12, 21),
            LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 13));
        assertThat(days).contains(LocalDate.of(2026, 12, 7), wednesday, saturday, LocalDate.of(2026, 12, 24), newYear,
            LocalDate.of(2027, 1, 4));
        assertThat(localStarts(finder.free(List.of(), saturday, saturday, MONDAY_MORNING)))
            .containsExactly("2026-12-12T10:00");
    }

    /**
     * An absence wins over a date override with hours: the coach is away, whatever hours the day was given (a
     * holiday, by contrast, is opened by an override). Overrides outside the absence still give their hours.
     */
    @Test
    void anAbsenceWinsOverADateOverrideWithHours() {
        LocalDate tuesday = LocalDate.of(2027, 1, 5);
        LocalDate after = LocalDate.of(2027, 1, 12);
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "11:00")),
            Map.of(tuesday, List.of(range("10:00", "12:00")), after, List.of(range("14:00", "15:00"))),
            List.of(new Absence(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8))), 0, 0, 0, 60, 0, 60),
            BERLIN, 60, 0);
        assertThat(finder.hoursOn(tuesday)).isEmpty();
        assertThat(finder.free(List.of(), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8), MONDAY_MORNING)).isEmpty();
        assertThat(finder.verdict(List.of(), at("2027-01-05T10:00"), MONDAY_MORNING))
            .isEqualTo(SlotFinder.Verdict.NOT_OFFERED);
        assertThat(localStarts(finder.free(List.of(), after, after, MONDAY_MORNING))).containsExactly("2027-01-12T14:00");
    }

    /** The days daylight saving time begins: 02:00–03:00 does not exist, so nothing starts then. */
    @ParameterizedTest
    @CsvSource({"2026-03-29", "2027-03-28"})
    void springForwardSkipsTheMissingHour(LocalDate day) {
        SlotFinder finder = new SlotFinder(calendar(Map.of(), Map.of(day, List.of(range("01:00", "04:00"))),
            List.of(), 0, 0, 0, 30, 0, 30), BERLIN, 30, 0);
        Instant now = day.minusDays(1).atStartOfDay(BERLIN).toInstant();
        List<SlotFinder.Slot> slots = finder.free(List.of(), day, day, now);
        assertThat(localStarts(slots)).containsExactly(day + "T01:00", day + "T01:30", day + "T03:00", day + "T03:30");
        assertThat(localStarts(slots)).doesNotContain(day + "T02:30");
        // 01:30 + 30 minutes is 03:00 local: real durations
        assertThat(slots.get(1).end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
    }

    /** The days it ends: 02:00–03:00 happens twice, and is offered once. */
    @ParameterizedTest
    @CsvSource({"2026-10-25", "2027-10-31"})
    void fallBackOffersTheRepeatedHourOnce(LocalDate day) {
        SlotFinder finder = new SlotFinder(calendar(Map.of(), Map.of(day, List.of(range("01:00", "04:00"))),
            List.of(), 0, 0, 0, 30, 0, 30), BERLIN, 30, 0);
        Instant now = day.minusDays(1).atStartOfDay(BERLIN).toInstant();
        List<SlotFinder.Slot> slots = finder.free(List.of(), day, day, now);
        assertThat(localStarts(slots)).containsExactly(day + "T01:00", day + "T01:30", day + "T02:00", day + "T02:30",
            day + "T03:00", day + "T03:30");
        assertThat(slots.stream().map(SlotFinder.Slot::start).distinct()).hasSize(6);
        // 02:00 is the first 02:00 (summer time, UTC+2)
        assertThat(slots.get(2).start().atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(7200);
        // the last one still ends by 04:00 local (the range's end), one real hour later than on a normal day
        assertThat(slots.get(5).end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(4, 0));
    }

    @ParameterizedTest
    @CsvSource({"2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"})
    void aWeekdayRuleAndAnOverrideLandOnTheirWallClockDayAcrossTheChange(LocalDate sunday) {
        LocalDate monday = sunday.plusDays(1);
        SlotFinder finder = new SlotFinder(calendar(Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "10:00"))),
            Map.of(sunday, List.of(range("09:00", "10:00"))), List.of(), 0, 0, 0, 30, 0, 60), BERLIN, 60, 0);
        Instant now = sunday.minusDays(2).atStartOfDay(BERLIN).toInstant();
        List<String> starts = localStarts(finder.free(List.of(), sunday.minusDays(1), monday, now));
        if (de.digitalcheck.portal.shared.time.NrwHolidays.isHoliday(monday)) {
            // Easter Monday 2027 (29 March) and All Saints' Day 2027 (1 November): blocked
            assertThat(starts).containsExactly(sunday + "T09:00");
        } else {
            assertThat(starts).containsExactly(sunday + "T09:00", monday + "T09:00");
        }
    }

    /** Saturday 10:00 before the change, 24 hours' notice: Sunday 10:00 wall-clock (23 real hours later) is fine. */
    @Test
    void noticeIsCountedInWallClockTime() {
        LocalDate sunday = LocalDate.of(2026, 3, 29);
        SlotFinder finder = new SlotFinder(calendar(Map.of(), Map.of(sunday, List.of(range("08:00", "12:00"))),
            List.of(), 0, 0, 24 * 60, 30, 0, 60), BERLIN, 60, 0);
        Instant now = at("2026-03-28T10:00");
        assertThat(localStarts(finder.free(List.of(), sunday, sunday, now)))
            .containsExactly("2026-03-29T10:00", "2026-03-29T11:00");
        assertThat(finder.verdict(List.of(), at("2026-03-29T09:00"), now)).isEqualTo(SlotFinder.Verdict.TOO_SOON);
        assertThat(finder.verdict(List.of(), at("2026-03-29T10:00"), now)).isEqualTo(SlotFinder.Verdict.FREE);
    }

    /** A booking at 00:30 local on Tuesday is 23:30 UTC on Monday: it counts for Tuesday. */
    @Test
    void theDailyLimitCountsByTheLocalDate() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "12:00")), Map.of(), List.of(), 0, 0, 0,
            30, 1, 60), BERLIN, 60, 0);
        List<SlotFinder.Booked> booked = List.of(finder.booked(Instant.parse("2026-12-07T23:30:00Z")));
        List<SlotFinder.Slot> slots = finder.free(booked, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8),
            MONDAY_MORNING);
        assertThat(localStarts(slots)).containsExactly("2026-12-07T09:00", "2026-12-07T10:00", "2026-12-07T11:00");
        assertThat(finder.verdict(booked, at("2026-12-08T10:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.TAKEN);
    }

    @Test
    void theWindowEndsWithItsLastDay() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "10:00")), Map.of(), List.of(), 0, 0, 0,
            3, 0, 60), BERLIN, 60, 0);
        List<SlotFinder.Slot> slots = finder.free(List.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
            MONDAY_MORNING);
        assertThat(localStarts(slots)).containsExactly("2026-12-07T09:00", "2026-12-08T09:00", "2026-12-09T09:00",
            "2026-12-10T09:00");
        assertThat(finder.verdict(List.of(), at("2026-12-11T09:00"), MONDAY_MORNING))
            .isEqualTo(SlotFinder.Verdict.OUTSIDE_WINDOW);
    }

    @Test
    void verdictsNameWhyATimeCannotBeBooked() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "12:00")), Map.of(), List.of(), 10, 10,
            60, 30, 0, 30), BERLIN, 60, 0);
        List<SlotFinder.Booked> booked = List.of(booked(finder, "2026-12-08T10:00"));
        assertThat(finder.verdict(booked, at("2026-12-04T10:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.PAST);
        assertThat(finder.verdict(booked, at("2026-12-07T08:30"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.TOO_SOON);
        assertThat(finder.verdict(booked, at("2026-12-08T09:10"), MONDAY_MORNING))
            .isEqualTo(SlotFinder.Verdict.NOT_OFFERED);
        assertThat(finder.verdict(booked, at("2026-12-08T11:30"), MONDAY_MORNING))
            .isEqualTo(SlotFinder.Verdict.NOT_OFFERED); // would end after 12:00
        assertThat(finder.verdict(booked, at("2026-12-08T10:30"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.TAKEN);
        assertThat(finder.verdict(booked, at("2026-12-08T09:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.TAKEN);
        assertThat(finder.verdict(booked, at("2026-12-09T09:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.FREE);
    }

    @Test
    void overlappingRangesOfferEachStartOnce() {
        SlotFinder finder = new SlotFinder(calendar(weekdays(range("09:00", "11:00"), range("10:00", "12:00")),
            Map.of(), List.of(), 0, 0, 0, 30, 0, 60), BERLIN, 60, 0);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(localStarts(finder.free(List.of(), monday, monday, MONDAY_MORNING)))
            .containsExactly("2026-12-07T09:00", "2026-12-07T10:00", "2026-12-07T11:00");
    }

    /**
     * The finder's shortcut for days with one offset throughout gives, on every day of two years (both changes of
     * each), exactly the starts of the zone's own rules: each wall-clock start, none in the skipped hour, the first
     * of a repeated one; ranges that reach over 02:00–03:00 and up to midnight.
     */
    @Test
    void everyStartOfTwoYearsIsTheZonesWallClockTime() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, List.of(range("00:00", "03:45"), range("22:00", "23:59")));
        }
        CalendarSettings settings = calendar(weekly, Map.of(), List.of(), 0, 0, 0, 800, 0, 15);
        SlotFinder finder = new SlotFinder(settings, BERLIN, 30, 0);
        LocalDate first = LocalDate.of(2026, 1, 1);
        LocalDate last = LocalDate.of(2027, 12, 31);
        List<SlotFinder.Slot> slots = finder.free(List.of(), first, last, first.atStartOfDay(BERLIN).toInstant());
        List<Instant> expected = new java.util.ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (TimeRange r : finder.hoursOn(date)) {
                Instant end = java.time.ZonedDateTime.ofLocal(date.atTime(r.end()), BERLIN, null).toInstant();
                for (LocalTime t = r.start(); t.isBefore(r.end()) && !t.equals(LocalTime.MIDNIGHT.minusMinutes(1));
                     t = t.plusMinutes(15)) {
                    LocalDateTime local = date.atTime(t);
                    if (BERLIN.getRules().getValidOffsets(local).isEmpty()) {
                        continue;
                    }
                    Instant start = java.time.ZonedDateTime.ofLocal(local, BERLIN, null).toInstant();
                    if (start.plusSeconds(30 * 60).isAfter(end)) {
                        break;
                    }
                    expected.add(start);
                    if (t.equals(LocalTime.of(23, 45))) {
                        break; // the next step would wrap to the next day
                    }
                }
            }
        }
        assertThat(slots.stream().map(SlotFinder.Slot::start).toList()).isEqualTo(expected);
        assertThat(localStarts(slots)).doesNotContain("2026-03-29T02:00", "2027-03-28T02:30")
            .containsOnlyOnce("2026-10-25T02:00", "2027-10-31T02:30");
    }

    /**
     * Hours until midnight (18:00-24:00): the last appointment ends at the next day's first instant, on every day of
     * two years, the four days the clocks change included; earlier such hours had to stop at 23:59 and lost the last
     * slot.
     */
    @Test
    void hoursUntilMidnightOfferTheLastSlotEndingAtMidnightOnEveryDayOfTwoYears() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, List.of(range("18:00", "24:00")));
        }
        SlotFinder finder = new SlotFinder(calendar(weekly, Map.of(), List.of(), 0, 0, 0, 800, 0, 30), BERLIN, 60, 0);
        LocalDate first = LocalDate.of(2026, 1, 1);
        LocalDate last = LocalDate.of(2027, 12, 31);
        List<SlotFinder.Slot> slots = finder.free(List.of(), first, last, first.atStartOfDay(BERLIN).toInstant());
        Map<LocalDate, List<SlotFinder.Slot>> byDay = new java.util.TreeMap<>();
        slots.forEach(s -> byDay.computeIfAbsent(s.start().atZone(BERLIN).toLocalDate(), d -> new java.util.ArrayList<>())
            .add(s));
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            List<SlotFinder.Slot> day = byDay.getOrDefault(date, List.of());
            if (de.digitalcheck.portal.shared.time.NrwHolidays.isHoliday(date)) {
                assertThat(day).as(date + " is a holiday").isEmpty();
                continue;
            }
            // 18:00, 18:30, …, 23:00: eleven starts, the last one ends at the next midnight in the zone
            assertThat(day).as(date.toString()).hasSize(11);
            SlotFinder.Slot lastOfDay = day.get(day.size() - 1);
            assertThat(lastOfDay.start()).isEqualTo(at(date + "T23:00"));
            assertThat(lastOfDay.end()).isEqualTo(date.plusDays(1).atStartOfDay(BERLIN).toInstant());
        }
        assertThat(finder.verdict(List.of(), at("2026-12-08T23:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.FREE);
        assertThat(finder.verdict(List.of(), at("2026-12-08T23:30"), MONDAY_MORNING))
            .isEqualTo(SlotFinder.Verdict.NOT_OFFERED); // would end after midnight
    }

    /**
     * A whole day, 00:00-24:00, on the days the clocks change: 23 wall-clock hours when summer time begins (02:00 is
     * skipped), 25 real hours when it ends (the repeated 02:00 offered once), the last hour until midnight either way.
     */
    @ParameterizedTest
    @CsvSource({"2026-03-29, 23", "2026-10-25, 24", "2027-03-28, 23", "2027-10-31, 24"})
    void aWholeDayUntilMidnightOnTheDaysTheClocksChange(LocalDate day, int starts) {
        SlotFinder finder = new SlotFinder(calendar(Map.of(), Map.of(day, List.of(range("00:00", "24:00"))),
            List.of(), 0, 0, 0, 30, 0, 60), BERLIN, 60, 0);
        Instant now = day.minusDays(1).atStartOfDay(BERLIN).toInstant();
        List<SlotFinder.Slot> slots = finder.free(List.of(), day, day, now);
        assertThat(slots).hasSize(starts);
        assertThat(localStarts(slots)).doesNotHaveDuplicates().startsWith(day + "T00:00").endsWith(day + "T23:00");
        SlotFinder.Slot lastOfDay = slots.get(slots.size() - 1);
        assertThat(lastOfDay.end()).isEqualTo(day.plusDays(1).atStartOfDay(BERLIN).toInstant());
        assertThat(java.time.Duration.between(lastOfDay.start(), lastOfDay.end())).hasMinutes(60);
    }

    /** The next day's first appointment keeps its buffer before it free, back across midnight. */
    @Test
    void aBookingJustAfterMidnightBlocksTheEndOfTheDayBefore() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        weekly.put(DayOfWeek.MONDAY, List.of(range("22:00", "24:00")));
        weekly.put(DayOfWeek.TUESDAY, List.of(range("00:00", "02:00")));
        SlotFinder finder = new SlotFinder(calendar(weekly, Map.of(), List.of(), 15, 15, 0, 30, 0, 30), BERLIN, 60, 0);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<SlotFinder.Booked> booked = List.of(booked(finder, "2026-12-08T00:00"));
        // 23:00-24:00 would end inside the buffer before Tuesday's 00:00; 22:30-23:30 and its buffer end as it begins
        assertThat(localStarts(finder.free(booked, monday, monday, MONDAY_MORNING)))
            .containsExactly("2026-12-07T22:00", "2026-12-07T22:30");
        assertThat(finder.verdict(booked, at("2026-12-07T23:00"), MONDAY_MORNING)).isEqualTo(SlotFinder.Verdict.TAKEN);
        assertThat(localStarts(finder.free(List.of(), monday, monday, MONDAY_MORNING)))
            .containsExactly("2026-12-07T22:00", "2026-12-07T22:30", "2026-12-07T23:00");
    }

    /**
     * The longest range of a calendar ({@link CalendarSettings#longestBookableMinutes}, which decides whether a coach
     * offers a type at all) is the longest appointment the slot finder fits: ranges that touch joined, a date's own
     * hours counted within the booking window only, buffers and travel outside the hours; a minute more fits nowhere.
     */
    @Test
    void theLongestRangeIsTheLongestAppointmentThatFindsATime() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        LocalDate inWindow = monday.plusDays(9);
        LocalDate beyond = monday.plusDays(60);
        CalendarSettings calendar = calendar(weekdays(range("09:00", "12:00"), range("13:00", "17:00")),
            Map.of(inWindow, List.of(range("12:00", "17:00"), range("07:00", "09:00"), range("09:00", "12:00")),
                beyond, List.of(range("00:00", "24:00"))), List.of(), 60, 60, 0, 30, 0, 30);
        assertThat(calendar.longestBookableMinutes(at(monday + "T00:00"), BERLIN)).isEqualTo(10 * 60);
        assertThat(calendar.longestBookableMinutes(at(beyond + "T00:00"), BERLIN))
            .as("the whole day, once in the window").isEqualTo(24 * 60);
        assertThat(calendar.longestBookableMinutes(at(inWindow.plusDays(1) + "T00:00"), BERLIN))
            .as("an override past is not counted").isEqualTo(4 * 60);
        Instant now = at("2026-12-07T06:00");
        List<String> longest = localStarts(new SlotFinder(calendar, BERLIN, 10 * 60, 30)
            .free(List.of(), monday, monday.plusDays(30), now));
        assertThat(longest).containsExactly(inWindow + "T07:00");
        assertThat(new SlotFinder(calendar, BERLIN, 10 * 60 + 1, 0).free(List.of(), monday, monday.plusDays(30), now))
            .isEmpty();
        assertThat(calendar(Map.of(), Map.of(), List.of(), 0, 0, 0, 30, 0, 30)
            .longestBookableMinutes(MONDAY_MORNING, BERLIN)).isZero();
    }

    /**
     * Hours alone did not make a coach bookable: the staff's list said a type was offered (and companies saw it) while
     * absences, NRW public holidays, the minimum notice or the end of the booking window left no time at all. The
     * longest bookable room counts the days of the window as the slot finder does, from the first start after the
     * notice, on the slot grid; it is exactly the longest appointment that still finds a time.
     */
    @Test
    void theLongestBookableRoomLeavesOutAbsencesHolidaysTheNoticeAndWhatLiesBeyondTheWindow() {
        Map<DayOfWeek, List<TimeRange>> weekdays = weekdays(range("09:00", "12:00"), range("13:00", "17:00"));
        Instant christmasEve = at("2026-12-24T18:00"); // a Thursday, after its hours; 25 and 26 December are holidays
        assertThat(calendar(weekdays, Map.of(), List.of(), 0, 0, 0, 2, 0, 30)
            .longestBookableMinutes(christmasEve, BERLIN)).as("holidays and the window's end").isZero();
        assertThat(calendar(weekdays, Map.of(), List.of(), 0, 0, 0, 4, 0, 30)
            .longestBookableMinutes(christmasEve, BERLIN)).as("Monday 28 December").isEqualTo(240);
        // away from 28 December: the rest of the window is the weekend and New Year's Day
        CalendarSettings away = calendar(weekdays, Map.of(), List.of(new Absence(LocalDate.of(2026, 12, 28),
            LocalDate.of(2026, 12, 31))), 0, 0, 0, 10, 0, 30);
        assertThat(away.longestBookableMinutes(christmasEve, BERLIN)).isZero();
        assertThat(new SlotFinder(away, BERLIN, 5, 0).free(List.of(), LocalDate.of(2026, 12, 24),
            LocalDate.of(2027, 1, 3), christmasEve)).isEmpty();
        // an override gives a blocked day hours again
        assertThat(calendar(weekdays, Map.of(LocalDate.of(2026, 12, 26), List.of(range("10:00", "11:00"))),
            List.of(), 0, 0, 0, 2, 0, 30).longestBookableMinutes(christmasEve, BERLIN)).isEqualTo(60);

        // the notice: from the first start on the grid after it (10:10 + 0: 10:30, 90 minutes to 12:00)
        Map<DayOfWeek, List<TimeRange>> mornings = Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "12:00")));
        Instant mondayTen = at("2026-12-07T10:10");
        CalendarSettings today = calendar(mornings, Map.of(), List.of(), 0, 0, 0, 0, 0, 30);
        assertThat(today.longestBookableMinutes(mondayTen, BERLIN)).isEqualTo(90);
        assertThat(localStarts(new SlotFinder(today, BERLIN, 90, 0).free(List.of(), LocalDate.of(2026, 12, 7),
            LocalDate.of(2026, 12, 7), mondayTen))).containsExactly("2026-12-07T10:30");
        assertThat(new SlotFinder(today, BERLIN, 91, 0).free(List.of(), LocalDate.of(2026, 12, 7),
            LocalDate.of(2026, 12, 7), mondayTen)).isEmpty();
        assertThat(calendar(mornings, Map.of(), List.of(), 0, 0, 60, 0, 0, 30)
            .longestBookableMinutes(mondayTen, BERLIN)).as("an hour's notice: 11:30").isEqualTo(30);
        assertThat(calendar(mornings, Map.of(), List.of(), 0, 0, 120, 0, 0, 30)
            .longestBookableMinutes(mondayTen, BERLIN)).isZero();
        // a notice longer than the window: nothing, every day
        assertThat(calendar(weekdays, Map.of(), List.of(), 0, 0, 15 * 24 * 60, 14, 0, 30)
            .longestBookableMinutes(MONDAY_MORNING, BERLIN)).isZero();
        assertThat(calendar(weekdays, Map.of(), List.of(), 0, 0, 13 * 24 * 60, 14, 0, 30)
            .longestBookableMinutes(MONDAY_MORNING, BERLIN)).as("Monday two weeks on, from 08:00").isEqualTo(240);
    }
}
