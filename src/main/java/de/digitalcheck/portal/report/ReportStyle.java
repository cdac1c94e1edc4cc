package de.digitalcheck.portal.report;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.pdf.tagging.PdfStructureAttributes;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;

/** The report's look, after the portal's KERN design: colours, type sizes and the few building blocks it repeats. */
final class ReportStyle {

    /** KERN's dark text colour. */
    static final Color TEXT = new DeviceRgb(0x13, 0x15, 0x25);
    /** The portal's accent blue (chart, rules, table heads). */
    static final Color BLUE = new DeviceRgb(0x00, 0x3d, 0x99);
    /** Secondary text (contrast 5.7:1 on white). */
    static final Color MUTED = new DeviceRgb(0x4a, 0x4d, 0x5c);
    static final Color GRID = new DeviceRgb(0x76, 0x76, 0x76);
    static final Color PEER = new DeviceRgb(0x8a, 0x4b, 0x00);
    static final Color LINE = new DeviceRgb(0xc9, 0xcc, 0xd6);
    static final Color TINT = new DeviceRgb(0xee, 0xf2, 0xf9);

    static final float BODY = 9.5f;
    static final float SMALL = 8f;

    private ReportStyle() {
    }

    static Paragraph heading(String role, String text, float size) {
        Paragraph p = new Paragraph(text).setFontSize(size).setFontFamily(ReportFonts.BOLD).setFontColor(TEXT)
            .setMarginTop(role.equals(StandardRoles.H3) ? 10 : 16).setMarginBottom(6).setKeepWithNext(true)
            .setMultipliedLeading(1.15f);
        p.getAccessibilityProperties().setRole(role);
        return p;
    }

    /** The element in Fira Sans Bold. */
    static <T extends com.itextpdf.layout.ElementPropertyContainer<T>> T strong(T element) {
        return element.setFontFamily(ReportFonts.BOLD);
    }

    static Paragraph body(String text) {
        return new Paragraph(text).setFontSize(BODY).setFontColor(TEXT).setMultipliedLeading(1.3f).setMarginBottom(4);
    }

    static Paragraph small(String text) {
        return body(text).setFontSize(SMALL).setFontColor(MUTED);
    }

    static Paragraph labelled(String label, String value) {
        return new Paragraph().add(new Text(label + ": ").setFontFamily(ReportFonts.BOLD)).add(new Text(value))
            .setFontSize(BODY).setFontColor(TEXT).setMultipliedLeading(1.35f).setMarginBottom(3);
    }

    /** A table head cell for a column ({@code TH} with scope Column). */
    static Cell columnHead(String text) {
        Cell cell = new Cell().add(new Paragraph(text).setFontFamily(ReportFonts.BOLD)).setFontSize(SMALL + 0.5f)
            .setFontColor(DeviceRgb.WHITE).setBackgroundColor(BLUE).setBorder(Border.NO_BORDER).setPadding(5);
        cell.getAccessibilityProperties().addAttributes(scope("Column"));
        return cell;
    }

    /** A table cell that heads its row ({@code TH} with scope Row). */
    static Cell rowHead(String text) {
        Cell cell = bodyCell(text).setFontFamily(ReportFonts.BOLD);
        cell.getAccessibilityProperties().setRole(StandardRoles.TH).addAttributes(scope("Row"));
        return cell;
    }

    static Cell bodyCell(String text) {
        return new Cell().add(new Paragraph(text)).setFontSize(BODY - 0.5f).setFontColor(TEXT).setPadding(5)
            .setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(LINE, 0.6f));
    }

    private static PdfStructureAttributes scope(String scope) {
        return new PdfStructureAttributes("Table").addEnumAttribute("Scope", scope);
    }
}
