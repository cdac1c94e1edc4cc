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
}
