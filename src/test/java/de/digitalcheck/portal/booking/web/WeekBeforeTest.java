package de.digitalcheck.portal.booking.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Where "Vorherige Woche" leads on the booking and move pages ({@link BookingPages#weekBefore}). */
class WeekBeforeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2); // a Wednesday
    static final LocalDate THIS_WEEK = LocalDate.of(2026, 11, 30);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 13); // a Wednesday, its week starts on 11 January

    @Test
    void withinTheWindowOneWeekBack() {
        assertThat(BookingPages.weekBefore(LocalDate.of(2027, 1, 11), TODAY, LAST_DAY)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(BookingPages.weekBefore(LocalDate.of(2027, 1, 18), TODAY, LAST_DAY)).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(BookingPages.weekBefore(THIS_WEEK.plusWeeks(1), TODAY, LAST_DAY)).isEqualTo(THIS_WEEK);
    }

    @Test
    void farPastTheWindowStraightToTheWeekOfTheLastDay() {
        assertThat(BookingPages.weekBefore(LocalDate.of(2027, 6, 7), TODAY, LAST_DAY)).isEqualTo(LocalDate.of(2027, 1, 11))
            .isNotEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(BookingPages.weekBefore(LocalDate.of(2027, 1, 25), TODAY, LAST_DAY)).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void neverBeforeThisWeekAndNoneFromThisWeek() {
        assertThat(BookingPages.weekBefore(THIS_WEEK, TODAY, LAST_DAY)).isNull();
        // nothing bookable any more (the last day already past): from a later week straight to this week
        assertThat(BookingPages.weekBefore(THIS_WEEK.plusWeeks(5), TODAY, TODAY.minusDays(10))).isEqualTo(THIS_WEEK);
        // no last day known: one week back
        assertThat(BookingPages.weekBefore(THIS_WEEK.plusWeeks(5), TODAY, null)).isEqualTo(THIS_WEEK.plusWeeks(4));
    }
}
