package de.digitalcheck.portal.shared.time;

import de.digitalcheck.portal.shared.time.NrwHolidays.Holiday;
import de.digitalcheck.portal.shared.time.NrwHolidays.PublicHoliday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;

import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.ALL_SAINTS_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.ASCENSION_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.CHRISTMAS_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.CORPUS_CHRISTI;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.EASTER_MONDAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.GERMAN_UNITY_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.GOOD_FRIDAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.LABOUR_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.NEW_YEARS_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.SECOND_CHRISTMAS_DAY;
import static de.digitalcheck.portal.shared.time.NrwHolidays.Holiday.WHIT_MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NrwHolidaysTest {

    @Test
    void holidays2026() {
        assertThat(NrwHolidays.of(2026)).containsExactly(
            holiday("2026-01-01", NEW_YEARS_DAY),
            holiday("2026-04-03", GOOD_FRIDAY),
            holiday("2026-04-06", EASTER_MONDAY),
            holiday("2026-05-01", LABOUR_DAY),
            holiday("2026-05-14", ASCENSION_DAY),
            holiday("2026-05-25", WHIT_MONDAY),
            holiday("2026-06-04", CORPUS_CHRISTI),
            holiday("2026-10-03", GERMAN_UNITY_DAY),
            holiday("2026-11-01", ALL_SAINTS_DAY),
            holiday("2026-12-25", CHRISTMAS_DAY),
            holiday("2026-12-26", SECOND_CHRISTMAS_DAY));
    }

    @Test
    void holidays2027() {
        assertThat(NrwHolidays.of(2027)).containsExactly(
            holiday("2027-01-01", NEW_YEARS_DAY),
            holiday("2027-03-26", GOOD_FRIDAY),
            holiday("2027-03-29", EASTER_MONDAY),
            holiday("2027-05-01", LABOUR_DAY),
            holiday("2027-05-06", ASCENSION_DAY),
            holiday("2027-05-17", WHIT_MONDAY),
            holiday("2027-05-27", CORPUS_CHRISTI),
            holiday("2027-10-03", GERMAN_UNITY_DAY),
            holiday("2027-11-01", ALL_SAINTS_DAY),
            holiday("2027-12-25", CHRISTMAS_DAY),
            holiday("2027-12-26", SECOND_CHRISTMAS_DAY));
    }

    @Test
    void holidays2028() {
        assertThat(NrwHolidays.of(2028)).containsExactly(
            holiday("2028-01-01", NEW_YEARS_DAY),
            holiday("2028-04-14", GOOD_FRIDAY),
            holiday("2028-04-17", EASTER_MONDAY),
            holiday("2028-05-01", LABOUR_DAY),
            holiday("2028-05-25", ASCENSION_DAY),
            holiday("2028-06-05", WHIT_MONDAY),
            holiday("2028-06-15", CORPUS_CHRISTI),
            holiday("2028-10-03", GERMAN_UNITY_DAY),
            holiday("2028-11-01", ALL_SAINTS_DAY),
            holiday("2028-12-25", CHRISTMAS_DAY),
            holiday("2028-12-26", SECOND_CHRISTMAS_DAY));
    }

    @Test
    void holidays2029() {
        assertThat(NrwHolidays.of(2029)).containsExactly(
            holiday("2029-01-01", NEW_YEARS_DAY),
            holiday("2029-03-30", GOOD_FRIDAY),
            holiday("2029-04-02", EASTER_MONDAY),
            holiday("2029-05-01", LABOUR_DAY),
            holiday("2029-05-10", ASCENSION_DAY),
            holiday("2029-05-21", WHIT_MONDAY),
            holiday("2029-05-31", CORPUS_CHRISTI),
            holiday("2029-10-03", GERMAN_UNITY_DAY),
            holiday("2029-11-01", ALL_SAINTS_DAY),
            holiday("2029-12-25", CHRISTMAS_DAY),
            holiday("2029-12-26", SECOND_CHRISTMAS_DAY));
    }

    @Test
    void holidays2030() {
        assertThat(NrwHolidays.of(2030)).containsExactly(
            holiday("2030-01-01", NEW_YEARS_DAY),
            holiday("2030-04-19", GOOD_FRIDAY),
            holiday("2030-04-22", EASTER_MONDAY),
            holiday("2030-05-01", LABOUR_DAY),
            holiday("2030-05-30", ASCENSION_DAY),
            holiday("2030-06-10", WHIT_MONDAY),
            holiday("2030-06-20", CORPUS_CHRISTI),
            holiday("2030-10-03", GERMAN_UNITY_DAY),
            holiday("2030-11-01", ALL_SAINTS_DAY),
            holiday("2030-12-25", CHRISTMAS_DAY),
            holiday("2030-12-26", SECOND_CHRISTMAS_DAY));
    }

    @ParameterizedTest
    @CsvSource({
        "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21",
        "2024, 2024-03-31", "2025, 2025-04-20", "2019, 2019-04-21", "2038, 2038-04-25", "2000, 2000-04-23",
        "2008, 2008-03-23", "2011, 2011-04-24", "1943, 1943-04-25", "1913, 1913-03-23"})
    void easterSunday(int year, LocalDate expected) {
        assertThat(NrwHolidays.easterSunday(year)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027, 2028, 2029, 2030})
    void everyYearHasElevenHolidays(int year) {
        assertThat(NrwHolidays.of(year)).hasSize(11);
        assertThat(NrwHolidays.of(year)).extracting(PublicHoliday::holiday).containsExactlyInAnyOrder(Holiday.values());
    }

    @Test
    void everySupportedYearHasElevenHolidaysSortedByDate() {
        for (int year = NrwHolidays.FIRST_YEAR; year <= NrwHolidays.LAST_YEAR; year++) {
            int expectedYear = year;
            assertThat(NrwHolidays.of(year)).as("year " + year).hasSize(11)
                .extracting(PublicHoliday::date).isSorted().allMatch(d -> d.getYear() == expectedYear);
        }
    }

    @Test
    void ascensionDayOnLabourDayIsStillOneHolidayDate() {
        assertThat(NrwHolidays.of(2008)).hasSize(11)
            .contains(holiday("2008-05-01", LABOUR_DAY), holiday("2008-05-01", ASCENSION_DAY));
        assertThat(NrwHolidays.holiday(LocalDate.parse("2008-05-01"))).contains(LABOUR_DAY);
    }

    @Test
    void holidayByDate() {
        assertThat(NrwHolidays.holiday(LocalDate.parse("2026-06-04"))).contains(CORPUS_CHRISTI);
        assertThat(NrwHolidays.holiday(LocalDate.parse("2026-06-05"))).isEmpty();
        assertThat(NrwHolidays.isHoliday(LocalDate.parse("2027-03-29"))).isTrue();
        assertThat(NrwHolidays.isHoliday(LocalDate.parse("2027-03-30"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-06", "2026-08-15", "2026-10-31", "2026-11-18", "2026-03-08", "2026-04-05", "2026-05-24",
        "2026-12-24", "2026-12-31"})
    void holidaysOfOtherStatesAndUsualDaysOffAreNoHolidays(LocalDate date) {
        assertThat(NrwHolidays.isHoliday(date)).isFalse();
        assertThat(NrwHolidays.holiday(date)).isEmpty();
    }

    @Test
    void theListCannotBeChanged() {
        assertThatThrownBy(() -> NrwHolidays.of(2026).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRefused() {
        assertThat(NrwHolidays.of(1900)).hasSize(11);
        assertThat(NrwHolidays.of(2199)).hasSize(11);
        assertThatThrownBy(() -> NrwHolidays.of(1899))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1899");
        assertThatThrownBy(() -> NrwHolidays.of(2200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NrwHolidays.isHoliday(LocalDate.parse("2200-01-01")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NrwHolidays.easterSunday(1899)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyHolidayHasAGermanAndAnEnglishName() throws IOException {
        Properties de = load("/i18n/messages_de.properties");
        Properties en = load("/i18n/messages_en.properties");
        for (Holiday holiday : Holiday.values()) {
            assertThat(de.getProperty(holiday.messageKey())).as("de " + holiday).isNotBlank();
            assertThat(en.getProperty(holiday.messageKey())).as("en " + holiday).isNotBlank();
        }
        assertThat(en.getProperty(EASTER_MONDAY.messageKey())).isEqualTo("Easter Monday");
        assertThat(de.getProperty(EASTER_MONDAY.messageKey())).isEqualTo("Ostermontag");
    }

    private static PublicHoliday holiday(String date, Holiday holiday) {
        return new PublicHoliday(LocalDate.parse(date), holiday);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = NrwHolidaysTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
