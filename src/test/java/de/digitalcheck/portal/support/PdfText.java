package de.digitalcheck.portal.support;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text of a PDF, page after page, as iText extracts it (for assertions on reports). */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        StringBuilder all = new StringBuilder();
        pages(pdf).forEach(page -> all.append(page).append('\n'));
        return all.toString();
    }

    /** The text of each page, the first page first. */
    public static java.util.List<String> pages(byte[] pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            java.util.List<String> pages = new java.util.ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                pages.add(PdfTextExtractor.getTextFromPage(document.getPage(page)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
