package de.digitalcheck.portal.report;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfUAConformance;
import com.itextpdf.kernel.pdf.PdfVersion;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.CanvasArtifact;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.navigation.PdfDestination;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.pdfua.PdfUAConfig;
import com.itextpdf.pdfua.PdfUADocument;
import de.digitalcheck.portal.shared.i18n.Messages;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Renders the PDF report with iText as tagged PDF/UA-1: document language, title in the metadata (shown as the
 * window title), bookmarks for the sections, embedded font subsets; header and footer lines are artifacts.
 * The sections themselves come from {@link ReportSections}.
 */
@Singleton
public class ReportRenderer {

    static final float MARGIN = 56f;

    private final ReportFonts fonts = new ReportFonts();
    private final Messages messages;

    ReportRenderer(Messages messages) {
        this.messages = messages;
    }

    public byte[] render(ReportModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        String company = fonts.printable(model.result().companyName());
        String title = messages.get(model.language(), "report.metaTitle", company);
        WriterProperties properties = new WriterProperties().setPdfVersion(PdfVersion.PDF_1_7)
            .addPdfUaXmpMetadata(PdfUAConformance.PDF_UA_1).setFullCompressionMode(true);
        PdfUADocument pdf = new PdfUADocument(new PdfWriter(out, properties),
            new PdfUAConfig(PdfUAConformance.PDF_UA_1, title, model.language().locale().toLanguageTag()));
        pdf.getDocumentInfo().setAuthor(model.networkName()).setCreator("Digitalcheck 4.0")
            .setSubject(messages.get(model.language(), "report.title"));
        pdf.getCatalog().setPageMode(PdfName.UseOutlines);
        try (Document document = new Document(pdf, PageSize.A4, false)) {
            document.setMargins(MARGIN + 14, MARGIN, MARGIN + 8, MARGIN);
            document.setFontProvider(fonts.provider());
            document.setFontFamily(ReportFonts.FAMILY);
            ReportSections sections = new ReportSections(new ReportContext(model, messages, fonts, document, pdf));
            Map<String, String> bookmarks = sections.addAll();
            bookmarks(pdf, bookmarks);
            pageFrames(document, pdf, model, company);
        }
        return out.toByteArray();
    }

    private static void bookmarks(PdfUADocument pdf, Map<String, String> titles) {
        PdfOutline root = pdf.getOutlines(false);
        titles.forEach((destination, title) -> root.addOutline(title)
            .addDestination(PdfDestination.makeDestination(new PdfString(destination))));
    }

    /** Header, rule and "page n of m" on every page, as artifacts (not part of the reading order). */
    private void pageFrames(Document document, PdfUADocument pdf, ReportModel model, String company) {
        int pages = pdf.getNumberOfPages();
        float width = PageSize.A4.getWidth();
        float top = PageSize.A4.getHeight() - MARGIN + 18;
        String shortName = ReportFonts.visual(company.length() > 70 ? company.substring(0, 69) + "…" : company);
        for (int page = 1; page <= pages; page++) {
            PdfCanvas canvas = new PdfCanvas(pdf.getPage(page));
            canvas.openTag(new CanvasArtifact()).saveState().setStrokeColor(ReportStyle.BLUE).setLineWidth(1.2f)
                .moveTo(MARGIN, top - 6).lineTo(width - MARGIN, top - 6).stroke().restoreState().closeTag();
            document.showTextAligned(artifact(messages.get(model.language(), "report.header", model.networkName())),
                MARGIN, top, page, TextAlignment.LEFT, VerticalAlignment.BOTTOM, 0);
            document.showTextAligned(artifact(messages.get(model.language(), "report.footer", shortName, page, pages)),
                MARGIN, MARGIN - 22, page, TextAlignment.LEFT, VerticalAlignment.BOTTOM, 0);
        }
    }

    private static Paragraph artifact(String text) {
        Paragraph p = ReportStyle.small(text).setMargin(0);
        p.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
        return p;
    }
}
