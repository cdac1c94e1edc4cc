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
}
