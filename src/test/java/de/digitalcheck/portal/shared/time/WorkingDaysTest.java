package de.digitalcheck.portal.shared.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void mondayToFridayAreWorkingDays() {
        assertThat(WorkingDays.isWorkingDay(date("2026-06-08"))).as("Monday").isTrue();
        assertThat(WorkingDays.isWorkingDay(date("2026-06-12"))).as("Friday").isTrue();
        assertThat(WorkingDays.isWorkingDay(date("2026-06-13"))).as("Saturday").isFalse();
        assertThat(WorkingDays.isWorkingDay(date("2026-06-14"))).as("Sunday").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
        "2026-06-04", "2026-12-25"})
    void holidaysOnWeekdaysAreNoWorkingDays(LocalDate holiday) {
        assertThat(WorkingDays.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-06", "2026-10-30", "2026-11-18", "2026-12-24", "2026-12-31"})
    void otherStatesHolidaysAndChristmasEveAreWorkingDays(LocalDate weekday) {
        assertThat(WorkingDays.isWorkingDay(weekday)).isTrue();
    }

    @Test
    void plusWorkingDaysSkipsWeekendsAndHolidays() {
        assertThat(WorkingDays.plusWorkingDays(date("2026-12-18"), 1)).isEqualTo(date("2026-12-21"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-12-18"), 2)).isEqualTo(date("2026-12-22"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-12-23"), 2)).isEqualTo(date("2026-12-28"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-04-02"), 2)).isEqualTo(date("2026-04-08"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-06-13"), 1)).as("from Saturday").isEqualTo(date("2026-06-15"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-06-14"), 5)).as("from Sunday").isEqualTo(date("2026-06-19"));
    }

    @Test
    void plusWorkingDaysCrossesTheYear() {
        assertThat(WorkingDays.plusWorkingDays(date("2026-12-31"), 1)).isEqualTo(date("2027-01-04"));
    }

    @Test
    void zeroWorkingDaysIsTheStartItself() {
        assertThat(WorkingDays.plusWorkingDays(date("2026-06-10"), 0)).isEqualTo(date("2026-06-10"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-06-13"), 0)).as("Saturday").isEqualTo(date("2026-06-13"));
        assertThat(WorkingDays.plusWorkingDays(date("2026-12-25"), 0)).as("holiday").isEqualTo(date("2026-12-25"));
    }

    @Test
    void negativeWorkingDaysAreRefused() {
        assertThatThrownBy(() -> WorkingDays.plusWorkingDays(date("2026-06-10"), -1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDays.dueBy(Instant.parse("2026-06-10T10:00:00Z"), -1, BERLIN))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void betweenCountsWorkingDaysAfterFromUpToAndIncludingTo() {
        assertThat(WorkingDays.between(date("2026-12-18"), date("2026-12-22"))).isEqualTo(2);
        assertThat(WorkingDays.between(date("2026-12-23"), date("2026-12-28"))).isEqualTo(2);
        assertThat(WorkingDays.between(date("2026-04-02"), date("2026-04-08"))).isEqualTo(2);
        assertThat(WorkingDays.between(date("2026-06-12"), date("2026-06-14"))).as("weekend only").isZero();
        assertThat(WorkingDays.between(date("2026-06-08"), date("2026-06-09"))).isEqualTo(1);
        assertThat(WorkingDays.between(date("2025-12-31"), date("2026-12-31")))
            .as("261 weekdays, 8 of them holidays (3 Oct and 26 Dec are Saturdays, 1 Nov a Sunday)")
            .isEqualTo(253);
    }

    @Test
    void betweenIsZeroUnlessToIsAfterFrom() {
        assertThat(WorkingDays.between(date("2026-06-10"), date("2026-06-10"))).isZero();
        assertThat(WorkingDays.between(date("2026-06-10"), date("2026-06-01"))).isZero();
    }

    @Test
    void dueByFridayAfternoonIsTheEndOfTuesday() {
        Instant created = berlin("2026-12-18T15:00");
        assertThat(WorkingDays.dueBy(created, 2, BERLIN)).isEqualTo(berlin("2026-12-23T00:00"));
    }

    @Test
    void dueByBeforeChristmasSkipsBothChristmasDaysAndTheWeekend() {
        Instant created = berlin("2026-12-23T09:30");
        assertThat(WorkingDays.dueBy(created, 2, BERLIN)).isEqualTo(berlin("2026-12-29T00:00"));
    }

    @Test
    void dueByBeforeEasterSkipsGoodFridayTheWeekendAndEasterMonday() {
        Instant created = berlin("2026-04-02T11:00");
        assertThat(WorkingDays.dueBy(created, 2, BERLIN)).isEqualTo(berlin("2026-04-09T00:00"));
    }

    @Test
    void dueByUsesTheLocalDateNotTheUtcDate() {
        Instant created = Instant.parse("2026-12-17T23:30:00Z");
        assertThat(created.atZone(BERLIN).toLocalDate()).isEqualTo(date("2026-12-18"));
        assertThat(WorkingDays.dueBy(created, 2, BERLIN)).isEqualTo(Instant.parse("2026-12-22T23:00:00Z"));
    }

    @Test
    void dueByAcrossTheStartOfSummerTimeIsLocalMidnight() {
        Instant created = berlin("2026-03-26T10:00");
        assertThat(created).isEqualTo(Instant.parse("2026-03-26T09:00:00Z"));
        Instant due = WorkingDays.dueBy(created, 2, BERLIN);
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-31T00:00"));
        assertThat(due.atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void dueByAcrossTheEndOfSummerTimeIsLocalMidnight() {
        Instant created = berlin("2026-10-22T16:00");
        assertThat(created).isEqualTo(Instant.parse("2026-10-22T14:00:00Z"));
        Instant due = WorkingDays.dueBy(created, 2, BERLIN);
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-27T00:00"));
        assertThat(due.atZone(BERLIN).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void dueByWithZeroWorkingDaysIsTheEndOfTheDayOfCreation() {
        assertThat(WorkingDays.dueBy(berlin("2026-06-13T08:00"), 0, BERLIN)).isEqualTo(berlin("2026-06-14T00:00"));
    }

    @Test
    void dueByInAnotherZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant created = Instant.parse("2026-12-19T03:00:00Z");
        assertThat(WorkingDays.dueBy(created, 2, newYork)).isEqualTo(Instant.parse("2026-12-23T05:00:00Z"));
    }

    @Test
    void plusWorkingDaysAndBetweenAgreeOnEveryDayOf2026To2030() {
        for (LocalDate day = date("2026-01-01"); day.getYear() <= 2030; day = day.plusDays(1)) {
            for (int n = 1; n <= 10; n++) {
                LocalDate result = WorkingDays.plusWorkingDays(day, n);
                assertThat(WorkingDays.isWorkingDay(result)).as("%s + %d = %s", day, n, result).isTrue();
                assertThat(result).isAfter(day);
                assertThat(WorkingDays.between(day, result)).as("between %s and %s", day, result).isEqualTo(n);
                assertThat(WorkingDays.between(day, result.minusDays(1))).isEqualTo(n - 1);
            }
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
