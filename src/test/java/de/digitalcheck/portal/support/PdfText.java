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
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                all.append(PdfTextExtractor.getTextFromPage(document.getPage(page))).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
