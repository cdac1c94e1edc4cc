package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.PdfText;
import io.micronaut.context.BeanContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Funding programmes matched to the company: a level-0 and a level-3 company in Hagen and a level-0 company in Ratingen
 * (Kreis Mettmann, not in the Ruhr region) see different programmes, best first, each with why; the PDF report lists
 * them in the same order. Run against H2 and against MySQL/MariaDB (the migrated region) by the subclasses.
 */
abstract class FundingMatchContract {

    static final String HAGEN = "58095";
    static final String RATINGEN = "40878";
    static final Pattern PROGRAMME = Pattern.compile(
        "<p class=\"kern-body kern-body--bold\">([^<]+)</p>\\s*<p class=\"kern-body dc-reason\">([^<]+)</p>");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;

    Http http;

    /** Matches on a fixed day, whatever day the tests run: the seed programmes have ends ({@link FundingOnADay}). */
    @MockBean(FundingAdvisor.class)
    FundingAdvisor advisorOnADay(BeanContext context) {
        return FundingOnADay.advisor(context);
    }

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
    }

    /** A programme as the result page shows it: its name and the line on why it fits. */
    record Shown(String name, String reason) {
    }

    /** The funding section of a result page: the programmes shown first, and those in the disclosure. */
    record Funding(List<Shown> first, List<Shown> more, String html) {

        List<String> names() {
            List<String> names = new ArrayList<>();
            first.forEach(s -> names.add(s.name()));
            more.forEach(s -> names.add(s.name()));
            return names;
        }
    }

    CompletedChecks.Completed check(String name, String postalCode, int level, String language) {
        return CompletedChecks.of(questionnaires.current()).named(name).at(postalCode).sized("C", 20).level(level)
            .in(language).submit(http);
    }

    Funding funding(CompletedChecks.Completed check, String lang) {
        String page = http.get(check.resultPath() + "?lang=" + lang).body();
        int start = page.indexOf("id=\"funding\"");
        int end = page.indexOf("aria-labelledby=\"dimensions-title\"");
        assertThat(start).as("the funding block is part of the next steps, before the areas").isPositive().isLessThan(end);
        String html = page.substring(start, end);
        int details = html.indexOf("<details");
        return new Funding(shown(details < 0 ? html : html.substring(0, details)),
            details < 0 ? List.of() : shown(html.substring(details)), html);
    }

    static List<Shown> shown(String html) {
        List<Shown> list = new ArrayList<>();
        Matcher m = PROGRAMME.matcher(html);
        while (m.find()) {
            list.add(new Shown(unescape(m.group(1)), unescape(m.group(2))));
        }
        return list;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    @Test
    void theRuhrVoucherHasTheFifteenRuhrPrefixesAndNoMore() {
        Object region = new Database(dataSource).value("SELECT region_ags FROM funding_programme WHERE id = ?",
            "innoscheck-ruhr");
        assertThat(FundingProgramme.regionsOf((String) region)).containsExactlyInAnyOrder("05112", "05113", "05117",
            "05119", "05170", "05512", "05513", "05562", "05911", "05913", "05914", "05915", "05916", "05954", "05978");
        assertThat(new Database(dataSource).value("SELECT region_ags FROM funding_programme WHERE id = ?",
            "nrw-bank-digitalisierung-innovation")).isEqualTo("05");
    }

    @Test
    void everySeedProgrammeHasItsProviderInEnglish() {
        Database db = new Database(dataSource);
        List<String> seed = List.of("zim", "go-inno", "mid-digitalisierung", "mid-innovation",
            "nrw-bank-digitalisierung-innovation", "kfw-erp-foerderkredit-digitalisierung", "innoscheck-ruhr",
            "mittelstand-digital-zentrum-ruhr-owl", "digital-jetzt", "go-digital");
        for (String id : seed) {
            assertThat((String) db.value("SELECT provider_en FROM funding_programme WHERE id = ?", id)).as(id)
                .isNotBlank().doesNotContain("Bundesministerium", "Wirtschaftsförderung", "Land ");
        }
        assertThat(db.value("SELECT provider_en FROM funding_programme WHERE id = ?", "mid-innovation"))
            .isEqualTo("State of North Rhine-Westphalia (MWIKE), project management agency Jülich");
    }

    @Test
    void hagenAtLevelZeroHagenAtLevelThreeAndRatingenSeeDifferentProgrammesWithReasons() {
        Funding hagen0 = funding(check("Hagener Drahtwerk", HAGEN, 0, "de"), "de");
        Funding hagen3 = funding(check("Hagener Präzision", HAGEN, 3, "de"), "de");
        Funding ratingen = funding(check("Ratinger Metall", RATINGEN, 0, "de"), "de");

        assertThat(hagen0.names()).isNotEqualTo(hagen3.names()).isNotEqualTo(ratingen.names());
        assertThat(hagen3.names()).isNotEqualTo(ratingen.names());
        for (Funding f : List.of(hagen0, hagen3, ratingen)) {
            assertThat(f.first()).hasSize(3);
            assertThat(f.more()).isNotEmpty();
            assertThat(f.html()).contains("Weitere passende Programme (" + f.more().size() + ")");
            assertThat(f.names()).doesNotHaveDuplicates()
                .as("closed programmes are never offered")
                .doesNotContain("Digital Jetzt – Investitionsförderung für KMU", "go-digital",
                    "Mittelstand Innovativ & Digital (MID) – MID-Innovation");
            assertThat(f.first()).allSatisfy(s -> assertThat(s.reason()).startsWith("Passt zu Ihre")
                .containsPattern("; für (KMU|Unternehmen) in "));
        }

        // Hagen, level 0: the Ruhr voucher for small companies first, for the weakest areas it serves
        assertThat(hagen0.first().get(0)).isEqualTo(new Shown("InnoScheck.Ruhr",
            "Passt zu Ihren schwächsten Bereichen Strategie & Organisation, Smart Factory und Smart Operations; "
                + "für KMU in Hagen"));
        assertThat(hagen0.names()).contains("BMWE-Innovationsgutscheine (go-inno)");
        assertThat(hagen0.more()).anySatisfy(s -> assertThat(s).isEqualTo(new Shown(
            "Mittelstand Innovativ & Digital (MID) – MID-Digitalisierung",
            "Passt zu Ihren schwächsten Bereichen Smart Products und Datengetriebene Dienste; "
                + "für KMU in Nordrhein-Westfalen; Antrag bis 31.12.2029")));

        // Hagen, level 3: nothing that stops at level 2
        assertThat(hagen3.names()).doesNotContain("InnoScheck.Ruhr", "BMWE-Innovationsgutscheine (go-inno)")
            .startsWith("Mittelstand-Digital Zentrum Ruhr-OWL");

        // Ratingen lies in Kreis Mettmann: never the Ruhr voucher, but the NRW programmes
        assertThat(ratingen.html()).doesNotContain("InnoScheck");
        assertThat(ratingen.names()).contains("NRW.BANK.Digitalisierung und Innovation");
        assertThat(ratingen.first().get(0).name()).isEqualTo("Mittelstand-Digital Zentrum Ruhr-OWL");
        assertThat(ratingen.first()).anySatisfy(s -> assertThat(s.reason())
            .isEqualTo("Passt zu Ihren schwächsten Bereichen Strategie & Organisation, Smart Factory, Smart Operations und"
                + " Smart Products; für Unternehmen in Nordrhein-Westfalen"));
    }

    @Test
    void theReasonsAreInEnglishOnTheEnglishPageAndThePdfListsTheProgrammesInTheSameOrder() {
        CompletedChecks.Completed hagen = check("Hagen Wire Works", HAGEN, 0, "en");
        Funding english = funding(hagen, "en");
        assertThat(english.first().get(0)).isEqualTo(new Shown("InnoScheck.Ruhr innovation voucher",
            "Fits your weakest areas Strategy & organization, Smart Factory and Smart Operations; for SMEs in Hagen"));
        assertThat(english.html()).contains("More matching programmes (" + english.more().size() + ")");
        // a programme for the whole state names it in English (the postal-code table has only its German name)
        assertThat(english.more()).anySatisfy(s -> assertThat(s.reason()).endsWith("; for SMEs in North Rhine-Westphalia; apply by 31 Dec 2029"));
        assertThat(english.html()).doesNotContain("Nordrhein-Westfalen");
        // the providers in English too, none left in German
        assertThat(english.html()).contains(
            "Provided by In|Die RegionRuhr – the business development agencies of Bochum, Dortmund and Hagen",
            "Provided by Federal Ministry for Economic Affairs and Energy (BMWE)")
            .doesNotContain("Wirtschaftsförderungen Bochum", "Bundesministerium", "Träger");
        assertThat(funding(hagen, "de").html()).contains(
            "Träger: In|Die RegionRuhr – Wirtschaftsförderungen Bochum, Dortmund und Hagen",
            "Träger: Bundesministerium für Wirtschaft und Energie (BMWE)").doesNotContain("Provided by", "Federal");

        String pdf = PdfText.of(http.getBytes(hagen.path("reportUrl")).body()).replaceAll("\\s+", " ");
        int from = pdf.indexOf("Matching funding programmes");
        assertThat(from).isPositive();
        List<Shown> all = new ArrayList<>(english.first());
        all.addAll(english.more());
        for (Shown s : all) {
            int at = pdf.indexOf(s.name() + " " + s.reason(), from);
            assertThat(at).as(s.name()).isGreaterThan(from);
            from = at;
        }
        assertThat(pdf).contains("In|Die RegionRuhr – the business development agencies of Bochum, Dortmund and Hagen")
            .doesNotContain("Wirtschaftsförderungen Bochum", "Nordrhein-Westfalen", " %").contains("25%");
    }
}
