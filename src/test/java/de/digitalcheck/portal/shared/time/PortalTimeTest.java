package de.digitalcheck.portal.shared.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PortalTimeTest {

    @Test
    void theZoneIsBerlin() {
        assertThat(PortalTime.ZONE.getId()).isEqualTo("Europe/Berlin");
    }

    @Test
    void todayIsTheDateInBerlinNotInUtc() {
        Clock lateInUtc = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(PortalTime.today(lateInUtc)).isEqualTo(LocalDate.parse("2027-01-01"));
    }

    @Test
    void localFollowsDaylightSavingTime() {
        assertThat(PortalTime.local(Instant.parse("2026-01-15T12:00:00Z")).toLocalDateTime())
            .isEqualTo(LocalDateTime.parse("2026-01-15T13:00"));
        assertThat(PortalTime.local(Instant.parse("2026-07-15T12:00:00Z")).toLocalDateTime())
            .isEqualTo(LocalDateTime.parse("2026-07-15T14:00"));
    }

    @Test
    void aTypedDateIsIsoOrGermanAndNothingElse() {
        assertThat(PortalTime.typedDate(" 2026-12-07 ")).contains(LocalDate.of(2026, 12, 7));
        assertThat(PortalTime.typedDate("7.12.2026")).contains(LocalDate.of(2026, 12, 7));
        assertThat(PortalTime.typedDate("07.12.2026")).contains(LocalDate.of(2026, 12, 7));
        assertThat(PortalTime.typedDate("31.2.2026")).isEmpty();
        assertThat(PortalTime.typedDate("2026-02-31")).isEmpty();
        assertThat(PortalTime.typedDate("12/07/2026")).isEmpty();
        assertThat(PortalTime.typedDate("")).isEmpty();
        assertThat(PortalTime.typedDate(null)).isEmpty();
        // no range check: the caller says which dates it takes
        assertThat(PortalTime.typedDate("1.1.1800")).contains(LocalDate.of(1800, 1, 1));
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsToldFromAWrongFormat() {
        assertThat(PortalTime.noSuchDay("2026-02-30")).isTrue();
        assertThat(PortalTime.noSuchDay(" 31.4.2027 ")).isTrue();
        assertThat(PortalTime.noSuchDay("29.02.2027")).isTrue();
        assertThat(PortalTime.noSuchDay("29.2.2028")).as("a leap day").isFalse();
        assertThat(PortalTime.noSuchDay("2026-02-28")).isFalse();
        assertThat(PortalTime.noSuchDay("2026-13-01")).as("no month 13: a wrong format").isFalse();
        assertThat(PortalTime.noSuchDay("2026-02-32")).as("no day 32 in any month").isFalse();
        assertThat(PortalTime.noSuchDay("2026-00-10")).isFalse();
        assertThat(PortalTime.noSuchDay("30.2.26")).isFalse();
        assertThat(PortalTime.noSuchDay("kaputt")).isFalse();
        assertThat(PortalTime.noSuchDay(null)).isFalse();
    }
}
