package de.digitalcheck.portal.shared.i18n;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An appointment's times say which instant they are, also in the hour the clocks go back. */
class DatesTest {

    @Test
    void aRangeInOrAcrossTheRepeatedHourNamesTheZoneOfEachTime() {
        Instant twoSummer = Instant.parse("2026-10-25T00:00:00Z"); // 02:00 MESZ, the first 02:00
        Instant twoWinter = Instant.parse("2026-10-25T01:00:00Z"); // 02:00 MEZ, the second
        assertThat(Dates.timeRange(Language.DE, twoSummer, twoWinter)).isEqualTo("02:00 MESZ–02:00 MEZ");
        assertThat(Dates.timeRange(Language.EN, twoSummer, twoWinter)).isEqualTo("02:00 CEST–02:00 CET");
        // ends in the repeated hour (the first 02:30)
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-10-24T23:30:00Z"),
            Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo("01:30 MESZ–02:30 MESZ");
        // begins in it (the second 02:30)
        assertThat(Dates.timeRange(Language.EN, Instant.parse("2026-10-25T01:30:00Z"),
            Instant.parse("2026-10-25T02:30:00Z"))).isEqualTo("02:30 CET–03:30 CET");
        // across the change to summer time: 01:30 MEZ to 03:30 MESZ is one hour
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-03-29T00:30:00Z"),
            Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo("01:30 MEZ–03:30 MESZ");
    }

    /** A week in a page's title: what its first and last day share said once. */
    @Test
    void aRangeOfDaysSaysWhatTheyShareOnce() {
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 12, 7);
        assertThat(Dates.dayRange(Language.DE, monday, monday.plusDays(6))).isEqualTo("7.–13. Dezember 2026");
        assertThat(Dates.dayRange(Language.EN, monday, monday.plusDays(6))).isEqualTo("7–13 December 2026");
        java.time.LocalDate acrossMonths = java.time.LocalDate.of(2026, 11, 30);
        assertThat(Dates.dayRange(Language.DE, acrossMonths, acrossMonths.plusDays(6)))
            .isEqualTo("30. November – 6. Dezember 2026");
        assertThat(Dates.dayRange(Language.EN, acrossMonths, acrossMonths.plusDays(6)))
            .isEqualTo("30 November – 6 December 2026");
        java.time.LocalDate acrossYears = java.time.LocalDate.of(2026, 12, 28);
        assertThat(Dates.dayRange(Language.DE, acrossYears, acrossYears.plusDays(6)))
            .isEqualTo("28. Dezember 2026 – 3. Januar 2027");
        assertThat(Dates.dayRange(Language.EN, acrossYears, acrossYears.plusDays(6)))
            .isEqualTo("28 December 2026 – 3 January 2027");
    }

    @Test
    void anOrdinaryRangeNamesNoZone() {
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-10-25T09:00:00Z"),
            Instant.parse("2026-10-25T10:00:00Z"))).isEqualTo("10:00–11:00");
        assertThat(Dates.timeRange(Language.EN, Instant.parse("2026-07-01T08:00:00Z"),
            Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("10:00–12:00");
        // the same night before the repeated hour: 00:00–01:00 summer time is unambiguous
        assertThat(Dates.needsZone(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-24T23:00:00Z")))
            .isFalse();
    }

    /**
     * An appointment until midnight ends at 24:00, not at 00:00 as if it ended before it began; also on the evening of
     * a day the clocks changed, and with its zone where the range needs one. A midnight that is not the end of the
     * start's day stays 00:00.
     */
    @Test
    void anAppointmentUntilMidnightEndsAt2400() {
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-12-07T22:00:00Z"),
            Instant.parse("2026-12-07T23:00:00Z"))).isEqualTo("23:00–24:00");
        assertThat(Dates.timeRange(Language.EN, Instant.parse("2026-07-01T21:30:00Z"),
            Instant.parse("2026-07-01T22:00:00Z"))).isEqualTo("23:30–24:00");
        // 25 October 2026, the clocks went back that morning: 23:00–24:00 winter time
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-10-25T22:00:00Z"),
            Instant.parse("2026-10-25T23:00:00Z"))).isEqualTo("23:00–24:00");
        // 29 March 2026, summer time since the morning
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-03-29T21:00:00Z"),
            Instant.parse("2026-03-29T22:00:00Z"))).isEqualTo("23:00–24:00");
        // a day from midnight to midnight across the change: each time with its zone, the end still 24:00
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-03-28T23:00:00Z"),
            Instant.parse("2026-03-29T22:00:00Z"))).isEqualTo("00:00 MEZ–24:00 MESZ");
        assertThat(Dates.endTime(Language.EN, Instant.parse("2026-03-28T23:00:00Z"),
            Instant.parse("2026-03-29T22:00:00Z"), true)).isEqualTo("24:00 CEST");
        // starting at midnight is 00:00
        assertThat(Dates.timeRange(Language.DE, Instant.parse("2026-12-07T23:00:00Z"),
            Instant.parse("2026-12-08T00:00:00Z"))).isEqualTo("00:00–01:00");
    }

    /** A day and time alone (a consent's, the appointment a consent was given for) says which 02:30 it is. */
    @Test
    void aDayAndTimeInTheRepeatedHourNamesItsZone() {
        assertThat(Dates.dateTime(Language.DE, Instant.parse("2027-10-31T00:30:00Z"))).isEqualTo("31.10.2027, 02:30 MESZ");
        assertThat(Dates.dateTime(Language.DE, Instant.parse("2027-10-31T01:30:00Z"))).isEqualTo("31.10.2027, 02:30 MEZ");
        assertThat(Dates.dateTime(Language.EN, Instant.parse("2027-10-31T01:30:00Z"))).isEqualTo("31 Oct 2027, 02:30 CET");
        assertThat(Dates.dateTime(Language.DE, Instant.parse("2027-10-30T23:30:00Z"))).isEqualTo("31.10.2027, 01:30");
        assertThat(Dates.dateTime(Language.DE, Instant.parse("2026-12-03T13:30:00Z"))).isEqualTo("03.12.2026, 14:30");
    }
}
