package de.digitalcheck.portal.booking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the hours, buffers and bookings: no free time overlaps a booking with its buffers, or lets a booking lie
 * in its own buffers; every free time is within the day's hours, after the notice, and offered once. Runs around
 * the daylight-saving changes of 2026 too.
 */
class SlotFinderProperties {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Provide
    Arbitrary<CalendarSettings> calendars() {
        Arbitrary<Integer> startHour = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 6);
        Arbitrary<List<TimeRange>> day = Combinators.combine(startHour, length)
            // ranges until midnight (24:00) among them
            .as((h, l) -> new TimeRange(LocalTime.of(h, 0), h + l >= 24 ? LocalTime.MIDNIGHT : LocalTime.of(h + l, 59)))
            .list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Map<DayOfWeek, List<TimeRange>>> weekly = day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<TimeRange>> m = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                if (!days.get(i).isEmpty()) {
                    m.put(DayOfWeek.of(i + 1), days.get(i));
                }
            }
            return m;
        });
        Arbitrary<Integer> buffer = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> interval = Arbitraries.of(5, 10, 15, 20, 30, 45, 60);
        Arbitrary<Integer> perDay = Arbitraries.integers().between(0, 4);
        return Combinators.combine(weekly, buffer, buffer, interval, perDay, Arbitraries.integers().between(0, 48 * 60))
            .as((w, before, after, step, max, notice) -> new CalendarSettings(w, Map.of(), List.of(), before, after,
                notice, 40, max, step));
    }

    @Property(tries = 120)
    void noFreeTimeCollidesWithABookingOrItsBuffers(@ForAll("calendars") CalendarSettings calendar,
                                                    @ForAll @IntRange(min = 15, max = 180) int duration,
                                                    @ForAll @IntRange(min = 0, max = 45) int travel,
                                                    @ForAll @IntRange(min = 0, max = 40 * 24 * 4) int nowQuarter,
                                                    @ForAll("bookingStarts") List<Integer> bookingMinutes,
                                                    @ForAll @IntRange(min = 15, max = 240) int bookedDuration,
                                                    @ForAll @IntRange(min = 0, max = 60) int bookedBuffer) {
        Instant base = LocalDate.of(2026, 3, 20).atStartOfDay(BERLIN).toInstant(); // spans 29 March
        Instant now = base.plus(nowQuarter * 15L, ChronoUnit.MINUTES);
        List<SlotFinder.Booked> booked = new ArrayList<>();
        for (int m : bookingMinutes) {
            Instant s = base.plus(m, ChronoUnit.MINUTES);
            Instant e = s.plus(bookedDuration, ChronoUnit.MINUTES);
            booked.add(new SlotFinder.Booked(s, e, s.minus(bookedBuffer, ChronoUnit.MINUTES),
                e.plus(bookedBuffer, ChronoUnit.MINUTES)));
        }
        SlotFinder finder = new SlotFinder(calendar, BERLIN, duration, travel);
        LocalDate from = LocalDate.of(2026, 3, 20);
        List<SlotFinder.Slot> slots = finder.free(booked, from, from.plusDays(45), now);
        long before = calendar.bufferBefore() + travel;
        long after = calendar.bufferAfter() + travel;
        for (SlotFinder.Slot slot : slots) {
            Instant blockedFrom = slot.start().minus(before, ChronoUnit.MINUTES);
            Instant blockedUntil = slot.end().plus(after, ChronoUnit.MINUTES);
            for (SlotFinder.Booked b : booked) {
                assertThat(slot.start().isBefore(b.blockedUntil()) && slot.end().isAfter(b.blockedFrom()))
                    .as("slot %s overlaps booking %s with its buffers", slot, b).isFalse();
                assertThat(blockedFrom.isBefore(b.end()) && blockedUntil.isAfter(b.start()))
                    .as("booking %s lies in the buffers of slot %s", b, slot).isFalse();
            }
            assertThat(slot.start()).isAfterOrEqualTo(now);
            assertThat(ChronoUnit.MINUTES.between(slot.start(), slot.end())).isEqualTo(duration);
            LocalDate day = LocalDate.ofInstant(slot.start(), BERLIN);
            LocalTime start = slot.start().atZone(BERLIN).toLocalTime();
            int minute = start.toSecondOfDay() / 60;
            // within one of the day's ranges, and ending by its end (the next midnight for one until 24:00)
            assertThat(finder.hoursOn(day)).anyMatch(r -> minute >= r.startMinute() && minute < r.endMinute()
                && !slot.end().isAfter(java.time.ZonedDateTime.ofLocal(r.endOn(day), BERLIN, null).toInstant()));
            assertThat(finder.verdict(booked, slot.start(), now)).isEqualTo(SlotFinder.Verdict.FREE);
        }
        assertThat(slots.stream().map(SlotFinder.Slot::start).distinct().count()).isEqualTo(slots.size());
    }

    @Provide
    Arbitrary<List<Integer>> bookingStarts() {
        return Arbitraries.integers().between(0, 45 * 24 * 60).list().ofMaxSize(30);
    }
}
