package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.funding.FundingAdvisor;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.readiness.ResultSummary.Capping;
import de.digitalcheck.portal.readiness.ResultSummary.DimensionRow;
import de.digitalcheck.portal.readiness.ResultSummary.Programme;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
import jakarta.inject.Singleton;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a completed check's {@link ResultSummary}: score, levels, chart, capping questions, advice, funding, agency, peers. */
@Singleton
public class ResultSummaries {

    /** How many next steps a result names. */
    static final int ACTIONS = 3;

    private final Questionnaires questionnaires;
    private final SelfCheck selfCheck;
    private final Router router;
    private final PeerBenchmark peers;
    private final FundingAdvisor funding;
    private final Messages messages;

    ResultSummaries(Questionnaires questionnaires, SelfCheck selfCheck, Router router, PeerBenchmark peers,
                    FundingAdvisor funding, Messages messages) {
        this.questionnaires = questionnaires;
        this.selfCheck = selfCheck;
        this.router = router;
        this.peers = peers;
        this.funding = funding;
        this.messages = messages;
    }

    /** The summary of a completed check in one language. */
    public ResultSummary summarise(Language lang, Assessment a) {
        Questionnaire q = questionnaires.version(a.questionnaireVersion()).orElse(questionnaires.current());
        Map<String, String> answers = a.answers();
        Scoring.Score score = Scoring.score(q, a.company().type(), answers);
        Optional<PeerBenchmark.Benchmark> benchmark = peers.compare(a);
        List<DimensionRow> rows = new ArrayList<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Scoring.DimensionScore d : score.dimensions()) {
            Questionnaire.Dimension dimension = q.dimension(d.id()).orElseThrow();
            if (d.applicable()) {
                levels.put(d.id(), d.level());
            }
            Double peer = benchmark.map(b -> b.levels().get(d.id())).orElse(null);
            rows.add(new DimensionRow(d.id(), dimension.title().in(lang), dimension.weight(),
                d.applicable() ? levelLabel(lang, d.level()) : messages.get(lang, "result.notApplicable"),
                peer == null ? "–" : decimal(lang, peer),
                d.applicable() ? q.recommendation(d.id(), d.level()).in(lang) : null,
                d.applicable() ? capping(lang, q, d, answers) : List.of(),
                d.applicable() && d.level() == Level.TOP_PERFORMER.number(),
                d.applicable() && d.potential() > d.level() ? messages.get(lang, "result.level.short", d.potential()) : null));
        }
        RadarChart chart = RadarChart.of(rows.stream().map(DimensionRow::title).toList(),
            score.dimensions().stream().map(Scoring.DimensionScore::level).toList(),
            benchmark.map(b -> score.dimensions().stream().map(d -> b.levels().get(d.id())).toList()).orElse(null),
            score.dimensions().stream().map(Scoring.DimensionScore::potential).toList());
        String benchmarkText = benchmark.map(b -> messages.get(lang, "result.benchmark.text", b.companies(),
            messages.get(lang, "result.benchmark.group." + b.group().name()), decimal(lang, b.score()),
            decimal(lang, score.value()))).orElse(messages.get(lang, "result.benchmark.none"));
        Optional<Agency> agency = router.agency(a.agencyId());
        String location = a.company().location();
        return new ResultSummary(a.company().name(), date(lang, a.completedAt()), decimal(lang, score.value()),
            levelLabel(lang, score.level().number()),
            messages.get(lang, "result.group." + score.level().group().code()),
            List.copyOf(rows), chart, benchmarkText, programmes(lang, a, levels), agency.orElse(null),
            messages.get(lang, agency.isPresent() ? "result.agency.intro" : "result.agency.fallback", location),
            messages.get(lang, "result.version", q.version(), q.scoringVersion()),
            previous(a).map(p -> messages.get(lang, "result.previous.text", date(lang, p.completedAt()),
                decimal(lang, p.result().score()), decimal(lang, score.value()))).orElse(null),
            messages.get(lang, "result.interpretation." + score.level().group().code()),
            score.potential() > score.value() ? decimal(lang, score.potential()) : null,
            actions(lang, q, score));
    }

    /**
     * What to work on first: the three weakest applicable areas (lowest level; the heavier weight first where levels
     * are equal), each with the next level and its recommendation. Top performers' areas are left out.
     */
    private List<ResultSummary.Action> actions(Language lang, Questionnaire q, Scoring.Score score) {
        return score.dimensions().stream()
            .filter(d -> d.applicable() && d.level() < Level.TOP_PERFORMER.number())
            .sorted(java.util.Comparator.comparingInt(Scoring.DimensionScore::level)
                .thenComparing(java.util.Comparator.comparingInt(Scoring.DimensionScore::weight).reversed()))
            .limit(ACTIONS)
            .map(d -> new ResultSummary.Action(d.id(), q.dimension(d.id()).orElseThrow().title().in(lang),
                messages.get(lang, "result.actions.step", d.level(), d.level() + 1),
                q.recommendation(d.id(), d.level()).in(lang)))
            .toList();
    }

    /** The completed check this one repeats, if any. */
    private Optional<Assessment> previous(Assessment a) {
        return Optional.ofNullable(a.previousId()).flatMap(selfCheck::find).filter(Assessment::completed);
    }

    private List<Capping> capping(Language lang, Questionnaire q, Scoring.DimensionScore d, Map<String, String> answers) {
        List<Capping> list = new ArrayList<>();
        for (String questionId : d.cappedBy()) {
            Questionnaire.Question question = q.question(questionId).orElseThrow();
            String current = question.option(answers.get(questionId)).map(o -> o.text().in(lang)).orElse("");
            String next = question.nextAbove(d.level())
                .map(o -> messages.get(lang, "result.capping.next", o.level(), o.text().in(lang))).orElse(null);
            list.add(new Capping(question.text().in(lang), messages.get(lang, "result.capping.current", current), next));
        }
        return list;
    }

    private List<Programme> programmes(Language lang, Assessment a, Map<String, Integer> levels) {
        boolean sme = a.company().sizeClass().isSme();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale());
        List<Programme> list = new ArrayList<>();
        for (FundingProgramme p : funding.matching(a.company().ags(), sme, levels)) {
            list.add(new Programme(p.name().in(lang), messages.get(lang, "result.funding.provider", p.provider()),
                p.summary().in(lang), p.url(),
                p.validUntil() == null ? null : messages.get(lang, "result.funding.until", date.format(p.validUntil())),
                messages.get(lang, "result.funding.link", p.name().in(lang))));
        }
        return List.copyOf(list);
    }

    private String levelLabel(Language lang, int level) {
        return messages.get(lang, "result.level", level, messages.get(lang, "result.level." + level));
    }

    private static String date(Language lang, java.time.Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(lang.locale()).format(PortalTime.local(at));
    }

    static String decimal(Language lang, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
