package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.funding.FundingAdvisor;
import de.digitalcheck.portal.funding.FundingRanking;
import de.digitalcheck.portal.readiness.ResultSummary.Capping;
import de.digitalcheck.portal.readiness.ResultSummary.DimensionRow;
import de.digitalcheck.portal.readiness.ResultSummary.Programme;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.text.NumberFormat;
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
    private final BeanProvider<PostalCodeDirectory> directory;
    private final de.digitalcheck.portal.shared.config.PortalSettings settings;

    ResultSummaries(Questionnaires questionnaires, SelfCheck selfCheck, Router router, PeerBenchmark peers,
                    FundingAdvisor funding, Messages messages, BeanProvider<PostalCodeDirectory> directory,
                    de.digitalcheck.portal.shared.config.PortalSettings settings) {
        this.directory = directory;
        this.settings = settings;
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
            List.copyOf(rows), chart, benchmarkText, programmes(lang, q, a, score.level().number(), levels),
            agency.orElse(null),
            // no territory covers the location: the network's fallback queue, which the network's team answers
            messages.get(lang, agency.isPresent() ? "result.agency.intro" : "result.agency.fallback", location,
                settings.networkName()),
            messages.get(lang, "result.version", q.version(), q.scoringVersion()),
            previous(a).map(p -> messages.get(lang, "result.previous.text", date(lang, p.completedAt()),
                decimal(lang, p.result().score()), decimal(lang, score.value()))).orElse(null),
            // the highest level: nothing left that "still limits" it
            messages.get(lang, score.level() == Level.TOP_PERFORMER ? "result.interpretation.top"
                : "result.interpretation." + score.level().group().code()),
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

    /** The funding programmes that fit, best first, each with one line on why. */
    private List<Programme> programmes(Language lang, Questionnaire q, Assessment a, int level,
                                       Map<String, Integer> levels) {
        CompanyProfile company = a.company();
        List<FundingRanking.Match> matches = funding.ranked(
            new FundingRanking.Company(company.ags(), company.sizeClass().isSme(), level, levels));
        List<Programme> list = new ArrayList<>();
        for (FundingRanking.Match m : matches) {
            Language providerLanguage = m.programme().providerLanguage(lang);
            list.add(new Programme(m.programme().name().in(lang), messages.get(lang, "result.funding.provider"),
                m.programme().providerIn(lang), providerLanguage == lang ? null : providerLanguage.code(),
                m.programme().summary().in(lang),
                m.programme().url(), reason(lang, q, company, m),
                messages.get(lang, "result.funding.link", m.programme().name().in(lang))));
        }
        return List.copyOf(list);
    }

    /**
     * Why a programme fits, in one line: the areas it serves (the weakest ones where it serves them), for whom and
     * where, and until when one can apply, e.g. "Passt zu Ihren schwächsten Bereichen Smart Factory und
     * Mitarbeiter:innen; für KMU in Hagen; Antrag bis 31.12.2029".
     */
    String reason(Language lang, Questionnaire q, CompanyProfile company, FundingRanking.Match m) {
        boolean weakest = !m.weakest().isEmpty();
        List<String> areas = weakest ? m.weakest() : m.areas();
        List<String> titles = areas.stream().map(d -> q.dimension(d).orElseThrow().title().in(lang)).toList();
        List<String> parts = new ArrayList<>();
        parts.add(messages.get(lang, "result.funding.reason." + (weakest ? "weakest" : "areas")
            + (titles.size() == 1 ? ".one" : ".many"), list(lang, titles)));
        parts.add(messages.get(lang, m.programme().smeOnly() ? "result.funding.reason.sme" : "result.funding.reason.all",
            place(lang, company, m.region())));
        if (m.programme().validUntil() != null) {
            parts.add(messages.get(lang, m.closingSoon() ? "result.funding.reason.soon" : "result.funding.reason.until",
                Dates.date(lang, m.programme().validUntil())));
        }
        return String.join("; ", parts);
    }

    /** Where a programme is offered, seen from the company: its state, its municipality, or all of Germany. */
    private String place(Language lang, CompanyProfile company, @Nullable String region) {
        if (region == null) {
            return messages.get(lang, "result.funding.reason.germany");
        }
        if (region.length() == 2) {
            // a state's name in the page's language (the postal-code table names it in German only)
            String key = "result.state." + region;
            return messages.find(lang, key).orElseGet(() -> directory.get().regionName(region).orElse(region));
        }
        if (company.municipality() != null && !company.municipality().isBlank()) {
            return company.municipality();
        }
        return directory.get().regionName(region).orElse(region);
    }

    /** "A", "A und B", "A, B und C". */
    private String list(Language lang, List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + messages.get(lang, "result.funding.and")
            + " " + items.get(items.size() - 1);
    }

    private String levelLabel(Language lang, int level) {
        return messages.get(lang, "result.level", level, messages.get(lang, "result.level." + level));
    }

    private static String date(Language lang, java.time.Instant at) {
        return at == null ? "" : Dates.date(lang, at);
    }

    /** A score as the portal shows it: one decimal, with the language's separator ({@code 2,8}, {@code 2.8}). */
    public static String decimal(Language lang, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
