package de.digitalcheck.portal.report;

import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.readiness.internal.CompanyInput;
import de.digitalcheck.portal.readiness.internal.ContactInput;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.Answers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** Completed checks and report models for the report's tests, the sample PDF and the benchmark. */
public final class ReportFixtures {

    public static final Appointment APPOINTMENT = new Appointment(
        ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
        ZonedDateTime.of(2026, 12, 3, 11, 0, 0, 0, ZoneId.of("Europe/Berlin")),
        "Dominik Coach", MeetingMode.ON_SITE, "Musterstraße 12, 44135 Dortmund");

    /** A link back to the online result with a realistic token (letters, digits, "-" and "_"). */
    static final String RESULT_URL = "https://digitalcheck.example.org/check/K5_7wHY4IlS_WL-KtAQ0kH-rlBc1H_4e0R8gma-Fmyg/result";

    private ReportFixtures() {
    }

    /**
     * The demo company of worked example 1 (docs/scoring.md): strategy and employees 3, factory and services 1,
     * operations and products 2 (each dimension capped by its weakest answer).
     */
    public static DemoCheck demoCheck(SelfCheck selfCheck, Questionnaire q, Language language) {
        Map<String, Integer> levels = Map.of("strategy", 3, "factory", 1, "operations", 2, "products", 2,
            "services", 1, "employees", 3);
        Map<String, String> answers = Answers.choose(q, CompanyType.OWN_PRODUCTS, x -> levels.get(x.dimension())
            + (x.id().endsWith("-2") && levels.get(x.dimension()) < 5 ? 1 : 0));
        SelfCheck.Started started = selfCheck.submit(
            new CompanyInput("Muster Metallbau GmbH", "44135", null, "C", "42", "OWN_PRODUCTS"),
            new ContactInput("Erika Mustermann", "erika.mustermann@example.org", "+49 231 1234567"), answers, language);
        return new DemoCheck(selfCheck.view(started.assessment()), started.token());
    }

    /** The demo company's completed check as other modules see it, and its private token. */
    public record DemoCheck(Assessment assessment, String token) {
    }

    /** Eight completed checks of the demo company's sector and size class, with random levels (a peer group). */
    public static void seedPeers(SelfCheck selfCheck, Questionnaire q) {
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 8; i++) {
            Map<String, String> answers = Answers.choose(q, CompanyType.OWN_PRODUCTS, x -> 1 + random.nextInt(4));
            selfCheck.submit(new CompanyInput("Peer " + i, "44135", null, "C", String.valueOf(20 + i), "OWN_PRODUCTS"),
                null, answers, Language.DE);
        }
    }

    public static ReportModel model(ResultSummary summary, Language language, Appointment appointment) {
        return new ReportModel(language, summary, RESULT_URL, appointment, "InDieRegionRuhr4.0", LocalDate.of(2026, 11, 26));
    }

    /** The summary with another introduction to the agency (to move what follows it down the pages). */
    public static ResultSummary introducedBy(ResultSummary s, String agencyIntro) {
        return new ResultSummary(s.companyName(), s.completedAt(), s.score(), s.levelLabel(), s.dimensions(),
            s.chart(), s.benchmark(), s.programmes(), s.agency(), agencyIntro, s.version(), s.previous(),
            s.interpretation(), s.potential(), s.actions());
    }

    /** The summary with another company name (to try hostile names beyond the form's rules). */
    public static ResultSummary named(ResultSummary s, String name) {
        return new ResultSummary(name, s.completedAt(), s.score(), s.levelLabel(), s.dimensions(),
            s.chart(), s.benchmark(), s.programmes(), s.agency(), s.agencyIntro(), s.version(), s.previous(),
            s.interpretation(), s.potential(), s.actions());
    }

    /** The summary with other funding programmes. */
    public static ResultSummary withProgrammes(ResultSummary s, java.util.List<ResultSummary.Programme> programmes) {
        return new ResultSummary(s.companyName(), s.completedAt(), s.score(), s.levelLabel(), s.dimensions(),
            s.chart(), s.benchmark(), programmes, s.agency(), s.agencyIntro(), s.version(), s.previous(),
            s.interpretation(), s.potential(), s.actions());
    }
}
