package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.routing.Agency;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Everything a company's result shows, every text already in one language: the result page and the PDF report
 * are both drawn from it, so they show the same facts.
 *
 * @param programmes the funding programmes that fit, best first ({@link #FUNDING_FIRST} are shown first)
 * @param agency the responsible agency, {@code null} where the network's fallback queue is responsible
 * @param previous the progress against the check this one repeats, {@code null} for a first check
 * @param interpretation one sentence on what the overall level means
 * @param potential the score without the capping answers, {@code null} where it is the score (nothing caps)
 * @param actions the next steps: what to work on first, at most three, weakest areas first
 */
public record ResultSummary(
    String companyName,
    String completedAt,
    String score,
    String levelLabel,
    List<DimensionRow> dimensions,
    RadarChart chart,
    String benchmark,
    List<Programme> programmes,
    @Nullable Agency agency,
    String agencyIntro,
    String version,
    @Nullable String previous,
    String interpretation,
    @Nullable String potential,
    List<Action> actions) {

    /**
     * Whether no answer limits any area's level (each has reached the highest): the section on what limits the level
     * then says so instead of announcing questions that limit it.
     */
    public boolean allTop() {
        return !dimensions.isEmpty() && dimensions.stream().allMatch(DimensionRow::top);
    }

    /** How many funding programmes a result shows first; the others follow on request. */
    public static final int FUNDING_FIRST = 3;

    /** The best {@link #FUNDING_FIRST} funding programmes. */
    public List<Programme> firstProgrammes() {
        return programmes.subList(0, Math.min(FUNDING_FIRST, programmes.size()));
    }

    /** The funding programmes after the first {@link #FUNDING_FIRST}. */
    public List<Programme> moreProgrammes() {
        return programmes.subList(Math.min(FUNDING_FIRST, programmes.size()), programmes.size());
    }

    /** A question that caps a dimension: its text, today's answer and what the next level would need. */
    public record Capping(String question, String current, @Nullable String next) {
    }

    /**
     * One dimension: title, weight, level (text), peers' average, recommendation and capping questions, and its
     * potential (the level without the capping answers; text, {@code null} where it is the level).
     */
    public record DimensionRow(String id, String title, int weight, String level, String peers,
                               @Nullable String recommendation, List<Capping> capping, boolean top,
                               @Nullable String potential) {
    }

    /** A next step: the area, how far it can go, and what to do. */
    public record Action(String dimensionId, String area, String step, String advice) {
    }

    /**
     * A matching, open funding programme, with one line on why it fits (its closing date included). Its provider is
     * {@code providerLabel} ("Provided by") and {@code providerName}, the name in {@code providerLanguage} where that is
     * not the page's (an English page shows the German name where the programme has no English one), else
     * {@code null}.
     */
    public record Programme(String name, String providerLabel, String providerName, @Nullable String providerLanguage,
                            String summary, String url, String reason, String linkLabel) {

        /** The provider as one text: "Provided by …", "Träger: …". */
        public String provider() {
            return providerLabel + " " + providerName;
        }
    }
}
