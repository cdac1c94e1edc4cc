package de.digitalcheck.portal.report;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import de.digitalcheck.portal.readiness.ResultSummary;

import static de.digitalcheck.portal.report.ReportStyle.body;
import static de.digitalcheck.portal.report.ReportStyle.heading;
import static de.digitalcheck.portal.report.ReportStyle.labelled;
import static de.digitalcheck.portal.report.ReportStyle.small;
import static de.digitalcheck.portal.report.ReportStyle.strong;

/**
 * The report's first page: company, day of the check, overall score and level, the agency, the appointment if
 * any, and the link back to the online result as text and QR code.
 */
final class ReportCover {

    private final ReportContext c;
    private final ResultSummary result;

    ReportCover(ReportContext context) {
        this.c = context;
        this.result = context.model.result();
    }

    void add() {
        c.document.add(strong(body(c.t("report.kicker"))).setFontColor(ReportStyle.BLUE).setMarginTop(24));
        c.document.add(c.section(StandardRoles.H1, c.t("report.title"), 26).setMarginTop(0));
        c.document.add(strong(words(c.p(result.companyName()))).setFontSize(18).setFontColor(ReportStyle.TEXT)
            .setMarginTop(14).setMarginBottom(4).setMultipliedLeading(1.15f));
        c.document.add(body(c.t("report.completed", result.completedAt())).setFontColor(ReportStyle.MUTED));
        c.document.add(overall());
        if (result.agency() != null) {
            c.document.add(labelled(c.t("result.agency"), c.p(result.agency().name())));
        }
        Appointment appointment = c.model.appointment();
        if (appointment != null) {
            c.document.add(labelled(c.t("report.appointment.short"), c.when(appointment) + " · "
                + c.p(appointment.coachName())));
        }
        c.document.add(online());
    }

    /**
     * The company's name, a text element per word and per space. As one text, a name whose line broke after a long
     * word followed by characters of another font (an emoji, a Greek letter: the fonts' fallback splits the text into
     * runs) lost the tag of what followed the break, and iText logged "Attempt to create a tag for a hint which is
     * already marked as finished" for every report.
     */
    static Paragraph words(String text) {
        Paragraph paragraph = new Paragraph();
        for (String part : text.split("(?<= )|(?= )")) {
            paragraph.add(new Text(part));
        }
        return paragraph;
    }

    private Div overall() {
        Div overall = new Div().setBackgroundColor(ReportStyle.TINT).setBorderLeft(new SolidBorder(ReportStyle.BLUE, 5))
            .setPadding(16).setMarginTop(24).setMarginBottom(18).setKeepTogether(true);
        overall.add(strong(body(c.t("result.overall"))).setFontColor(ReportStyle.MUTED).setMarginBottom(2));
        overall.add(new Paragraph()
            .add(strong(new Text(result.score())).setFontSize(40).setFontColor(ReportStyle.BLUE))
            .add(new Text("  " + c.t("result.score.of")).setFontSize(13).setFontColor(ReportStyle.TEXT))
            .setMargin(0).setMultipliedLeading(1f));
        overall.add(strong(new Paragraph(c.p(result.levelLabel()))).setFontSize(15).setFontColor(ReportStyle.TEXT)
            .setMarginTop(6).setMarginBottom(2));
        overall.add(body(c.p(result.interpretation())).setMarginBottom(result.potential() == null ? 0 : 4));
        if (result.potential() != null) {
            overall.add(body(c.p(c.t("result.potential", result.potential()))).setMarginBottom(0));
        }
        if (result.previous() != null) {
            overall.add(body(c.p(result.previous())).setMarginTop(8).setMarginBottom(0));
        }
        return overall;
    }

    /** The link back to the online result, with a QR code of it. */
    private Table online() {
        Table table = new Table(UnitValue.createPercentArray(new float[] {3, 1})).useAllAvailableWidth()
            .setMarginTop(22).setKeepTogether(true);
        table.getAccessibilityProperties().setRole(StandardRoles.DIV);
        Cell text = new Cell().setBorder(Border.NO_BORDER).setPadding(0).setPaddingRight(12)
            .setVerticalAlignment(VerticalAlignment.MIDDLE);
        text.getAccessibilityProperties().setRole(StandardRoles.DIV);
        String online = c.model.staffCopy() ? "report.staff.online" : "report.online";
        text.add(heading(StandardRoles.P, c.t(online), 12).setMarginTop(0));
        text.add(body(c.t(online + ".text")));
        String url = c.model.resultUrl();
        text.add(new Paragraph().add(c.link(url, c.p(url), c.t(online + ".link")))
            .setFontSize(ReportStyle.SMALL).setMarginBottom(6));
        text.add(small(c.t(online + ".private")));
        Image qr = new Image(new BarcodeQRCode(url).createFormXObject(ColorConstants.BLACK, 3, c.pdf))
            .setWidth(96).setHeight(96);
        qr.getAccessibilityProperties().setAlternateDescription(c.t((c.model.staffCopy() ? "report.staff.online" : "report.online") + ".qr"));
        Cell code = new Cell().add(qr).setBorder(Border.NO_BORDER).setPadding(0);
        code.getAccessibilityProperties().setRole(StandardRoles.DIV);
        return table.addCell(text).addCell(code);
    }
}
