package de.digitalcheck.portal.funding;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which funding programmes fit a company, best first: a pure function of the programmes, the company and the day
 * (docs/scoring.md, "Funding programmes"). A programme is offered only while it is open, where its region covers the
 * company, to an SME if it is for SMEs only, and if at least one of its dimensions applies to the company at a level
 * no higher than the programme's maximum. The offered ones are ordered by points:
 * <ul>
 *   <li><b>weakness</b>: for each of the programme's dimensions that it serves, {@code 5 − level}, the three largest
 *       summed (0–15): a programme for the company's weakest areas comes first;</li>
 *   <li><b>level</b>: how well the programme's maximum level suits the overall level, twice {@code 3} where the
 *       maximum is 0–2 levels above it, {@code 5 − headroom} where it is further above, {@code 0} where it is below
 *       (0–6);</li>
 *   <li><b>size and place</b>: one point for a programme made for SMEs (to an SME), one for a regional programme
 *       (0–2);</li>
 *   <li><b>closing soon</b>: one point where applications close within {@value #CLOSING_SOON_DAYS} days.</li>
 * </ul>
 * Equal points: the earlier closing date first, then the German name.
 */
public final class FundingRanking {

    /** Applications that close within this many days rank up and say so. */
    public static final int CLOSING_SOON_DAYS = 90;
    /** How many of a programme's weak areas count towards its weakness points. */
    static final int WEAK_AREAS_COUNTED = 3;
    private static final int TOP_LEVEL = 5;

    private FundingRanking() {
    }

    /**
     * The company as the ranking sees it.
     *
     * @param ags its municipality's official key (8 digits)
     * @param sme whether it is a small or medium-sized enterprise (fewer than 250 employees)
     * @param level its overall level (0–5)
     * @param levels its level per applicable dimension id, in the questionnaire's order
     */
    public record Company(String ags, boolean sme, int level, Map<String, Integer> levels) {

        public Company {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }

        /** The lowest level among the applicable dimensions (0 where none applies). */
        int weakestLevel() {
            return levels.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        }
    }

    /**
     * A programme that fits, with why.
     *
     * @param areas the programme's dimensions that the company is weak in (applicable, level at most the programme's
     *              maximum), weakest first, questionnaire order among equals; never empty
     * @param weakest those of {@code areas} at the company's lowest level (empty where the programme serves none of
     *                the company's weakest areas)
     * @param region the region prefix that covers the company (the longest), {@code null} for a nationwide programme
     * @param closingSoon whether applications close within {@value #CLOSING_SOON_DAYS} days
     * @param points the programme's fit, higher is better
     */
    public record Match(FundingProgramme programme, List<String> areas, List<String> weakest, @Nullable String region,
                       boolean closingSoon, int points) {
    }

    /** The programmes that fit the company on this day, best first. */
    public static List<Match> rank(Collection<FundingProgramme> programmes, Company company, LocalDate today) {
        List<Match> matches = new ArrayList<>();
        for (FundingProgramme p : programmes) {
            match(p, company, today).ifPresent(matches::add);
        }
        matches.sort(Comparator.comparingInt(Match::points).reversed()
            .thenComparing(m -> m.programme().validUntil(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> m.programme().nameDe())
            .thenComparing(m -> m.programme().id()));
        return List.copyOf(matches);
    }

    /** The programme's match for the company, empty where it is not offered to it. */
    static Optional<Match> match(FundingProgramme p, Company company, LocalDate today) {
        if (!p.openOn(today) || !p.covers(company.ags()) || (p.smeOnly() && !company.sme())) {
            return Optional.empty();
        }
        List<String> order = List.copyOf(company.levels().keySet());
        List<String> areas = p.dimensionIds().stream()
            .filter(d -> company.levels().containsKey(d) && company.levels().get(d) <= p.maxLevel())
            .sorted(Comparator.comparingInt((String d) -> company.levels().get(d)).thenComparingInt(order::indexOf))
            .toList();
        if (areas.isEmpty()) {
            return Optional.empty();
        }
        int weakestLevel = company.weakestLevel();
        List<String> weakest = areas.stream().filter(d -> company.levels().get(d) == weakestLevel).toList();
        boolean closingSoon = p.validUntil() != null && !p.validUntil().isAfter(today.plusDays(CLOSING_SOON_DAYS));
        int points = weaknessPoints(areas, company) + levelPoints(p.maxLevel(), company.level())
            + (p.smeOnly() ? 1 : 0) + (p.nationwide() ? 0 : 1) + (closingSoon ? 1 : 0);
        return Optional.of(new Match(p, areas, weakest, p.regionOf(company.ags()).orElse(null), closingSoon,
            points));
    }

    /** {@code 5 − level} for each weak area, the three largest summed (areas come weakest first). */
    static int weaknessPoints(List<String> areas, Company company) {
        return areas.stream().limit(WEAK_AREAS_COUNTED).mapToInt(d -> TOP_LEVEL - company.levels().get(d)).sum();
    }

    /** Twice the fit of the programme's maximum level to the company's overall level (0–6). */
    static int levelPoints(int maxLevel, int level) {
        int headroom = maxLevel - level;
        int fit = headroom < 0 ? 0 : headroom <= 2 ? 3 : TOP_LEVEL - headroom;
        return 2 * fit;
    }
}
