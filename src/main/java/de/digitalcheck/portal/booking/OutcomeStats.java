package de.digitalcheck.portal.booking;

import java.util.Map;

/**
 * An agency's appointment outcomes in a period (the dashboard): appointments held, no-shows, the no-show rate (0 when
 * nothing was recorded), follow-ups needed, and recommendations by funding programme id.
 */
public record OutcomeStats(long held, long noShows, double noShowRate, long followUps,
                           Map<String, Long> recommendations) {

    public OutcomeStats {
        recommendations = Map.copyOf(recommendations);
    }

    public long recorded() {
        return held + noShows;
    }
}
