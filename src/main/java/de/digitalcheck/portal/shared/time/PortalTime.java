package de.digitalcheck.portal.shared.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The portal's time zone. Instants are stored in UTC; Europe/Berlin is used only at the edges: pages, mails, reports
 * and working days.
 */
public final class PortalTime {

    /** The portal's time zone, Europe/Berlin. This is the one place it is declared. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /**
     * The first and the last day a date or time given by a client may fall on. Outside it a date is not read at all
     * (as if malformed): the arithmetic that follows (a week, a search's days, the day before and after) then can
     * never leave what {@link LocalDate}, {@link Instant} and the database's {@code DATETIME} can hold.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay(ZONE).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZONE).toInstant();

    /** A date as people type it in German ({@code 7.12.2026}), strictly: {@code 31.2.2026} is none. */
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
        .withResolverStyle(ResolverStyle.STRICT);

    private PortalTime() {
    }

    /** A client's ISO date ({@code 2026-12-07}) from {@link #EARLIEST} to {@link #LATEST}; else empty. */
    public static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip())).filter(PortalTime::sane);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A date as a person gives it: ISO as a date picker sends it ({@code 2026-12-07}) or as people write it in German
     * ({@code 7.12.2026}), without a range check (the caller says which dates it takes); empty if neither.
     */
    public static Optional<LocalDate> typedDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = text.strip();
        try {
            return Optional.of(LocalDate.parse(clean));
        } catch (DateTimeException notIso) {
            try {
                return Optional.of(LocalDate.parse(clean, GERMAN_DATE));
            } catch (DateTimeException notGermanEither) {
                return Optional.empty();
            }
        }
    }

    /** A date's shape, ISO ({@code 2026-02-30}) or German ({@code 30.2.2026}): year, month, day. */
    private static final java.util.regex.Pattern ISO_SHAPE = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final java.util.regex.Pattern GERMAN_SHAPE =
        java.util.regex.Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    /**
     * Whether {@code text} is written as a date, ISO or German, with a month from 1 to 12 and a day from 1 to 31, that
     * the calendar does not have ({@code 2026-02-30}, {@code 31.4.2026}, {@code 29.2.2027}): to tell a person the day
     * does not exist rather than that the format is wrong.
     */
    public static boolean noSuchDay(String text) {
        if (text == null) {
            return false;
        }
        String clean = text.strip();
        java.util.regex.Matcher iso = ISO_SHAPE.matcher(clean);
        java.util.regex.Matcher german = GERMAN_SHAPE.matcher(clean);
        int year;
        int month;
        int day;
        if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        } else if (german.matches()) {
            year = Integer.parseInt(german.group(3));
            month = Integer.parseInt(german.group(2));
            day = Integer.parseInt(german.group(1));
        } else {
            return false;
        }
        return month >= 1 && month <= 12 && day >= 1 && day <= 31
            && day > java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** A client's ISO time with offset ({@code 2026-12-07T10:00:00+01:00} or {@code …Z}) in the sane range; else empty. */
    public static Optional<Instant> offsetTime(String text) {
        try {
            return text == null ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(text.strip()).toInstant()).filter(PortalTime::sane);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A client's instant ({@code 2026-12-07T09:00:00Z}, as the pages' links carry it) in the sane range; else empty. */
    public static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text.strip())).filter(PortalTime::sane);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether a date lies from {@link #EARLIEST} to {@link #LATEST}. */
    public static boolean sane(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Whether an instant lies on a day (in {@link #ZONE}) from {@link #EARLIEST} to {@link #LATEST}. */
    public static boolean sane(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }

    /** Today's date in {@link #ZONE} by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The given instant as date and time in {@link #ZONE}. */
    public static ZonedDateTime local(Instant instant) {
        return instant.atZone(ZONE);
    }
}
