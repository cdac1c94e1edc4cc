package de.digitalcheck.portal.report;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report's fonts, shipped in {@code src/main/resources/fonts/} with their licences (SIL OFL 1.1): Fira Sans
 * (the portal's typeface) Regular and Bold, and Noto Sans Arabic and Hebrew for right-to-left names. They are read
 * and parsed once; every document gets its own {@link FontProvider} (iText's {@code PdfFont}s belong to one
 * document) and embeds subsets of what it uses. Nothing depends on fonts installed on the machine.
 */
final class ReportFonts {

    static final String FAMILY = "Fira Sans";
    /** Fira Sans Bold by its alias (iText's layout has no bold switch of its own without simulating it). */
    static final String BOLD = "Fira Sans Bold";
    static final String PLACEHOLDER = "?";

    private static final List<String> FILES = List.of("FiraSans-Regular.ttf", "FiraSans-Bold.ttf",
        "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf");

    private final FontSet fontSet = new FontSet();
    private final List<FontProgram> programs;

    ReportFonts() {
        programs = FILES.stream().map(ReportFonts::load).toList();
        fontSet.addFont(programs.get(0), PdfEncodings.IDENTITY_H, FAMILY);
        fontSet.addFont(programs.get(1), PdfEncodings.IDENTITY_H, BOLD);
        programs.subList(2, programs.size()).forEach(p -> fontSet.addFont(p, PdfEncodings.IDENTITY_H));
    }

    /** A provider for one document. */
    FontProvider provider() {
        return new FontProvider(fontSet, FAMILY);
    }

    /**
     * The text as the report can show it: control and formatting characters (bidi overrides, zero-width joiners,
     * variation selectors) go, line breaks become spaces, and a character that none of the fonts has (emoji, CJK …)
     * becomes a visible "?", so that no glyph is missing from the file (PDF/UA forbids .notdef glyphs).
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (invisible(cp)) {
                return;
            } else if (covered(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(PLACEHOLDER);
            }
        });
        return out.toString();
    }

    /** The text as {@link #printable} makes it, with a "?" also for every character that {@code font} lacks. */
    String printableIn(PdfFont font, String text) {
        StringBuilder out = new StringBuilder();
        printable(text).codePoints().forEach(cp -> {
            if (font.containsGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(PLACEHOLDER);
            }
        });
        return out.toString();
    }

    private boolean covered(int cp) {
        for (FontProgram p : programs) {
            if (p.getGlyph(cp) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
            || type == Character.SURROGATE || type == Character.PRIVATE_USE
            || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static FontProgram load(String file) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: fonts/" + file);
            }
            return FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("font unreadable: fonts/" + file, e);
        }
    }
}
