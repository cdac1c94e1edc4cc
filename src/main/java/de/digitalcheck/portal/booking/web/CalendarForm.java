package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.CalendarSettings;
import de.digitalcheck.portal.booking.CalendarText;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The calendar settings form: hours per weekday, overrides, absences and the numbers, all as typed. */
@Serdeable
public record CalendarForm(@Nullable String monday, @Nullable String tuesday, @Nullable String wednesday,
                           @Nullable String thursday, @Nullable String friday, @Nullable String saturday,
                           @Nullable String sunday, @Nullable String overrides, @Nullable String absences,
                           @Nullable String bufferBefore, @Nullable String bufferAfter,
                           @Nullable String minNoticeHours, @Nullable String windowDays, @Nullable String maxPerDay,
                           @Nullable String slotInterval, @Nullable String version,
                           @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final CalendarForm EMPTY = new CalendarForm(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);

    static CalendarForm of(CalendarSettings s) {
        Map<DayOfWeek, String> d = new EnumMap<>(DayOfWeek.class);
        s.weekly().forEach((day, ranges) -> d.put(day, CalendarText.ranges(ranges)));
        return new CalendarForm(d.get(DayOfWeek.MONDAY), d.get(DayOfWeek.TUESDAY), d.get(DayOfWeek.WEDNESDAY),
            d.get(DayOfWeek.THURSDAY), d.get(DayOfWeek.FRIDAY), d.get(DayOfWeek.SATURDAY), d.get(DayOfWeek.SUNDAY),
            CalendarText.overrides(s.overrides()), CalendarText.absences(s.absences()),
            String.valueOf(s.bufferBefore()), String.valueOf(s.bufferAfter()), String.valueOf(s.minNotice() / 60),
            String.valueOf(s.windowDays()), String.valueOf(s.maxPerDay()), String.valueOf(s.slotInterval()),
            Calendars.stamp(s), null);
    }

    /** This form as typed, carrying the version of {@code current} (saving it again replaces those settings). */
    CalendarForm readWith(CalendarSettings current) {
        return new CalendarForm(monday, tuesday, wednesday, thursday, friday, saturday, sunday, overrides, absences,
            bufferBefore, bufferAfter, minNoticeHours, windowDays, maxPerDay, slotInterval, Calendars.stamp(current),
            csrfToken);
    }

    /** The weekday's hours as typed, for the template (by the day's name: MONDAY, …). */
    public String day(String name) {
        String value = weekly().get(DayOfWeek.valueOf(name));
        return value == null ? "" : value;
    }

    Map<DayOfWeek, String> weekly() {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        List<String> values = days();
        for (int i = 0; i < 7; i++) {
            if (values.get(i) != null) {
                weekly.put(DayOfWeek.of(i + 1), values.get(i));
            }
        }
        return weekly;
    }

    /**
     * The text fields the page always sends, empty for "no hours", "no overrides", "no absences", that this form left
     * out: a request the page did not make. Taken as empty they would clear what is saved (a weekday's hours, every
     * absence) under a "saved" note, so each is a field error and nothing is stored.
     */
    List<FieldError> missing() {
        List<FieldError> missing = new ArrayList<>();
        List<String> days = days();
        for (int i = 0; i < 7; i++) {
            if (days.get(i) == null) {
                missing.add(FieldError.of("weekly." + DayOfWeek.of(i + 1).name(), MISSING));
            }
        }
        if (overrides == null) {
            missing.add(FieldError.of("overrides", MISSING));
        }
        if (absences == null) {
            missing.add(FieldError.of("absences", MISSING));
        }
        return missing;
    }

    /** The message of a field the form left out. */
    static final String MISSING = "error.form.fieldMissing";

    /** The weekdays' fields as typed, Monday first (null: left out of the post). */
    private List<String> days() {
        return java.util.Arrays.asList(monday, tuesday, wednesday, thursday, friday, saturday, sunday);
    }

    Calendars.CalendarInput input() {
        return new Calendars.CalendarInput(weekly(), overrides, absences, bufferBefore, bufferAfter, minNoticeHours,
            windowDays, maxPerDay, slotInterval);
    }
}
