package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.shared.i18n.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell a spreadsheet could read as a formula, every phone number and every postcode is written with a leading
 * quote and read back as written; the German file separates its cells with {@code ;}, the English one with {@code ,}.
 */
class InboxCsvTest {

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\";\"x\")", "+SUM(A1)",
        "-2+3", "@SUMME(A1:A9)", "\t=1+1", "\r=1+1", "=1+1", "@x", "+1+cmd|' /C calc'!A0", "+49 231 12345+A1",
        "+49 231 12345=", "++49 231", "+", "+ ()-/.", "-49 231 12345", "+49\n231", "+49\t231", "+１２３");
    private static final List<String> PLAIN = List.of("Müller & Söhne; \"Präzision\" GmbH", "Zeile 1\nZeile 2",
        "44135", "", "a=b", "'schon zitiert", "Komma, Punkt. Semikolon;");
    /**
     * Phone numbers as the contact form takes them: text in every spreadsheet only with the quote ({@code +49-2302-1}
     * was a formula, {@code +492302123456} and {@code 02302123456} numbers, {@code (0231)} -231).
     */
    private static final List<String> PHONES = List.of("+49 231 12345", "+49 (0)231 123-45", "+49/231/12345",
        "+49.231.12345", "+1", "0231 12345", "(0231) 12345", "+49-2302-123456", "+492302123456", "02302123456",
        "(0231)");
    /** Postcodes: {@code 01067} (Dresden) was the number 1067 in a spreadsheet; the column is text in every cell. */
    private static final List<String> POSTCODES = List.of("01067", "04109", "44135", "99998");

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Language.class)
    void formulaCellsPhoneNumbersAndPostcodesAreQuotedAndEveryCellSurvivesAParserRoundTrip(Language language)
        throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, InboxCsv.format(language))) {
            printer.printRecord(FORMULAS.stream().map(InboxCsv::textCell).toList());
            printer.printRecord(PLAIN.stream().map(InboxCsv::cell).toList());
            printer.printRecord(PHONES.stream().map(InboxCsv::textCell).toList());
            printer.printRecord(POSTCODES.stream().map(InboxCsv::textCell).toList());
        }
        char separator = language == Language.EN ? ',' : ';';
        List<CSVRecord> records = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(separator).build()
            .parse(new StringReader(out.toString())).getRecords();

        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).containsExactlyElementsOf(FORMULAS.stream().map(s -> "'" + s).toList());
        assertThat(records.get(0).toList()).allSatisfy(cell -> assertThat(cell).startsWith("'"));
        assertThat(records.get(1).toList()).containsExactlyElementsOf(PLAIN);
        assertThat(records.get(2).toList()).containsExactlyElementsOf(PHONES.stream().map(s -> "'" + s).toList());
        assertThat(records.get(3).toList()).containsExactly("'01067", "'04109", "'44135", "'99998");
        assertThat(InboxCsv.cell(null)).isEmpty();
        assertThat(InboxCsv.cell(-5)).isEqualTo("'-5");
        assertThat(InboxCsv.cell("+12/3")).isEqualTo("'+12/3");
        assertThat(InboxCsv.cell("+49 231 12345")).isEqualTo("'+49 231 12345");
        // no phone number or postcode: an empty cell, not a lone quote
        assertThat(InboxCsv.textCell(null)).isEmpty();
        assertThat(InboxCsv.textCell("")).isEmpty();
    }

    /** German {@code ;} (its decimal mark is the comma), English {@code ,}; every cell quoted in both. */
    @Test
    void theSeparatorIsTheReadersSpreadsheetsAndEveryCellIsQuoted() throws Exception {
        assertThat(new InboxCsv.Texts(null, null, Language.DE).format().getDelimiterString()).isEqualTo(";");
        assertThat(new InboxCsv.Texts(null, null, Language.EN).format().getDelimiterString()).isEqualTo(",");
        StringWriter german = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(german, InboxCsv.format(Language.DE))) {
            printer.printRecord("2,5", "a;b", "x");
        }
        StringWriter english = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(english, InboxCsv.format(Language.EN))) {
            printer.printRecord("2.5", "a,b", "x");
        }
        assertThat(german.toString()).isEqualTo("\"2,5\";\"a;b\";\"x\"\r\n");
        assertThat(english.toString()).isEqualTo("\"2.5\",\"a,b\",\"x\"\r\n");
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
