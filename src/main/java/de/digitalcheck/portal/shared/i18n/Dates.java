package de.digitalcheck.portal.shared.i18n;

import de.digitalcheck.portal.shared.time.PortalTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way pages and mails write dates for people, in Berlin time: German {@code 03.12.2026} and
 * {@code Donnerstag, 3. Dezember 2026}, English {@code 3 Dec 2026} and {@code Thursday, 3 December 2026}; times
 * {@code 14:30} in both. (Machine formats — ISO in JSON, CSV, iCalendar — are not for people and stay as they are.)
 * Pages get one bound to their language as {@code dates} ({@link #in}), e.g. {@code ${dates.dateTime(lead.createdAt())}}.
 */
public final class Dates {

    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter LONG_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter FULL_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_DE = DateTimeFormatter.ofPattern("d. MMMM", Locale.GERMAN);
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final java.util.regex.Pattern STORED = java.util.regex.Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
    private static final DateTimeFormatter STORED_FORMAT = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm", Locale.ROOT)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final Language language;

    private Dates(Language language) {
        this.language = language;
    }

    /** The formats of one language, for templates. */
    public static Dates in(Language language) {
        return new Dates(language);
    }

    /** The day of an instant in Berlin: {@code 03.12.2026} / {@code 3 Dec 2026}. */
    public String date(Instant instant) {
        return date(language, instant);
    }

    /** A day: {@code 03.12.2026} / {@code 3 Dec 2026}. */
    public String day(LocalDate day) {
        return date(language, day);
    }

    /** Day and time of an instant in Berlin: {@code 03.12.2026, 14:30} / {@code 3 Dec 2026, 14:30}. */
    public String dateTime(Instant instant) {
        return dateTime(language, instant);
    }

    /**
     * A value of a lead's trail as the reader's language writes it: the trail stores an appointment's time as
     * {@code 22.12.2026 09:00} (Berlin, {@code leads.internal.BookingLeads}); anything else is shown as stored.
     */
    public String trailValue(String value) {
        if (value == null || !STORED.matcher(value).matches()) {
            return value;
        }
        LocalDateTime at = LocalDateTime.parse(value, STORED_FORMAT);
        return date(language, at.toLocalDate()) + ", " + TIME.format(at);
    }

    /** The last day before a deadline that is the start of the day after it: the day one has "until". */
    public String dayBefore(Instant deadline) {
        return date(language, deadline.minusSeconds(1));
    }

    /** A day: {@code 03.12.2026} / {@code 3 Dec 2026}. */
    public static String date(Language language, LocalDate day) {
        return (language == Language.EN ? DAY_EN : DAY_DE).format(day);
    }

    /** The day of an instant in Berlin. */
    public static String date(Language language, Instant instant) {
        return date(language, PortalTime.local(instant).toLocalDate());
    }

    /** A day with its weekday, spelt out: {@code Donnerstag, 3. Dezember 2026} / {@code Thursday, 3 December 2026}. */
    public static String longDate(Language language, LocalDate day) {
        return (language == Language.EN ? LONG_EN : LONG_DE).format(day);
    }

    /**
     * The days from {@code from} to {@code to} (a week, in a page's title), spelt out without weekdays and with what
     * the two share once: {@code 7.–13. Dezember 2026} / {@code 7–13 December 2026}, across months
     * {@code 30. November – 6. Dezember 2026} / {@code 30 November – 6 December 2026}, across years each in full.
     */
    public static String dayRange(Language language, LocalDate from, LocalDate to) {
        boolean en = language == Language.EN;
        DateTimeFormatter full = en ? FULL_EN : FULL_DE;
        String first = from.getYear() != to.getYear() ? full.format(from) + " – "
            : from.getMonth() != to.getMonth() ? (en ? MONTH_EN : MONTH_DE).format(from) + " – "
            : from.getDayOfMonth() + (en ? "–" : ".–");
        return first + full.format(to);
    }

    /** The day of an instant in Berlin, spelt out with its weekday. */
    public static String longDate(Language language, Instant instant) {
        return longDate(language, PortalTime.local(instant).toLocalDate());
    }

    /** The time of day of an instant in Berlin: {@code 14:30}. */
    public static String time(Instant instant) {
        return TIME.format(PortalTime.local(instant));
    }

    /**
     * The times of an appointment in Berlin, {@code 14:30–15:30}; where a time would not say which instant it is (it
     * lies in the hour that occurs twice when the clocks go back) or the range crosses a change of the clocks, each
     * time names its zone, German {@code 02:30 MESZ–02:00 MEZ}, English {@code 02:30 CEST–02:00 CET} (an appointment
     * ending in the repeated hour read {@code 02:00–02:00}).
     */
    public static String timeRange(Language language, Instant start, Instant end) {
        boolean zoned = needsZone(start, end);
        return time(language, start, zoned) + "–" + endTime(language, start, end, zoned);
    }

    /**
     * The end of a range from {@code start}, as {@link #time(Language, Instant, boolean)} writes it, except that the
     * midnight at the end of the start's day is {@code 24:00} (an appointment until midnight read {@code 23:00–00:00},
     * as if it ended before it began; the coach's hours say {@code 24:00} too).
     */
    public static String endTime(Language language, Instant start, Instant end, boolean zoned) {
        ZonedDateTime s = PortalTime.local(start);
        ZonedDateTime e = PortalTime.local(end);
        if (e.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            && e.toLocalDate().equals(s.toLocalDate().plusDays(1))) {
            return time(language, end, zoned).replaceFirst("^00:00", "24:00");
        }
        return time(language, end, zoned);
    }

    /**
     * Whether the times of a range from {@code start} to {@code end} need their zone to be unambiguous: either lies in
     * the repeated hour (its wall-clock time occurs twice), or the two have different offsets (summer and winter time).
     */
    public static boolean needsZone(Instant start, Instant end) {
        java.time.zone.ZoneRules rules = PortalTime.ZONE.getRules();
        return rules.getValidOffsets(PortalTime.local(start).toLocalDateTime()).size() > 1
            || rules.getValidOffsets(PortalTime.local(end).toLocalDateTime()).size() > 1
            || !rules.getOffset(start).equals(rules.getOffset(end));
    }

    /**
     * The time of day of an instant in Berlin, with its zone if {@code zoned}: {@code 02:30 MESZ} / {@code 02:30 CEST}
     * in summer time, {@code 02:00 MEZ} / {@code 02:00 CET} in winter time.
     */
    public static String time(Language language, Instant instant, boolean zoned) {
        if (!zoned) {
            return time(instant);
        }
        boolean summer = PortalTime.ZONE.getRules().isDaylightSavings(instant);
        String zone = language == Language.EN ? (summer ? "CEST" : "CET") : (summer ? "MESZ" : "MEZ");
        return time(instant) + " " + zone;
    }

    /**
     * Day and time of an instant in Berlin: {@code 03.12.2026, 14:30} / {@code 3 Dec 2026, 14:30}; a time in the hour
     * that occurs twice when the clocks go back names its zone, {@code 31.10.2027, 02:30 MESZ} /
     * {@code 31 Oct 2027, 02:30 CEST} (an appointment booked for the second 02:30 read like one for the first).
     */
    public static String dateTime(Language language, Instant instant) {
        ZonedDateTime local = PortalTime.local(instant);
        boolean repeated = PortalTime.ZONE.getRules().getValidOffsets(local.toLocalDateTime()).size() > 1;
        return date(language, local.toLocalDate()) + ", " + time(language, instant, repeated);
    }
}
