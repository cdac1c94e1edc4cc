package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.routing.Agency;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Everything a company's result shows, every text already in one language: the result page and the PDF report
 * are both drawn from it, so they show the same facts.
 *
 * @param agency the responsible agency, {@code null} where the network's fallback queue is responsible
 * @param previous the progress against the check this one repeats, {@code null} for a first check
 */
public record ResultSummary(
    String companyName,
    String completedAt,
    String score,
    String levelLabel,
    String groupLabel,
    List<DimensionRow> dimensions,
    RadarChart chart,
    String benchmark,
    List<Programme> programmes,
    @Nullable Agency agency,
    String agencyIntro,
    String version,
    @Nullable String previous) {

    /** A question that caps a dimension: its text, today's answer and what the next level would need. */
    public record Capping(String question, String current, @Nullable String next) {
    }

    /** One dimension: title, weight, level (text), peers' average, recommendation and capping questions. */
    public record DimensionRow(String id, String title, int weight, String level, String peers,
                               @Nullable String recommendation, List<Capping> capping, boolean top) {
    }

    /** A matching, open funding programme. */
    public record Programme(String name, String provider, String summary, String url, @Nullable String until,
                            String linkLabel) {
    }
}
