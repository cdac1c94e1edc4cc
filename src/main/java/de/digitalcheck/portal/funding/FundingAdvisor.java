package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.time.PortalTime;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** The open funding programmes that fit a company, best first ({@link FundingRanking}). */
@Singleton
public class FundingAdvisor {

    private final FundingProgrammeRows programmes;
    private final Clock clock;

    FundingAdvisor(FundingProgrammeRows programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    /** The programmes that fit the company today, best first, each with why. */
    public List<FundingRanking.Match> ranked(FundingRanking.Company company) {
        return FundingRanking.rank(programmes.findAll().stream().map(FundingProgrammeRow::programme).toList(), company,
            PortalTime.today(clock));
    }
}
