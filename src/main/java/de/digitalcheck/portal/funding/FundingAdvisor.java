package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.time.PortalTime;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Picks the open funding programmes that fit a company's location, size and weak dimensions. */
@Singleton
public class FundingAdvisor {


    private final FundingProgrammeRows programmes;
    private final Clock clock;

    FundingAdvisor(FundingProgrammeRows programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    /**
     * @param levels the company's level per applicable dimension id
     * @param sme whether the company is an SME (fewer than 250 employees)
     */
    public List<FundingProgramme> matching(String ags, boolean sme, Map<String, Integer> levels) {
        LocalDate today = PortalTime.today(clock);
        return programmes.findAllOrderByNameDe().stream().map(FundingProgrammeRow::programme)
            .filter(p -> p.openOn(today))
            .filter(p -> ags.startsWith(p.regionAgs()))
            .filter(p -> sme || !p.smeOnly())
            .filter(p -> p.dimensionIds().stream().anyMatch(d -> levels.containsKey(d) && levels.get(d) <= p.maxLevel()))
            .toList();
    }
}
