package de.digitalcheck.portal.report;

import de.digitalcheck.portal.support.PdfText;
import com.itextpdf.kernel.geom.Point;
import com.itextpdf.kernel.geom.Subpath;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.PathRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import com.itextpdf.kernel.pdf.tagging.IStructureNode;
import com.itextpdf.kernel.pdf.tagging.PdfStructElem;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.readiness.RadarChart;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PDF report as iText renders it from a real completed check: valid PDF/UA-1 by veraPDF in every variant,
 * the facts readable as text, the chart drawn with the result's values, hostile names harmless.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRendererIntegrationTest {

    /** Where the rendered files are left for a look (pdftoppm). */
    static final Path OUT = Path.of("target", "reports");

    @Inject
    SelfCheck selfCheck;
    @Inject
    Questionnaires questionnaires;
    @Inject
    ResultSummaries summaries;
    @Inject
    ReportRenderer renderer;

    final Map<Language, ResultSummary> results = new EnumMap<>(Language.class);

    @BeforeAll
    void completeTheDemoCheck() {
        ReportFixtures.seedPeers(selfCheck, questionnaires.current());
        ReportFixtures.DemoCheck check = ReportFixtures.demoCheck(selfCheck, questionnaires.current(), Language.DE);
        for (Language language : Language.values()) {
            results.put(language, summaries.summarise(language, check.assessment()));
        }
    }

    byte[] render(Language language, boolean booked, String name) {
        ResultSummary summary = name == null ? results.get(language) : ReportFixtures.named(results.get(language), name);
        byte[] pdf = renderer.render(ReportFixtures.model(summary, language, booked ? ReportFixtures.APPOINTMENT : null));
        try {
            Files.createDirectories(OUT);
            Files.write(OUT.resolve("report-" + language.code() + (booked ? "-booked" : "") + (name == null ? "" : "-hostile-" + Integer.toHexString(name.hashCode()))
                + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf;
    }

    @ParameterizedTest(name = "{0}, booked: {1}")
    @CsvSource({"DE, false", "DE, true", "EN, false", "EN, true"})
    void everyVariantIsPdfUa1WithoutAFailedRule(Language language, boolean booked) {
        byte[] pdf = render(language, booked, null);
        assertThat(PdfUa.failures(pdf)).isEmpty();
        assertThat(pdf.length).isLessThan(250 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DE", "EN"})
    void theTextNamesTheCompanyEveryAreaWithItsLevelAndTheAgency(Language language) {
        ResultSummary result = results.get(language);
        String text = PdfText.of(render(language, false, null));
        assertThat(text).contains("Muster Metallbau GmbH", result.levelLabel(), result.score(),
            "Wirtschaftsförderung Dortmund", "Grüne Straße 2-8, 44147 Dortmund", result.version());
        for (ResultSummary.DimensionRow row : result.dimensions()) {
            // a percentage as the language writes it: "25 %" in German, "25%" in English
            assertThat(oneLine(text)).contains(row.title() + " " + row.weight() + (language == Language.DE ? " % " : "% ")
                + row.level());
        }
        assertThat(text).contains(language == Language.DE ? "Stufe 1 · Anfänger" : "Level 1 · Beginner")
            .as("one name per level: the groups of levels are not shown as names")
            .doesNotContain("Neulinge", "Einsteiger", "Vorreiter", "Newcomers", "Learners", "Leaders");
        assertThat(oneLine(text)).contains(result.benchmark());
    }

    @ParameterizedTest
    @CsvSource({"DE", "EN"})
    void theFundingProgrammesFollowInTheirRankedOrderEachWithWhyItFits(Language language) {
        ResultSummary result = results.get(language);
        assertThat(result.programmes()).hasSizeGreaterThan(ResultSummary.FUNDING_FIRST);
        String text = oneLine(PdfText.of(render(language, false, null)));
        int from = text.indexOf(language == Language.DE ? "Passende Förderprogramme" : "Matching funding programmes");
        assertThat(from).isPositive();
        for (ResultSummary.Programme programme : result.programmes()) {
            int at = text.indexOf(programme.name() + " " + programme.reason(), from);
            assertThat(at).as(programme.name() + " after the one before it, with its reason").isGreaterThan(from);
            from = at;
        }
    }

    @Test
    void theBookedAppointmentIsShownOnlyWhenThereIsOne() {
        String booked = PdfText.of(render(Language.DE, true, null));
        assertThat(booked).contains("Dominik Coach", "Donnerstag, 3. Dezember 2026, 10:00 bis 11:00 Uhr",
            "Vor Ort im Unternehmen", "Musterstraße 12, 44135 Dortmund");
        String none = PdfText.of(render(Language.DE, false, null));
        assertThat(none).doesNotContain("Dominik Coach").contains("Sie haben noch keinen Termin gebucht.");
        assertThat(PdfText.of(render(Language.EN, true, null))).contains("Thursday, 3 December 2026, 10:00 to 11:00", "On site at the company");
    }

    @Test
    void datesAreWrittenInTheReportLanguagesOneStyle() {
        String german = oneLine(PdfText.of(render(Language.DE, true, null)));
        assertThat(german).contains("Erstellt am 26.11.2026").doesNotContain("26. November 2026");
        String english = oneLine(PdfText.of(render(Language.EN, true, null)));
        assertThat(english).contains("Created on 26 Nov 2026", "Thursday, 3 December 2026")
            .doesNotContain("November 26, 2026", "December 3, 2026");
    }

    @Test
    void theDrawnChartHasTheResultsValues() throws IOException {
        ResultSummary result = results.get(Language.DE);
        RadarChart chart = result.chart();
        List<Point> drawn = filledPolygon(render(Language.DE, false, null));
        assertThat(drawn).hasSize(chart.points().size());
        for (int i = 0; i < drawn.size(); i++) {
            RadarChart.Point expected = chart.points().get(i);
            assertThat(drawn.get(i).getX()).isCloseTo(expected.x(), within(0.01));
            assertThat(chart.height() - drawn.get(i).getY()).isCloseTo(expected.y(), within(0.01));
            double value = chart.valueAt(new RadarChart.Point(drawn.get(i).getX(), chart.height() - drawn.get(i).getY()));
            assertThat(value).isCloseTo(chart.axes().get(i).value(), within(0.001));
        }
        assertThat(chart.axes()).extracting(RadarChart.Axis::value).containsExactly(3, 1, 2, 2, 1, 3);
        assertThat(chart.peerPoints()).as("the peer group's polygon is drawn too").hasSize(6);
    }

    @Test
    void theChartIsAFigureWhoseAlternativeTextGivesEveryValue() throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(render(Language.DE, false, null))))) {
            List<PdfStructElem> figures = new ArrayList<>();
            collect(pdf.getStructTreeRoot().getKids(), "Figure", figures);
            assertThat(figures).hasSize(2); // the chart and the QR code
            String alt = figures.stream().map(f -> f.getAlt() == null ? "" : f.getAlt().toUnicodeString())
                .filter(a -> a.startsWith("Netzdiagramm")).findFirst().orElseThrow();
            for (ResultSummary.DimensionRow row : results.get(Language.DE).dimensions()) {
                assertThat(alt).contains(row.title() + " Stufe " + results.get(Language.DE).chart().axes().stream()
                    .filter(a -> a.label().equals(row.title())).findFirst().orElseThrow().value());
            }
            assertThat(alt).contains("Durchschnitt der Vergleichsgruppe");
            assertThat(pdf.getCatalog().getLang().toUnicodeString()).isEqualTo("de");
            assertThat(pdf.getDocumentInfo().getTitle()).isEqualTo("Digitalcheck 4.0 – Bericht für Muster Metallbau GmbH");
            assertThat(pdf.getOutlines(false).getAllChildren()).extracting(o -> o.getTitle())
                .startsWith("Ihr Bericht zum digitalen Reifegrad", "Ihre sechs Bereiche");
        }
    }

    /**
     * The agency's contact — name, address, email, phone — is read as one block: it once broke across pages (address
     * and email at the foot of one, the phone on the next). With the text above it one line longer at a time, so that
     * the block meets the end of a page somewhere, it is always on one page.
     */
    @Test
    void theAgencysContactIsNeverSplitAcrossPages() {
        ResultSummary result = results.get(Language.DE);
        var agency = result.agency();
        assertThat(agency).isNotNull();
        assertThat(agency.phone()).isNotNull();
        java.util.Set<Integer> pagesSeen = new java.util.TreeSet<>();
        for (int lines = 0; lines <= 60; lines += 2) {
            String intro = result.agencyIntro() + " Weitere Angaben zur Wirtschaftsförderung, eine Zeile lang, damit"
                + " der Kontaktblock darunter weiter nach unten rückt.".repeat(lines);
            byte[] pdf = renderer.render(ReportFixtures.model(ReportFixtures.introducedBy(result, intro), Language.DE,
                null));
            List<String> pages = PdfText.pages(pdf);
            int email = pageOf(pages, agency.email());
            int phone = pageOf(pages, agency.phone());
            int address = pageOf(pages, agency.address());
            assertThat(List.of(email, phone, address)).as("%d lines more: the contact on one page", lines)
                .containsOnly(email);
            pagesSeen.add(email);
            // the heading with the whole sentence that introduces the contact is never left at a page's foot without
            // it (the heading and "Für Ihren Standort … ist zuständig:" once ended one page, the contact began the next)
            int heading = pageOfLine(pages, "Ihre Wirtschaftsförderung");
            int introEnd = pageOf(pages, lines == 0 ? result.agencyIntro() : "weiter nach unten rückt.");
            if (heading == introEnd) {
                assertThat(email).as("%d lines more: the heading and its introduction with the contact", lines)
                    .isEqualTo(heading);
            }
        }
        assertThat(pagesSeen).as("the block was moved onto another page at least once").hasSizeGreaterThan(1);
    }

    /** The last page with a line that is exactly {@code line} (a heading), 1-based; 0 if none has. */
    static int pageOfLine(List<String> pages, String line) {
        for (int i = pages.size() - 1; i >= 0; i--) {
            if (pages.get(i).lines().anyMatch(l -> l.strip().equals(line))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The last page whose text contains {@code text}, 1-based; 0 if none does. */
    static int pageOf(List<String> pages, String text) {
        for (int i = pages.size() - 1; i >= 0; i--) {
            if (pages.get(i).replace("\n", " ").contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void hostileAndUnusualNamesStayValidAndReadable() {
        String longMarkup = "<script>alert('x')</script> Größe Übermaß & Söhne " + "Langername".repeat(26);
        for (String name : List.of(longMarkup, "شركة الاختبار GmbH", "חברת בדיקה בע\"מ", "Rakete 🚀 GmbH 👩‍🔧",
            "\u202Eevil\u202C Zero\u200BWidth", "ÄÖÜäöüß ẞ €")) {
            byte[] pdf = render(Language.DE, true, name);
            assertThat(PdfUa.failures(pdf)).as(name).isEmpty();
            String text = oneLine(PdfText.of(pdf));
            assertThat(text).as(name).contains("Ihr Bericht zum digitalen Reifegrad", "Wirtschaftsförderung Dortmund");
        }
        assertThat(oneLine(PdfText.of(render(Language.DE, false, longMarkup)))).contains("<script>alert('x')</script>",
            "Größe Übermaß & Söhne");
        assertThat(PdfText.of(render(Language.DE, false, "ÄÖÜäöüß ẞ €"))).contains("ÄÖÜäöüß ẞ €");
        // Hebrew is drawn right to left: glyphs read off the page from left to right come out reversed
        assertThat(PdfText.of(render(Language.DE, false, "שלום"))).contains("םולש").doesNotContain("שלום");
    }

    @Test
    void reportsRenderedAtTheSameTimeAreAllIntact() throws Exception {
        ReportModel model = ReportFixtures.model(results.get(Language.DE), Language.DE, ReportFixtures.APPOINTMENT);
        byte[] alone = renderer.render(model);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> renderer.render(model)));
            }
            for (java.util.concurrent.Future<byte[]> future : futures) {
                byte[] pdf = future.get();
                assertThat(pdf.length).isCloseTo(alone.length, within(64)); // ids and dates differ a little
                assertThat(PdfText.of(pdf)).contains("Muster Metallbau GmbH");
            }
        } finally {
            pool.shutdown();
        }
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The points of the chart's filled polygon (the company's shape), read from the drawn form XObject. */
    static List<Point> filledPolygon(byte[] pdf) throws IOException {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PdfDictionary xobjects = document.getPage(page).getResources().getResource(PdfName.XObject);
                if (xobjects == null) {
                    continue;
                }
                for (PdfName name : xobjects.keySet()) {
                    PdfStream stream = xobjects.getAsStream(name);
                    PdfFormXObject form = new PdfFormXObject(stream);
                    if (form.getBBox().getAsNumber(2).floatValue() != 640f) {
                        continue;
                    }
                    List<Point> points = new ArrayList<>();
                    new PdfCanvasProcessor(new FilledPaths(points)).processContent(stream.getBytes(), form.getResources());
                    return points;
                }
            }
        }
        throw new AssertionError("no chart in the report");
    }

    /**
     * A programme's provider in German on an English report (the programme has no English provider) is a span in
     * German, as the result page marks it: it was read out with the English report's language.
     */
    @Test
    void aProviderNamedInGermanOnAnEnglishReportIsASpanInGerman() throws IOException {
        ResultSummary english = results.get(Language.EN);
        assertThat(english.programmes()).isNotEmpty();
        ResultSummary.Programme first = english.programmes().get(0);
        List<ResultSummary.Programme> programmes = new ArrayList<>(english.programmes());
        programmes.set(0, new ResultSummary.Programme(first.name(), first.providerLabel(),
            "Stadt Herne, Wirtschaftsförderung", "de", first.summary(), first.url(), first.reason(), first.linkLabel()));
        byte[] marked = renderer.render(ReportFixtures.model(ReportFixtures.withProgrammes(english, programmes),
            Language.EN, null));
        byte[] plain = renderer.render(ReportFixtures.model(english, Language.EN, null));
        assertThat(PdfUa.failures(marked)).isEmpty();
        assertThat(PdfText.of(marked)).contains("Provided by Stadt Herne, Wirtschaftsförderung");
        assertThat(germanSpans(marked)).isEqualTo(germanSpans(plain) + 1);
        assertThat(germanSpans(renderer.render(ReportFixtures.model(results.get(Language.DE), Language.DE, null))))
            .as("German on a German report is no other language").isZero();
    }

    private static long germanSpans(byte[] bytes) throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)))) {
            List<PdfStructElem> spans = new ArrayList<>();
            collect(pdf.getStructTreeRoot().getKids(), "Span", spans);
            return spans.stream().filter(s -> s.getLang() != null && s.getLang().toUnicodeString().equals("de")).count();
        }
    }

    static void collect(List<IStructureNode> kids, String role, List<PdfStructElem> found) {
        if (kids == null) {
            return;
        }
        for (IStructureNode kid : kids) {
            if (kid instanceof PdfStructElem elem) {
                if (elem.getRole().getValue().equals(role)) {
                    found.add(elem);
                }
                collect(elem.getKids(), role, found);
            }
        }
    }

    /** Collects the corner points of filled paths. */
    record FilledPaths(List<Point> points) implements IEventListener {
        @Override
        public void eventOccurred(IEventData data, EventType type) {
            if (data instanceof PathRenderInfo path && (path.getOperation() & PathRenderInfo.FILL) != 0) {
                for (Subpath subpath : path.getPath().getSubpaths()) {
                    points.add(subpath.getStartPoint());
                    subpath.getSegments().forEach(s -> points.add(s.getBasePoints().get(s.getBasePoints().size() - 1)));
                    if (points.size() > 1 && points.get(points.size() - 1).distance(subpath.getStartPoint()) < 1e-6) {
                        points.remove(points.size() - 1); // the closing segment back to the start
                    }
                }
            }
        }

        @Override
        public Set<EventType> getSupportedEvents() {
            return Set.of(EventType.RENDER_PATH);
        }
    }

    /**
     * Emoji in a name are shown (Noto Emoji), not turned into "?"; a character no embedded font has (CJK) is left out
     * with the rest readable; names mixing Arabic or Hebrew with Latin render without any error logged; all PDF/UA.
     * A word wider than the cover's line followed by an emoji or a Greek letter (runs in other fonts) was forced apart
     * by iText, which then logged an error and left the tag of the rest out: it breaks within the word now, and only
     * such a word does.
     */
    @Test
    void emojiAndMixedScriptsInANameAreShownWithoutErrorsAndNothingBecomesAQuestionMark() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
            new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            for (String name : List.of("Rakete 🚀 GmbH", "Müller شركة GmbH & חברה בע\"מ", "ملابس Mode-Haus (Dortmund) GmbH",
                "Ünal Yılmaz 🇹🇷 شركة", "Café ☕ 東京 Söhne", "X".repeat(45) + " 😀 Ω")) {
                byte[] pdf = render(Language.DE, true, name);
                assertThat(PdfUa.failures(pdf)).as(name).isEmpty();
            }
            // by this thread, which renders: another test's pool warning on its own thread is none of the report's
            String renderer = Thread.currentThread().getName();
            assertThat(logs.list).as("nothing logged while rendering")
                .noneMatch(e -> e.getThreadName().equals(renderer)
                    && e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
        } finally {
            root.detachAppender(logs);
        }
        // a word wider than the cover's line, then runs in other fonts: broken within the word, all of it there
        String wide = PdfText.of(render(Language.DE, false, "X".repeat(45) + " 😀 Ω")).replaceAll("\\s+", "");
        assertThat(wide).contains("X".repeat(45) + "😀Ω");
        // a long word that fits a line moves to the next one whole
        String compound = "Digitalisierungsberatungsgesellschaft";
        assertThat(PdfText.of(render(Language.DE, false, "Müller & Söhne Werkzeugbau " + compound + " mbH")))
            .contains(compound);
        String rocket = oneLine(PdfText.of(render(Language.DE, false, "Rakete 🚀 GmbH")));
        assertThat(rocket).contains("Rakete 🚀 GmbH").doesNotContain("Rakete ? GmbH");
        String cafe = oneLine(PdfText.of(render(Language.DE, false, "Café ☕ 東京 Söhne")));
        assertThat(cafe).as("what no font has is left out, the rest readable").contains("Café ☕ Söhne")
            .doesNotContain("Café ☕ ? Söhne", "Café ? Söhne", "東京");
    }
}
