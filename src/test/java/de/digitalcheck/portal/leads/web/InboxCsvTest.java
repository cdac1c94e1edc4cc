package de.digitalcheck.portal.leads.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell a spreadsheet could read as a formula is written with a leading quote, and read back as written. */
class InboxCsvTest {

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\";\"x\")", "+49 231 12345",
        "-2+3", "@SUMME(A1:A9)", "\t=1+1", "\r=1+1");
    private static final List<String> PLAIN = List.of("Müller & Söhne; \"Präzision\" GmbH", "Zeile 1\nZeile 2",
        "44135", "", "a=b", "'schon zitiert");

    @Test
    void formulaCellsAreNeutralisedAndEveryCellSurvivesAParserRoundTrip() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, InboxCsv.FORMAT)) {
            printer.printRecord(FORMULAS.stream().map(InboxCsv::cell).toList());
            printer.printRecord(PLAIN.stream().map(InboxCsv::cell).toList());
        }
        List<CSVRecord> records = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').build()
            .parse(new StringReader(out.toString())).getRecords();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList()).containsExactlyElementsOf(FORMULAS.stream().map(s -> "'" + s).toList());
        assertThat(records.get(0).toList()).allSatisfy(cell -> assertThat(cell).startsWith("'"));
        assertThat(records.get(1).toList()).containsExactlyElementsOf(PLAIN);
        assertThat(InboxCsv.cell(null)).isEmpty();
        assertThat(InboxCsv.cell(-5)).isEqualTo("'-5");
    }

    /** A German spreadsheet reads "2.5" as the 2nd of May: the German file writes the score with a decimal comma. */
    @Test
    void theScoreIsANumberInTheFilesLanguage() {
        InboxCsv.Texts german = new InboxCsv.Texts(null, null, de.digitalcheck.portal.shared.i18n.Language.DE);
        InboxCsv.Texts english = new InboxCsv.Texts(null, null, de.digitalcheck.portal.shared.i18n.Language.EN);
        assertThat(german.score(2.5)).isEqualTo("2,5");
        assertThat(german.score(3.0)).isEqualTo("3,0");
        assertThat(german.score(4.96)).isEqualTo("5,0");
        assertThat(english.score(2.5)).isEqualTo("2.5");
        assertThat(english.score(0.0)).isEqualTo("0.0");
        assertThat(german.score(null)).isNull();
    }

    /**
     * The router answers a HEAD with the GET route and drops the body: the file's body for a HEAD is empty without a
     * row read (no inbox here: a read would fail), for a GET it is the file (and here fails for want of one).
     */
    @Test
    void aHeadReadsNoRow() {
        InboxCsv.Texts texts = new InboxCsv.Texts(null, null, de.digitalcheck.portal.shared.i18n.Language.DE);
        assertThat(InboxCsv.body(io.micronaut.http.HttpRequest.HEAD("/agentur/leads.csv"), null, null, null, texts)
            .collectList().block()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InboxCsv.body(
                io.micronaut.http.HttpRequest.GET("/agentur/leads.csv"), null, null, null, texts).collectList().block())
            .isInstanceOf(NullPointerException.class);
    }
}
