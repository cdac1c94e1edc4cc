package de.digitalcheck.portal.report;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.font.FontCharacteristics;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report being written: its model, document and language, and the helpers every part uses — texts made
 * printable, headings that are bookmarks, links.
 */
final class ReportContext {

    final ReportModel model;
    final Language lang;
    final Document document;
    final PdfDocument pdf;
    private final Messages messages;
    private final ReportFonts fonts;
    private final Map<String, String> bookmarks = new LinkedHashMap<>();
    private PdfFont regular;

    ReportContext(ReportModel model, Messages messages, ReportFonts fonts, Document document, PdfDocument pdf) {
        this.model = model;
        this.lang = model.language();
        this.messages = messages;
        this.fonts = fonts;
        this.document = document;
        this.pdf = pdf;
    }

    /** The bookmarks so far (destination name → title), in order. */
    Map<String, String> bookmarks() {
        return bookmarks;
    }

    /** A heading that is also a bookmark. */
    Paragraph section(String role, String text, float size) {
        String destination = "section-" + (bookmarks.size() + 1);
        bookmarks.put(destination, text);
        Paragraph heading = ReportStyle.heading(role, text, size);
        heading.setDestination(destination);
        return heading;
    }

    Link link(String url, String text) {
        return link(url, text, text);
    }

    /**
     * A link showing {@code shown}, described to assistive technology as {@code text}. Links are set in Fira Sans
     * Regular directly: iText's link renderer does not take part in choosing fonts per character.
     */
    Link link(String url, String shown, String text) {
        Link link = new Link(fonts.printableIn(regular(), shown), PdfAction.createURI(url));
        link.setFont(regular());
        link.setFontColor(ReportStyle.BLUE).setUnderline();
        // a printed address must be typed as it is: break lines after "/" only, never at a "-" of the token
        link.setSplitCharacters((glyphs, position) -> glyphs.get(position).hasValidUnicode()
            && glyphs.get(position).getUnicode() == '/');
        link.getLinkAnnotation().setContents(text).setBorder(new PdfArray(new float[] {0, 0, 0}));
        link.getAccessibilityProperties().setAlternateDescription(text);
        return link;
    }

    /** Fira Sans Regular of this document. */
    PdfFont regular() {
        if (regular == null) {
            regular = document.getFontProvider().getPdfFont(document.getFontProvider()
                .getFontSelector(List.of(ReportFonts.FAMILY), new FontCharacteristics()).bestMatch());
        }
        return regular;
    }

    ReportFonts fonts() {
        return fonts;
    }

    /** When an appointment is, in the report's language. */
    String when(Appointment a) {
        boolean zoned = Dates.needsZone(a.start().toInstant(), a.end().toInstant());
        return t("report.appointment.time", Dates.longDate(lang, a.start().toInstant()),
            Dates.time(lang, a.start().toInstant(), zoned),
            Dates.endTime(lang, a.start().toInstant(), a.end().toInstant(), zoned));
    }

    /** A message of the report's language, made printable (in drawing order, see {@link ReportFonts#visual}). */
    String t(String key, Object... args) {
        return ReportFonts.visual(fonts.printable(messages.get(lang, key, args)));
    }

    /** Text from the result or the user, made printable (in drawing order, see {@link ReportFonts#visual}). */
    String p(String text) {
        return ReportFonts.visual(fonts.printable(text));
    }
}
