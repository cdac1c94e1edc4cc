package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hours as the coach types them and as they are stored. */
class CalendarTextTest {

    static List<TimeRange> parse(String text, Errors errors) {
        return CalendarText.parseRanges(text, "weekly.MONDAY", errors);
    }

    /**
     * Hours until midnight: 24:00 is the end of the day (00:00 typed as an end means the same), stored and shown as
     * 24:00 and read back unchanged. It was refused as no time, and 00:00 as an end before the start.
     */
    @Test
    void anEndOf2400IsMidnightAtTheEndOfTheDay() {
        Errors errors = new Errors();
        assertThat(parse("18:00-24:00", errors)).containsExactly(TimeRange.untilMidnight(LocalTime.of(18, 0)));
        assertThat(parse("18:00 – 00:00", errors)).containsExactly(TimeRange.untilMidnight(LocalTime.of(18, 0)));
        assertThat(parse("00:00-24:00", errors)).singleElement()
            .satisfies(r -> assertThat(r.endMinute() - r.startMinute()).isEqualTo(24 * 60));
        assertThat(errors.isEmpty()).isTrue();
        List<TimeRange> day = parse("13:00-18:00, 18:00-24:00, 9:00-12:00", errors);
        assertThat(CalendarText.ranges(day)).isEqualTo("09:00-12:00, 13:00-18:00, 18:00-24:00");
        assertThat(CalendarText.overlap(day)).as("touching ranges").isEmpty();
        assertThat(CalendarText.overlap(parse("18:00-24:00, 23:00-23:30", errors))).isPresent();
        assertThat(CalendarText.overlap(parse("20:00-24:00, 00:00-24:00", errors))).isPresent();
        assertThat(errors.isEmpty()).isTrue();

        // stored and read back as the calendar's row does
        String weekly = CalendarText.weekly(new java.util.EnumMap<>(Map.of(DayOfWeek.FRIDAY, day)));
        assertThat(weekly).isEqualTo("FRIDAY 09:00-12:00, 13:00-18:00, 18:00-24:00");
        assertThat(CalendarText.parseWeekly(weekly).get(DayOfWeek.FRIDAY)).isEqualTo(day);
        Map<LocalDate, List<TimeRange>> overrides = CalendarText.parseOverrides("2026-12-31 20:00-24:00", "overrides",
            errors);
        assertThat(CalendarText.overrides(overrides)).isEqualTo("2026-12-31 20:00-24:00");
        assertThat(errors.isEmpty()).isTrue();
    }

    /** What is still no time, each with the message that says what to type. */
    @Test
    void timesPastMidnightAndRangesOverMidnightAreRefusedSayingWhatToType() {
        for (String text : List.of("24:00-24:00", "24:00-01:00", "18:00-24:30", "18:00-25:00", "9 bis 12")) {
            Errors errors = new Errors();
            assertThat(parse(text, errors)).as(text).isEmpty();
            assertThat(errors.list()).as(text).extracting(FieldError::key).containsExactly("error.calendar.ranges");
        }
        for (String text : List.of("22:00-02:00", "12:00-12:00", "18:00-09:00")) {
            Errors errors = new Errors();
            assertThat(parse(text, errors)).as(text).isEmpty();
            assertThat(errors.list()).as(text).extracting(FieldError::key).containsExactly("error.calendar.rangeOrder");
        }
    }
}
