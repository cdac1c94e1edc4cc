package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The week ({@code ?woche=}) and the time ({@code ?start=}) the calendar pages are given in their address: the coach's
 * and the staff's week of appointments, the booking flow, and the pages that move an appointment. A week is a date
 * ({@code 2026-12-07} or {@code 7.12.2026}, any day of it) or an ISO week ({@code 2026-W50}); a time is an instant as
 * the pages' own links carry it. Either must lie at most {@link #YEARS} years from today. What is not (malformed, a
 * day that does not exist such as {@code 2026-02-31}, a week 99, a date decades away) is <em>unreadable</em>: the page
 * then shows its usual week with a note in the user's language naming what it was given, answered with 400 — it once
 * showed the current week as if that had been asked for.
 */
@Singleton
class QueryDates {

    /** How far from today (either way) a week or time asked for in the address may lie. */
    static final int YEARS = 10;

    /** The longest part of what was given the note repeats. */
    private static final int SHOWN = 40;

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-[Ww](\\d{1,2})");

    private final Messages messages;
    private final Clock clock;

    QueryDates(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A week's parameter: {@code date} the day asked for (null: none given, or unreadable); {@code unreadable} what
     * was given when it could not be read (null: none given, or read).
     */
    record Week(@Nullable LocalDate date, @Nullable String unreadable) {
    }

    /** A time's parameter, as {@link Week}. */
    record Time(@Nullable Instant instant, @Nullable String unreadable) {
    }

    Week week(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Week(null, null);
        }
        LocalDate date = parseWeek(text.strip());
        return date != null && near(date) ? new Week(date, null) : new Week(null, text);
    }

    Time time(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Time(null, null);
        }
        Instant instant = PortalTime.instant(text).orElse(null);
        return instant != null && near(PortalTime.local(instant).toLocalDate()) ? new Time(instant, null)
            : new Time(null, text);
    }

    /** The note for a week that could not be read; {@code shown}: the Monday of the week shown instead. */
    String weekNote(Language lang, String given, LocalDate shown) {
        return messages.get(lang, "query.week.unreadable", quoted(given), YEARS,
            BookingPages.day(lang, shown), BookingPages.day(lang, shown.plusDays(6)));
    }

    /** The note for a time that could not be read: the week's free times are shown instead. */
    String timeNote(Language lang, String given) {
        return messages.get(lang, "query.start.unreadable", quoted(given), YEARS);
    }

    /**
     * Whether a week's page may be linked to: its days lie within {@link #YEARS} years of today (a link beyond, to the
     * next or previous week, would lead to the note that it was not understood).
     */
    boolean linkable(LocalDate monday) {
        return near(monday) && near(monday.plusDays(6));
    }

    private boolean near(LocalDate date) {
        LocalDate today = PortalTime.today(clock);
        return !date.isBefore(today.minusYears(YEARS)) && !date.isAfter(today.plusYears(YEARS));
    }

    /** A date, or an ISO week's Monday; null if neither (or a day or week that does not exist). */
    private static @Nullable LocalDate parseWeek(String text) {
        Matcher iso = ISO_WEEK.matcher(text);
        if (iso.matches()) {
            int year = Integer.parseInt(iso.group(1));
            int week = Integer.parseInt(iso.group(2));
            LocalDate mid = LocalDate.of(year, 6, 1); // its week-based year is the calendar year
            if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                return null;
            }
            try {
                return mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return PortalTime.typedDate(text).orElse(null); // ISO, or as people write it in German
    }

    /** What was given, as the note repeats it: without control characters, at most {@link #SHOWN} characters. */
    private static String quoted(String given) {
        String clean = given.strip().codePoints().filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.codePointCount(0, clean.length()) <= SHOWN ? clean
            : clean.substring(0, clean.offsetByCodePoints(0, SHOWN)) + "…";
    }
}
