package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.funding.FundingAdvisor;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Level;
import de.digitalcheck.portal.readiness.PeerBenchmark;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.RadarChart;
import de.digitalcheck.portal.readiness.Scoring;
import de.digitalcheck.portal.readiness.SelfCheck;
import de.digitalcheck.portal.readiness.SizeClass;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import jakarta.inject.Singleton;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the result page's model: score, levels, chart, capping questions, advice, funding, agency, peers. */
@Singleton
class ResultViews {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SelfCheck selfCheck;
    private final PeerBenchmark peers;
    private final FundingAdvisor funding;
    private final Messages messages;

    ResultViews(SelfCheck selfCheck, PeerBenchmark peers, FundingAdvisor funding, Messages messages) {
        this.selfCheck = selfCheck;
        this.peers = peers;
        this.funding = funding;
        this.messages = messages;
    }

    public record Capping(String question, String current, String next) {
    }

    public record DimensionRow(String id, String title, int weight, String level, String peers, String recommendation,
                        List<Capping> capping, boolean top) {
    }

    public record Programme(String name, String provider, String summary, String url, String until, String linkLabel) {
    }

    Map<String, Object> result(Language lang, Assessment a, String token) {
        Questionnaire q = selfCheck.questionnaireOf(a);
        Map<String, String> answers = selfCheck.answers(a);
        Scoring.Score score = Scoring.score(q, a.type(), answers);
        Optional<PeerBenchmark.Benchmark> benchmark = peers.compare(a);
        Map<String, Object> model = new HashMap<>();
        model.put("companyName", a.companyName());
        model.put("score", decimal(lang, score.value()));
        model.put("levelLabel", messages.get(lang, "result.level", score.level().number(), levelName(lang, score.level().number())));
        model.put("groupLabel", messages.get(lang, "result.group." + score.level().group().code()));
        model.put("completedAt", a.completedAt() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(lang.locale()).format(a.completedAt().atZone(BERLIN)));
        List<DimensionRow> rows = new ArrayList<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Scoring.DimensionScore d : score.dimensions()) {
            Questionnaire.Dimension dimension = q.dimension(d.id()).orElseThrow();
            if (d.applicable()) {
                levels.put(d.id(), d.level());
            }
            Double peer = benchmark.map(b -> b.levels().get(d.id())).orElse(null);
            rows.add(new DimensionRow(d.id(), dimension.title().in(lang), dimension.weight(),
                d.applicable() ? messages.get(lang, "result.level", d.level(), levelName(lang, d.level()))
                    : messages.get(lang, "result.notApplicable"),
                peer == null ? "–" : decimal(lang, peer),
                d.applicable() ? q.recommendation(d.id(), d.level()).in(lang) : null,
                d.applicable() ? capping(lang, q, d, answers) : List.of(),
                d.applicable() && d.level() == Level.TOP_PERFORMER.number()));
        }
        model.put("dimensions", rows);
        model.put("chart", RadarChart.of(rows.stream().map(DimensionRow::title).toList(),
            score.dimensions().stream().map(Scoring.DimensionScore::level).toList(),
            benchmark.map(b -> score.dimensions().stream().map(d -> b.levels().get(d.id())).toList()).orElse(null)));
        model.put("benchmark", benchmark.map(b -> messages.get(lang, "result.benchmark.text", b.companies(),
            messages.get(lang, "result.benchmark.group." + b.group().name()), decimal(lang, b.score()),
            decimal(lang, score.value()))).orElse(messages.get(lang, "result.benchmark.none")));
        model.put("programmes", programmes(lang, a, levels));
        Optional<Agency> agency = selfCheck.agencyOf(a);
        String location = a.postalCode() + " " + a.municipality();
        model.put("agency", agency.orElse(null));
        model.put("agencyIntro", agency.isPresent() ? messages.get(lang, "result.agency.intro", location)
            : messages.get(lang, "result.agency.fallback", location));
        model.put("version", messages.get(lang, "result.version", q.version(), q.scoringVersion()));
        model.put("profileUrl", CheckPaths.profile(token));
        model.put("againUrl", CheckPaths.resume(token) + "/again");
        model.put("previous", selfCheck.previousOf(a).map(p -> messages.get(lang, "result.previous.text",
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale()).format(p.completedAt().atZone(BERLIN)),
            decimal(lang, p.score()), decimal(lang, score.value()))).orElse(null));
        return model;
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
        boolean sme = SizeClass.valueOf(a.sizeClass()).isSme();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale());
        List<Programme> list = new ArrayList<>();
        for (FundingProgramme p : funding.matching(a.ags(), sme, levels)) {
            list.add(new Programme(p.name().in(lang), messages.get(lang, "result.funding.provider", p.provider()),
                p.summary().in(lang), p.url(),
                p.validUntil() == null ? null : messages.get(lang, "result.funding.until", date.format(p.validUntil())),
                messages.get(lang, "result.funding.link", p.name().in(lang))));
        }
        return list;
    }

    private String levelName(Language lang, int level) {
        return messages.get(lang, "result.level." + level);
    }

    private static String decimal(Language lang, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
