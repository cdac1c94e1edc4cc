package de.digitalcheck.portal.shared.time;

import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The statutory public holidays of North Rhine-Westphalia (Feiertagsgesetz NRW), computed per year.
 *
 * <p>Years are limited to {@value #FIRST_YEAR}..{@value #LAST_YEAR}. Easter by the Gregorian algorithm would be right
 * for any year, but the list of holidays is the law as it stands today, applied unchanged to every year: it does not
 * know earlier law (17 June instead of 3 October before 1990, Buß- und Bettag until 1994), one-off holidays
 * (Reformationstag 2017) or future changes. Outside a window around the present an answer would only look reliable.
 */
public final class NrwHolidays {

    /** The first year this calendar answers for. */
    public static final int FIRST_YEAR = 1900;
    /** The last year this calendar answers for. */
    public static final int LAST_YEAR = 2199;

    private static final Map<Integer, List<PublicHoliday>> BY_YEAR = new ConcurrentHashMap<>();

    private NrwHolidays() {
    }

    /** A public holiday in North Rhine-Westphalia. */
    public enum Holiday {
        NEW_YEARS_DAY("holiday.newYearsDay"),
        GOOD_FRIDAY("holiday.goodFriday"),
        EASTER_MONDAY("holiday.easterMonday"),
        LABOUR_DAY("holiday.labourDay"),
        ASCENSION_DAY("holiday.ascensionDay"),
        WHIT_MONDAY("holiday.whitMonday"),
        CORPUS_CHRISTI("holiday.corpusChristi"),
        GERMAN_UNITY_DAY("holiday.germanUnityDay"),
        ALL_SAINTS_DAY("holiday.allSaintsDay"),
        CHRISTMAS_DAY("holiday.christmasDay"),
        SECOND_CHRISTMAS_DAY("holiday.secondChristmasDay");

        private final String messageKey;

        Holiday(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The key of the holiday's name in the i18n message bundles. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** A holiday on its date in a given year. */
    public record PublicHoliday(LocalDate date, Holiday holiday) {
    }

    /**
     * The public holidays of the year, sorted by date. Always 11 entries; in years where Ascension Day falls on 1 May
     * (e.g. 2008) two of them share a date.
     *
     * @throws IllegalArgumentException if the year is outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}
     */
    public static List<PublicHoliday> of(int year) {
        requireSupported(year);
        return BY_YEAR.computeIfAbsent(year, NrwHolidays::compute);
    }

    /**
     * Whether the date is a public holiday in North Rhine-Westphalia.
     *
     * @throws IllegalArgumentException if the year is outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}
     */
    public static boolean isHoliday(LocalDate date) {
        return holiday(date).isPresent();
    }

    /**
     * The holiday on the date, if any.
     *
     * @throws IllegalArgumentException if the year is outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}
     */
    public static Optional<Holiday> holiday(LocalDate date) {
        for (PublicHoliday publicHoliday : of(date.getYear())) {
            if (publicHoliday.date().equals(date)) {
                return Optional.of(publicHoliday.holiday());
            }
        }
        return Optional.empty();
    }

    /**
     * Easter Sunday of the year (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
     *
     * @throws IllegalArgumentException if the year is outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}
     */
    public static LocalDate easterSunday(int year) {
        requireSupported(year);
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }

    private static List<PublicHoliday> compute(int year) {
        LocalDate easter = easterSunday(year);
        return Stream.of(
                new PublicHoliday(LocalDate.of(year, Month.JANUARY, 1), Holiday.NEW_YEARS_DAY),
                new PublicHoliday(easter.minusDays(2), Holiday.GOOD_FRIDAY),
                new PublicHoliday(easter.plusDays(1), Holiday.EASTER_MONDAY),
                new PublicHoliday(LocalDate.of(year, Month.MAY, 1), Holiday.LABOUR_DAY),
                new PublicHoliday(easter.plusDays(39), Holiday.ASCENSION_DAY),
                new PublicHoliday(easter.plusDays(50), Holiday.WHIT_MONDAY),
                new PublicHoliday(easter.plusDays(60), Holiday.CORPUS_CHRISTI),
                new PublicHoliday(LocalDate.of(year, Month.OCTOBER, 3), Holiday.GERMAN_UNITY_DAY),
                new PublicHoliday(LocalDate.of(year, Month.NOVEMBER, 1), Holiday.ALL_SAINTS_DAY),
                new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 25), Holiday.CHRISTMAS_DAY),
                new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 26), Holiday.SECOND_CHRISTMAS_DAY))
            .sorted(Comparator.comparing(PublicHoliday::date).thenComparing(PublicHoliday::holiday))
            .toList();
    }

    private static void requireSupported(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                "NRW holidays are only known for " + FIRST_YEAR + ".." + LAST_YEAR + ", not for " + year);
        }
    }
}
