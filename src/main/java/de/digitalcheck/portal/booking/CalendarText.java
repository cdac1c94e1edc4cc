package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text form of a calendar's hours, as the coach types it and as it is stored: ranges {@code 09:00-12:00, 13:00-17:00},
 * one until midnight {@code 18:00-24:00} (typed {@code 18:00-00:00} too, stored and shown with {@code 24:00});
 * an override per line, {@code 2026-12-24} (blocked) or {@code 2026-12-27 10:00-12:00}; an absence per line,
 * {@code 2026-07-01..2026-07-14} or one date; a date at most once among the overrides. Dates are read as stored
 * ({@code 2026-12-24}) or as German pages write them ({@code 24.12.2026}); they are stored and shown as the former.
 * Hand-written: a few lines of grammar, no library needed.
 */
public final class CalendarText {

    static final int MAX_LINES = 200;
    /** How many unreadable lines of a list one error quotes. */
    static final int LINES_SHOWN = 5;
    /** Between the quoted lines: a mark that no line of a calendar's lists holds (ranges are separated by commas). */
    static final String LINE_SEPARATOR = " · ";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");
    /** A date as stored ({@code 2026-12-24}) or as German pages write it ({@code 24.12.2026}, {@code 1.7.2026}). */
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})";
    private static final Pattern OVERRIDE = Pattern.compile(DATE + "(?:\\s+(.*))?");
    private static final Pattern ABSENCE = Pattern.compile(
        DATE + "(?:\\s*(?:\\.\\.|–|-|bis|to)\\s*" + DATE + ")?");

    private CalendarText() {
    }

    public static String ranges(List<TimeRange> ranges) {
        return ranges.stream().map(TimeRange::toString).collect(Collectors.joining(", "));
    }

    /**
     * Ranges separated by commas (or semicolons); empty text: none. Errors under {@code field}. An empty part — a comma
     * too many at either end or between two ranges, {@code ,9:00-12:00} as {@code 9:00-12:00,} — is no range and no
     * mistake: {@code String.split} dropped only the empty parts at the end, so a trailing comma was read and a leading
     * one (or {@code 9:00-12:00, } with a space after it) refused as a range that cannot be read.
     */
    public static List<TimeRange> parseRanges(String text, String field, Errors errors) {
        List<TimeRange> ranges = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ranges;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                errors.add(field, "error.calendar.ranges");
                return List.of();
            }
            try {
                LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                LocalTime end = end(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
                    errors.add(field, "error.calendar.rangeOrder");
                    return List.of();
                }
                ranges.add(new TimeRange(start, end));
            } catch (DateTimeException e) {
                errors.add(field, "error.calendar.ranges");
                return List.of();
            }
        }
        ranges.sort(java.util.Comparator.comparing(TimeRange::start));
        return ranges;
    }

    /**
     * A range's end as typed: 24:00, and 00:00 as well, is the midnight at the end of the day ({@link TimeRange});
     * other hours past 23:59 are no time.
     */
    private static LocalTime end(int hour, int minute) {
        if ((hour == 24 || hour == 0) && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        return LocalTime.of(hour, minute);
    }

    public static String weekly(Map<DayOfWeek, List<TimeRange>> weekly) {
        return weekly.entrySet().stream().map(e -> e.getKey().name() + " " + ranges(e.getValue()))
            .collect(Collectors.joining("\n"));
    }

    static Map<DayOfWeek, List<TimeRange>> parseWeekly(String stored) {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (String line : lines(stored)) {
            int space = line.indexOf(' ');
            List<TimeRange> ranges = parseRanges(line.substring(space + 1), "weekly", new Errors());
            if (!ranges.isEmpty()) {
                weekly.put(DayOfWeek.valueOf(line.substring(0, space)), ranges);
            }
        }
        return weekly;
    }

    public static String overrides(Map<LocalDate, List<TimeRange>> overrides) {
        return overrides.entrySet().stream()
            .map(e -> e.getValue().isEmpty() ? e.getKey().toString() : e.getKey() + " " + ranges(e.getValue()))
            .collect(Collectors.joining("\n"));
    }

    public static Map<LocalDate, List<TimeRange>> parseOverrides(String text, String field, Errors errors) {
        Map<LocalDate, List<TimeRange>> overrides = new TreeMap<>();
        List<String> lines = lines(text);
        if (lines.size() > MAX_LINES) {
            errors.add(field, "error.calendar.tooMany", MAX_LINES);
            return overrides;
        }
        List<String> bad = new ArrayList<>();
        // lines written as a date the calendar does not have (2026-02-30): said so, not as a line that cannot be read
        List<String> noSuchDay = new ArrayList<>();
        // lines whose date and times can be read but a range ends before it begins: said as the weekly hours say it
        List<String> backwards = new ArrayList<>();
        java.util.Set<String> twice = new java.util.LinkedHashSet<>(); // in the order found, each once
        // lines with a real day of a year the calendar does not plan (3000-01-01, a year mistyped): said so
        List<String> year = new ArrayList<>();
        for (String line : lines) {
            Matcher m = OVERRIDE.matcher(line);
            LocalDate date = m.matches() ? date(m.group(1)) : null;
            Errors rangeErrors = new Errors();
            List<TimeRange> ranges = date == null ? List.of() : parseRanges(m.group(2), field, rangeErrors);
            if (date != null && !rangeErrors.isEmpty()
                && rangeErrors.list().stream().allMatch(e -> e.key().equals("error.calendar.rangeOrder"))) {
                backwards.add(line);
            } else if (date == null && m.matches() && PortalTime.noSuchDay(m.group(1))) {
                noSuchDay.add(line);
            } else if (date == null && m.matches() && unplannedYear(m.group(1))) {
                year.add(line);
            } else if (date == null || !rangeErrors.isEmpty()) {
                bad.add(line);
            } else if (overrides.containsKey(date)) { // blocked and with hours, or hours twice: which is meant?
                twice.add(date.toString());
            } else {
                overrides.put(date, ranges);
            }
        }
        // one error a field: the lines that cannot be read first, then those that end before they begin
        if (!bad.isEmpty()) {
            badLines(field, "error.calendar.override", bad, errors);
        } else if (!noSuchDay.isEmpty()) {
            badLines(field, "error.calendar.noSuchDay", noSuchDay, errors);
        } else if (!year.isEmpty()) {
            badLines(field, "error.calendar.year", year, errors);
        } else if (!backwards.isEmpty()) {
            badLines(field, "error.calendar.overrideOrder", backwards, errors);
        } else if (!twice.isEmpty()) {
            errors.add(field, twice.size() == 1 ? "error.calendar.overrideTwice" : "error.calendar.overrideTwice.many",
                String.join(", ", twice));
        }
        return overrides;
    }

    /**
     * One error for every line of a list that could not be read, so that a coach mends them all at once: the line
     * itself if it is one, else how many and the first {@value #LINES_SHOWN} of them.
     */
    private static void badLines(String field, String key, List<String> bad, Errors errors) {
        if (bad.size() == 1) {
            errors.add(field, key, quoted(bad.get(0)));
        } else {
            errors.add(field, key + (bad.size() > LINES_SHOWN ? ".first" : ".many"), bad.size(),
                bad.subList(0, Math.min(bad.size(), LINES_SHOWN)).stream().map(CalendarText::quoted)
                    .collect(Collectors.joining(LINE_SEPARATOR)));
        }
    }

    /** The most of a line an error quotes: enough to find it, not a pasted page repeated in the summary and the field. */
    static final int QUOTED_CHARS = 60;

    /** A line as an error quotes it: cut after {@value #QUOTED_CHARS} characters (never inside a surrogate pair), with "…". */
    static String quoted(String line) {
        if (line.codePointCount(0, line.length()) <= QUOTED_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, QUOTED_CHARS)) + "…";
    }

    /**
     * The first two of {@code ranges} (sorted by start, as {@link #parseRanges} returns them) that overlap, none if
     * they do not; ranges that merely touch (09:00-12:00, 12:00-14:00) do not overlap.
     */
    public static java.util.Optional<List<TimeRange>> overlap(List<TimeRange> ranges) {
        for (int i = 1; i < ranges.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (ranges.get(i).overlaps(ranges.get(j))) {
                    return java.util.Optional.of(List.of(ranges.get(j), ranges.get(i)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static String absences(List<Absence> absences) {
        return absences.stream().map(a -> a.from().equals(a.to()) ? a.from().toString() : a.from() + ".." + a.to())
            .collect(Collectors.joining("\n"));
    }

    public static List<Absence> parseAbsences(String text, String field, Errors errors) {
        List<Absence> absences = new ArrayList<>();
        List<String> lines = lines(text);
        if (lines.size() > MAX_LINES) {
            errors.add(field, "error.calendar.tooMany", MAX_LINES);
            return absences;
        }
        List<String> bad = new ArrayList<>();
        List<String> noSuchDay = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        List<String> year = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ABSENCE.matcher(line);
            LocalDate from = m.matches() ? date(m.group(1)) : null;
            LocalDate to = from == null ? null : m.group(2) == null ? from : date(m.group(2));
            if (m.matches() && (PortalTime.noSuchDay(m.group(1)) || m.group(2) != null && PortalTime.noSuchDay(m.group(2)))) {
                noSuchDay.add(line);
            } else if (m.matches() && (unplannedYear(m.group(1)) || m.group(2) != null && unplannedYear(m.group(2)))) {
                year.add(line);
            } else if (from == null || to == null) {
                bad.add(line);
            } else if (to.isBefore(from)) {
                backwards.add(line);
            } else {
                absences.add(new Absence(from, to));
            }
        }
        // one error a field, as for the overrides: what cannot be read, then days that do not exist, then the order
        if (!bad.isEmpty()) {
            badLines(field, "error.calendar.absence", bad, errors);
        } else if (!noSuchDay.isEmpty()) {
            badLines(field, "error.calendar.noSuchDay", noSuchDay, errors);
        } else if (!year.isEmpty()) {
            badLines(field, "error.calendar.year", year, errors);
        } else if (!backwards.isEmpty()) {
            badLines(field, "error.calendar.absenceOrder", backwards, errors);
        }
        return absences;
    }

    /**
     * Whether the text is a real day of a year outside what the portal plans ({@link PortalTime#sane}: 9999-12-31,
     * 3000-01-01 — a year mistyped): it was said to be "not a date", which it is.
     */
    private static boolean unplannedYear(String text) {
        return PortalTime.typedDate(text).filter(d -> !PortalTime.sane(d)).isPresent();
    }

    private static LocalDate date(String text) {
        return PortalTime.typedDate(text).filter(PortalTime::sane).orElse(null);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
