package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.context.BeanContext;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The funding advisor of tests that assert which seed programmes a company is offered: it matches on a fixed day, not
 * on the day the tests run, since the seed programmes have ends (MID-Digitalisierung: 2029-12-31) and a programme
 * closing within {@value FundingRanking#CLOSING_SOON_DAYS} days ranks up and says so. On the real day those tests
 * began failing on 2 October 2029, and MID-Digitalisierung was gone from 2030. Use it as the test's
 * {@code @MockBean(FundingAdvisor.class)}.
 */
public final class FundingOnADay {

    /**
     * Inside the seed's MID-Digitalisierung window (2026-01-01 to 2029-12-31), more than
     * {@value FundingRanking#CLOSING_SOON_DAYS} days before its end; the closed seed programmes (ended 2023 to 2025)
     * closed before it.
     */
    public static final LocalDate DAY = LocalDate.of(2027, 6, 1);

    private FundingOnADay() {
    }

    /** The application's advisor, its programmes from the database, its clock at noon on {@link #DAY} in Berlin. */
    public static FundingAdvisor advisor(BeanContext context) {
        return new FundingAdvisor(context.getBean(FundingProgrammeRows.class),
            Clock.fixed(DAY.atTime(12, 0).atZone(PortalTime.ZONE).toInstant(), PortalTime.ZONE));
    }
}
