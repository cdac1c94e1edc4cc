package de.digitalcheck.portal.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding ranking: the seed programmes for three companies (examples), and invariants over random programmes and
 * companies drawn from a fixed seed (properties; a failing case fails again on the next run).
 */
class FundingRankingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final List<String> DIMENSIONS = List.of("strategy", "factory", "operations", "products", "services", "employees");
    static final String HAGEN = "05914000";
    static final String RATINGEN = "05158028";
    static final List<String> RUHR = List.of("05112", "05113", "05117", "05119", "05170", "05512", "05513", "05562",
        "05911", "05913", "05914", "05915", "05916", "05954", "05978");

    static FundingProgramme programme(String id, List<String> regions, String dimensions, int maxLevel, boolean smeOnly,
                                      LocalDate from, LocalDate until) {
        return new FundingProgramme(id, id, id, "provider", null, "summary", "summary", "https://example.org/" + id, regions,
            dimensions, maxLevel, smeOnly, from, until);
    }

    /** The programmes of the seed data (V2, with V11's Ruhr region), by their facts that the ranking uses. */
    static final List<FundingProgramme> SEED = List.of(
        programme("zim", List.of(), "strategy,products,services", 4, false, LocalDate.of(2025, 1, 1), null),
        programme("go-inno", List.of(), "strategy,products", 2, true, LocalDate.of(2021, 1, 1), null),
        programme("mid-digitalisierung", List.of("05"), "products,services", 3, true, LocalDate.of(2026, 1, 1),
            LocalDate.of(2029, 12, 31)),
        programme("mid-innovation", List.of("05"), "strategy,products,services", 3, true, LocalDate.of(2020, 6, 1),
            LocalDate.of(2025, 6, 30)),
        programme("nrw-bank-digitalisierung-innovation", List.of("05"), "strategy,factory,operations,products", 4, false,
            LocalDate.of(2018, 9, 1), null),
        programme("kfw-erp-foerderkredit-digitalisierung", List.of(), "factory,operations,services", 4, false,
            LocalDate.of(2025, 7, 1), null),
        programme("innoscheck-ruhr", RUHR, "strategy,factory,operations", 2, true, LocalDate.of(2016, 4, 1), null),
        programme("mittelstand-digital-zentrum-ruhr-owl", List.of(), "strategy,factory,operations,employees", 3, true,
            LocalDate.of(2021, 7, 1), null),
        programme("digital-jetzt", List.of(), "factory,operations,employees", 3, false, LocalDate.of(2020, 9, 7),
            LocalDate.of(2023, 12, 31)),
        programme("go-digital", List.of(), "strategy,operations,services", 2, true, LocalDate.of(2017, 7, 1),
            LocalDate.of(2024, 12, 31)));

    static Map<String, Integer> uniform(int level) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> levels.put(d, level));
        return levels;
    }

    static List<String> ids(List<FundingRanking.Match> matches) {
        return matches.stream().map(m -> m.programme().id()).toList();
    }

    @Test
    void aLevelZeroSmeInHagenGetsTheRuhrVoucherFirstAndNoClosedProgramme() {
        List<FundingRanking.Match> ranked = FundingRanking.rank(SEED,
            new FundingRanking.Company(HAGEN, true, 0, uniform(0)), TODAY);
        assertThat(ids(ranked)).containsExactly("innoscheck-ruhr", "mittelstand-digital-zentrum-ruhr-owl",
            "nrw-bank-digitalisierung-innovation", "go-inno", "kfw-erp-foerderkredit-digitalisierung", "zim",
            "mid-digitalisierung");
        FundingRanking.Match first = ranked.get(0);
        assertThat(first.weakest()).containsExactly("strategy", "factory", "operations");
        assertThat(first.region()).isEqualTo("05914");
        assertThat(first.points()).isEqualTo(15 + 6 + 1 + 1);
    }

    @Test
    void aLevelThreeCompanyInHagenGetsOnlyProgrammesForItsLevel() {
        List<FundingRanking.Match> ranked = FundingRanking.rank(SEED,
            new FundingRanking.Company(HAGEN, true, 3, uniform(3)), TODAY);
        assertThat(ids(ranked)).containsExactly("mittelstand-digital-zentrum-ruhr-owl",
            "nrw-bank-digitalisierung-innovation", "mid-digitalisierung", "kfw-erp-foerderkredit-digitalisierung", "zim")
            .doesNotContain("innoscheck-ruhr", "go-inno");
    }

    @Test
    void ratingenIsNotInTheRuhrRegion() {
        List<FundingRanking.Match> ranked = FundingRanking.rank(SEED,
            new FundingRanking.Company(RATINGEN, true, 0, uniform(0)), TODAY);
        assertThat(ids(ranked)).doesNotContain("innoscheck-ruhr").contains("mid-digitalisierung",
            "nrw-bank-digitalisierung-innovation");
        assertThat(ranked).filteredOn(m -> m.programme().id().equals("nrw-bank-digitalisierung-innovation"))
            .singleElement().satisfies(m -> assertThat(m.region()).isEqualTo("05"));
    }

    @Test
    void theWeakestAreasTheProgrammeServesComeFirst() {
        Map<String, Integer> levels = uniform(3);
        levels.put("employees", 1);
        levels.put("factory", 1);
        levels.put("products", 2);
        List<FundingRanking.Match> ranked = FundingRanking.rank(SEED,
            new FundingRanking.Company(HAGEN, true, 2, levels), TODAY);
        // the only programme for employees (the weakest area, with the factory) comes first
        assertThat(ranked.get(0).programme().id()).isEqualTo("mittelstand-digital-zentrum-ruhr-owl");
        assertThat(ranked.get(0).weakest()).containsExactly("factory", "employees");
        assertThat(ranked.get(0).areas()).containsExactly("factory", "employees", "strategy", "operations");
        // MID-Digitalisierung serves products (2) and services (3), neither of the weakest
        assertThat(ranked).filteredOn(m -> m.programme().id().equals("mid-digitalisierung")).singleElement()
            .satisfies(m -> {
                assertThat(m.weakest()).isEmpty();
                assertThat(m.areas()).containsExactly("products", "services");
            });
    }

    @Test
    void aLargeCompanyNeverGetsAProgrammeForSmesOnly() {
        List<FundingRanking.Match> ranked = FundingRanking.rank(SEED,
            new FundingRanking.Company(HAGEN, false, 0, uniform(0)), TODAY);
        assertThat(ids(ranked)).containsExactly("nrw-bank-digitalisierung-innovation",
            "kfw-erp-foerderkredit-digitalisierung", "zim");
    }

    @Test
    void aProgrammeClosingSoonRanksUpAndSaysSo() {
        FundingProgramme soon = programme("soon", List.of(), "factory", 3, false, LocalDate.of(2026, 1, 1),
            TODAY.plusDays(FundingRanking.CLOSING_SOON_DAYS));
        FundingProgramme later = programme("later", List.of(), "factory", 3, false, LocalDate.of(2026, 1, 1),
            TODAY.plusDays(FundingRanking.CLOSING_SOON_DAYS + 1));
        List<FundingRanking.Match> ranked = FundingRanking.rank(List.of(later, soon),
            new FundingRanking.Company(HAGEN, true, 1, uniform(1)), TODAY);
        assertThat(ids(ranked)).containsExactly("soon", "later");
        assertThat(ranked.get(0).closingSoon()).isTrue();
        assertThat(ranked.get(1).closingSoon()).isFalse();
        assertThat(ranked.get(0).points()).isEqualTo(ranked.get(1).points() + 1);
        // the last day is still open, the day after is not
        assertThat(FundingRanking.rank(List.of(soon), new FundingRanking.Company(HAGEN, true, 1, uniform(1)),
            soon.validUntil().plusDays(1))).isEmpty();
    }

    @Test
    void levelPointsFavourProgrammesMadeForTheCompanysLevel() {
        assertThat(IntStream.rangeClosed(0, 5).map(max -> FundingRanking.levelPoints(max, 0)).toArray())
            .containsExactly(6, 6, 6, 4, 2, 0);
        assertThat(IntStream.rangeClosed(0, 5).map(max -> FundingRanking.levelPoints(max, 3)).toArray())
            .containsExactly(0, 0, 0, 6, 6, 6);
    }

    // ---------------------------------------------------------------------------------------------------- properties

    record Case(List<FundingProgramme> programmes, FundingRanking.Company company, long seed) {
    }

    static final List<String> PLACES = List.of(HAGEN, RATINGEN, "05113000", "09162000", "05562004");
    static final List<String> PREFIXES = List.of("05", "09", "051", "05914", "05158", "05158028", "05113", "05562");

    static Stream<Case> cases() {
        Random random = new Random(20261130L);
        return IntStream.range(0, 500).mapToObj(i -> {
            List<FundingProgramme> programmes = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int p = 0; p < count; p++) {
                List<String> regions = new ArrayList<>();
                int n = random.nextInt(3);
                for (int r = 0; r < n; r++) {
                    regions.add(PREFIXES.get(random.nextInt(PREFIXES.size())));
                }
                List<String> dims = DIMENSIONS.stream().filter(d -> random.nextInt(3) == 0).toList();
                LocalDate from = TODAY.minusDays(random.nextInt(400) - 30);
                LocalDate until = random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(400) - 60);
                programmes.add(programme("p" + p, regions.stream().distinct().toList(),
                    String.join(",", dims.isEmpty() ? List.of("strategy") : dims), random.nextInt(6),
                    random.nextBoolean(), from, until != null && until.isBefore(from) ? from : until));
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            DIMENSIONS.forEach(d -> {
                if (random.nextInt(6) > 0) {
                    levels.put(d, random.nextInt(6));
                }
            });
            int level = levels.isEmpty() ? 0 : (int) Math.floor(levels.values().stream().mapToInt(x -> x).average()
                .orElse(0));
            return new Case(programmes, new FundingRanking.Company(PLACES.get(random.nextInt(PLACES.size())),
                random.nextBoolean(), level, levels), random.nextLong());
        });
    }

    /** Whether the programme may be offered at all: open, in the region, for the size, and for a weak enough area. */
    static boolean eligible(FundingProgramme p, FundingRanking.Company c) {
        return p.openOn(TODAY)
            && (p.regions().isEmpty() || p.regions().stream().anyMatch(c.ags()::startsWith))
            && (c.sme() || !p.smeOnly())
            && p.dimensionIds().stream().anyMatch(d -> c.levels().containsKey(d) && c.levels().get(d) <= p.maxLevel());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void offersExactlyTheEligibleProgrammes(Case c) {
        List<FundingRanking.Match> ranked = FundingRanking.rank(c.programmes(), c.company(), TODAY);
        assertThat(ids(ranked)).containsExactlyInAnyOrderElementsOf(
            c.programmes().stream().filter(p -> eligible(p, c.company())).map(FundingProgramme::id).toList());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isOrderedByPointsAndIndependentOfTheInputOrder(Case c) {
        List<FundingRanking.Match> ranked = FundingRanking.rank(c.programmes(), c.company(), TODAY);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).points()).isGreaterThanOrEqualTo(ranked.get(i).points());
        }
        ranked.forEach(m -> assertThat(m.points()).isBetween(0, 15 + 6 + 2 + 1));
        List<FundingProgramme> shuffled = new ArrayList<>(c.programmes());
        Collections.shuffle(shuffled, new Random(c.seed()));
        assertThat(FundingRanking.rank(shuffled, c.company(), TODAY)).isEqualTo(ranked);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyMatchSaysWhyItFits(Case c) {
        int weakestLevel = c.company().levels().values().stream().mapToInt(x -> x).min().orElse(0);
        for (FundingRanking.Match m : FundingRanking.rank(c.programmes(), c.company(), TODAY)) {
            assertThat(m.areas()).isNotEmpty().isSubsetOf(m.programme().dimensionIds())
                .allSatisfy(d -> assertThat(c.company().levels().get(d)).isLessThanOrEqualTo(m.programme().maxLevel()));
            assertThat(m.areas().stream().map(c.company().levels()::get).toList()).isSorted();
            assertThat(m.weakest()).isSubsetOf(m.areas())
                .allSatisfy(d -> assertThat(c.company().levels().get(d)).isEqualTo(weakestLevel));
            if (m.programme().regions().isEmpty()) {
                assertThat(m.region()).isNull();
            } else {
                assertThat(m.region()).isIn(m.programme().regions());
                assertThat(c.company().ags()).startsWith(m.region());
            }
            assertThat(m.closingSoon()).isEqualTo(m.programme().validUntil() != null
                && !m.programme().validUntil().isAfter(TODAY.plusDays(FundingRanking.CLOSING_SOON_DAYS)));
        }
    }

    /** Being weaker in an area a programme serves (the overall level held) never costs that programme points or its place. */
    @ParameterizedTest
    @MethodSource("cases")
    void aWeakerAreaNeverLowersAProgrammeThatServesIt(Case c) {
        List<FundingRanking.Match> before = FundingRanking.rank(c.programmes(), c.company(), TODAY);
        for (String d : c.company().levels().keySet()) {
            int level = c.company().levels().get(d);
            if (level == 0) {
                continue;
            }
            Map<String, Integer> weaker = new LinkedHashMap<>(c.company().levels());
            weaker.put(d, level - 1);
            List<FundingRanking.Match> after = FundingRanking.rank(c.programmes(),
                new FundingRanking.Company(c.company().ags(), c.company().sme(), c.company().level(), weaker), TODAY);
            for (FundingRanking.Match m : before) {
                if (m.programme().dimensionIds().contains(d)) {
                    assertThat(after).filteredOn(a -> a.programme().id().equals(m.programme().id())).singleElement()
                        .satisfies(a -> assertThat(a.points()).as(d + " in " + m.programme().id())
                            .isGreaterThanOrEqualTo(m.points()));
                }
            }
        }
    }
}
