package de.digitalcheck.portal.readiness.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month an erased check keeps of its times: the portal's month (Europe/Berlin), as every figure counts it, also
 * around midnight and the changes to and from summer time.
 */
class AnonymisedMonthTest {

    @Test
    void halfPastMidnightOnTheFirstOfDecemberInBerlinIsDecember() {
        // 00:30 Berlin (CET, UTC+1) on 1 December is 23:30 UTC on 30 November
        assertThat(AssessmentRow.monthOf(Instant.parse("2026-11-30T23:30:00Z")))
            .isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void theLastMinuteOfNovemberInBerlinIsNovember() {
        assertThat(AssessmentRow.monthOf(Instant.parse("2026-11-30T22:59:59Z")))
            .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void theMonthBeginsAtBerlinMidnightInSummerTime() {
        // 00:30 Berlin (CEST, UTC+2) on 1 April is 22:30 UTC on 31 March; April begins at 22:00 UTC
        assertThat(AssessmentRow.monthOf(Instant.parse("2027-03-31T22:30:00Z")))
            .isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
        assertThat(AssessmentRow.monthOf(Instant.parse("2027-03-31T21:59:59Z")))
            .as("March began in winter time: 23:00 UTC on 28 February").isEqualTo(Instant.parse("2027-02-28T23:00:00Z"));
    }

    @Test
    void aMonthWithAChangeOfTimeBeginsAtItsOwnOffset() {
        // 31 October 2027, after the change back to winter time, is still October; 1 November begins at 23:00 UTC
        assertThat(AssessmentRow.monthOf(Instant.parse("2027-10-31T12:00:00Z")))
            .isEqualTo(Instant.parse("2027-09-30T22:00:00Z"));
        assertThat(AssessmentRow.monthOf(Instant.parse("2027-10-31T23:00:00Z")))
            .isEqualTo(Instant.parse("2027-10-31T23:00:00Z"));
    }
}
