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

    /**
     * Dates as German pages write them (24.12.2026, 1.7.2026) are read as well as the stored form, and stored as the
     * latter: "24.12.2026" was refused as "kein Datum". Days that do not exist stay refused.
     */
    @Test
    void germanDatesAreReadAndStoredAsIso() {
        Errors errors = new Errors();
        Map<LocalDate, List<TimeRange>> overrides = CalendarText.parseOverrides(
            "24.12.2026\n27.12.2026 10:00-12:00\n2026-12-31", "overrides", errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(CalendarText.overrides(overrides)).isEqualTo("2026-12-24\n2026-12-27 10:00-12:00\n2026-12-31");
        var absences = CalendarText.parseAbsences("1.7.2026..14.7.2026\n03.08.2026 - 2026-08-05\n9.9.2026", "absences",
            errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(CalendarText.absences(absences)).isEqualTo("2026-07-01..2026-07-14\n2026-08-03..2026-08-05\n2026-09-09");
        for (String wrong : List.of("24.13.2026", "24.12.26", "24/12/2026")) {
            Errors refused = new Errors();
            CalendarText.parseOverrides(wrong, "overrides", refused);
            assertThat(refused.list()).as(wrong).extracting(FieldError::key).containsExactly("error.calendar.override");
        }
        Errors noSuchDay = new Errors();
        CalendarText.parseOverrides("31.02.2026", "overrides", noSuchDay);
        assertThat(noSuchDay.list()).extracting(FieldError::key).containsExactly("error.calendar.noSuchDay");
    }

    /**
     * A real day of a year the calendar does not plan for (after 2999 or before 1900: a year mistyped) is said to be
     * that, with the line, not "not a date"; nothing of the field is taken. Found by a probe: 9999-12-31 as an absence.
     */
    @Test
    void aDayOfAYearTheCalendarDoesNotPlanForIsSaidToBeThat() {
        for (String line : List.of("9999-12-31", "3000-01-01", "1.1.1899", "2026-07-01..9999-12-31")) {
            Errors absence = new Errors();
            assertThat(CalendarText.parseAbsences(line, "absences", absence)).as(line).isEmpty();
            assertThat(absence.list()).as(line).extracting(FieldError::key).containsExactly("error.calendar.year");
            assertThat(absence.list().get(0).args()).as(line).containsExactly(line);
        }
        Errors override = new Errors();
        assertThat(CalendarText.parseOverrides("3000-01-01 09:00-12:00\n3001-02-03", "overrides", override)).isEmpty();
        assertThat(override.list()).extracting(FieldError::key).containsExactly("error.calendar.year.many");
        // a line that cannot be read still comes first, and the last day planned is still a day
        Errors mixed = new Errors();
        CalendarText.parseAbsences("9999-12-31\nirgendwann", "absences", mixed);
        assertThat(mixed.list()).extracting(FieldError::key).containsExactly("error.calendar.absence");
        Errors last = new Errors();
        assertThat(CalendarText.parseAbsences("2999-12-31", "absences", last)).hasSize(1);
        assertThat(last.isEmpty()).isTrue();
    }

    /**
     * A comma too many is read the same at either end of a day's hours and between its ranges: {@code 9:00-12:00,} was
     * read and {@code ,9:00-12:00} refused ({@code String.split} drops only the empty parts at the end), and so was
     * {@code 9:00-12:00, } with a space after the comma.
     */
    @Test
    void anEmptyPartIsSkippedAtEitherEndAndBetweenRanges() {
        List<TimeRange> morning = List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 0)));
        for (String text : List.of("9:00-12:00,", ",9:00-12:00", " , 9:00-12:00 , ", "9:00-12:00, ", ";9:00-12:00;",
            ",,9:00-12:00,,")) {
            Errors errors = new Errors();
            assertThat(parse(text, errors)).as(text).isEqualTo(morning);
            assertThat(errors.isEmpty()).as(text).isTrue();
        }
        Errors errors = new Errors();
        assertThat(CalendarText.ranges(parse("13:00-17:00,, 9:00-12:00", errors)))
            .isEqualTo("09:00-12:00, 13:00-17:00");
        assertThat(parse(",", errors)).as("nothing but a comma: no hours, as an empty text").isEmpty();
        assertThat(errors.isEmpty()).isTrue();
        Errors refused = new Errors();
        assertThat(parse(",9:00-12", refused)).as("a part that is there is still read as a range").isEmpty();
        assertThat(refused.list()).extracting(FieldError::key).containsExactly("error.calendar.ranges");
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

    /**
     * Every line of a list that cannot be read is named in its one error, so that a coach mends them all in one go: a
     * list of 40 holidays with three typing mistakes named the first mistake only, and the next two one save later
     * each. Long lists name how many and the first five; the lines that can be read are still read.
     */
    /**
     * An override line whose date and times can be read but whose range ends before it begins got the vague "not a
     * date with time ranges", while the weekly hours said what was wrong; it says so now, naming the line (a line that
     * cannot be read at all is named first, as before).
     */
    @Test
    void anOverrideRangeThatEndsBeforeItBeginsIsNamedAsSuch() {
        Errors one = new Errors();
        Map<LocalDate, List<TimeRange>> read = CalendarText.parseOverrides(
            "2026-12-24 10:00-09:00\n2026-12-27 10:00-12:00", "overrides", one);
        assertThat(one.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("overrides");
            assertThat(e.key()).isEqualTo("error.calendar.overrideOrder");
            assertThat(e.args()).containsExactly("2026-12-24 10:00-09:00");
        });
        assertThat(read).containsOnlyKeys(LocalDate.of(2026, 12, 27));

        Errors two = new Errors();
        CalendarText.parseOverrides("2026-12-24 10:00-09:00\n2026-12-25 12:00-12:00", "overrides", two);
        assertThat(two.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.overrideOrder.many");
            assertThat(e.args()).containsExactly(2, "2026-12-24 10:00-09:00 · 2026-12-25 12:00-12:00");
        });
        // a line that cannot be read at all comes first (one error a field)
        Errors both = new Errors();
        CalendarText.parseOverrides("2026-12-24 10:00-09:00\nmorgen", "overrides", both);
        assertThat(both.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.override");
            assertThat(e.args()).containsExactly("morgen");
        });
        // a range that cannot be read before a backwards one: the line cannot be read
        Errors unreadable = new Errors();
        CalendarText.parseOverrides("2026-12-24 25:00-26:00, 10:00-09:00", "overrides", unreadable);
        assertThat(unreadable.list()).extracting(FieldError::key).containsExactly("error.calendar.override");
    }

    @Test
    void everyUnreadableLineOfAListIsNamedAtOnce() {
        Errors one = new Errors();
        CalendarText.parseOverrides("2026-12-24\n24.12.26\n2026-12-27 10:00-12:00", "overrides", one);
        assertThat(one.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.override");
            assertThat(e.args()).containsExactly("24.12.26");
        });

        Errors three = new Errors();
        Map<LocalDate, List<TimeRange>> read = CalendarText.parseOverrides(
            "2026-12-24\n24.12.26\n2026-12-27 10-12\n\n2026-12-28 10:00-12:00\n2026-13-01", "overrides", three);
        assertThat(three.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("overrides");
            assertThat(e.key()).isEqualTo("error.calendar.override.many");
            assertThat(e.args()).containsExactly(3, "24.12.26 · 2026-12-27 10-12 · 2026-13-01");
        });
        assertThat(read).containsOnlyKeys(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 28));

        StringBuilder typos = new StringBuilder("2027-01-01\n");
        for (int i = 1; i <= 7; i++) {
            typos.append("0").append(i).append(".02.27\n");
        }
        Errors seven = new Errors();
        List<Absence> away = CalendarText.parseAbsences(typos + "2027-03-01..2027-03-05\n2027-04-02..2027-04-01",
            "absences", seven);
        assertThat(seven.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.absence.first");
            assertThat(e.args()).containsExactly(7, "01.02.27 · 02.02.27 · 03.02.27 · 04.02.27 · 05.02.27");
        });
        assertThat(away).extracting(Absence::from).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1));

        // a day listed twice is named once however often it repeats; several such days together
        Errors twice = new Errors();
        CalendarText.parseOverrides("2026-12-24\n2026-12-24 10:00-12:00\n2026-12-24", "overrides", twice);
        assertThat(twice.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.overrideTwice");
            assertThat(e.args()).containsExactly("2026-12-24");
        });
        Errors days = new Errors();
        CalendarText.parseOverrides("2026-12-31\n2026-12-24\n2026-12-24\n2026-12-31 10:00-12:00", "overrides", days);
        assertThat(days.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.overrideTwice.many");
            assertThat(e.args()).containsExactly("2026-12-24, 2026-12-31");
        });
        // a line that cannot be read comes first: whether a day repeats is asked of readable lines only
        Errors both = new Errors();
        CalendarText.parseOverrides("2026-12-24\n2026-12-24\nmorgen", "overrides", both);
        assertThat(both.list()).extracting(FieldError::key).containsExactly("error.calendar.override");

        // nothing to complain about: no error at all
        Errors none = new Errors();
        CalendarText.parseOverrides("2026-12-24\n\n  2026-12-27 10:00-12:00  ", "overrides", none);
        CalendarText.parseAbsences("2027-01-01\n2027-03-01..2027-03-05", "absences", none);
        assertThat(none.isEmpty()).isTrue();
    }

    /**
     * What was wrong is said as it is: an absence that ends before it begins, a day the calendar does not have
     * (2026-02-30, 31.4.2027) — both were "not a date or a period from–to" or "not a date with periods" — and a line
     * pasted in by the page is quoted cut short, not repeated in full in the summary and at the field.
     */
    @Test
    void backwardsAbsencesDaysThatDoNotExistAndLongLinesAreSaidAsWhatTheyAre() {
        Errors backwards = new Errors();
        List<Absence> none = CalendarText.parseAbsences("2026-12-20..2026-12-10", "absences", backwards);
        assertThat(none).isEmpty();
        assertThat(backwards.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.absenceOrder");
            assertThat(e.args()).containsExactly("2026-12-20..2026-12-10");
        });
        Errors twoBackwards = new Errors();
        CalendarText.parseAbsences("20.12.2026 bis 10.12.2026\n2027-01-01\n2027-02-05..2027-02-01", "absences",
            twoBackwards);
        assertThat(twoBackwards.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.absenceOrder.many");
            assertThat(e.args()).containsExactly(2, "20.12.2026 bis 10.12.2026 · 2027-02-05..2027-02-01");
        });

        Errors noDay = new Errors();
        CalendarText.parseAbsences("2026-02-30\n2027-03-01..31.4.2027", "absences", noDay);
        assertThat(noDay.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.noSuchDay.many");
            assertThat(e.args()).containsExactly(2, "2026-02-30 · 2027-03-01..31.4.2027");
        });
        Errors noOverrideDay = new Errors();
        Map<LocalDate, List<TimeRange>> read = CalendarText.parseOverrides("2026-02-30\n2026-12-24\n29.2.2027 10:00-12:00",
            "overrides", noOverrideDay);
        assertThat(noOverrideDay.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.noSuchDay.many");
            assertThat(e.args()).containsExactly(2, "2026-02-30 · 29.2.2027 10:00-12:00");
        });
        assertThat(read).containsOnlyKeys(LocalDate.of(2026, 12, 24));
        // a leap day that exists is a day; a month 13 is a line that cannot be read, as before
        Errors leap = new Errors();
        CalendarText.parseOverrides("29.2.2028\n2028-02-29", "overrides", leap);
        assertThat(leap.list()).extracting(FieldError::key).containsExactly("error.calendar.overrideTwice");
        Errors month13 = new Errors();
        CalendarText.parseAbsences("2026-13-01", "absences", month13);
        assertThat(month13.list()).extracting(FieldError::key).containsExactly("error.calendar.absence");

        Errors pasted = new Errors();
        String page = "x".repeat(5000);
        CalendarText.parseOverrides(page + "\n" + "😀".repeat(70), "overrides", pasted);
        assertThat(pasted.list()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("error.calendar.override.many");
            assertThat(e.args()).containsExactly(2, "x".repeat(60) + "… · " + "😀".repeat(60) + "…");
        });
        Errors shortLine = new Errors();
        CalendarText.parseAbsences("y".repeat(60), "absences", shortLine);
        assertThat(shortLine.list().get(0).args()).containsExactly("y".repeat(60));
    }
}
