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
 * (the portal's typeface) Regular and Bold, Noto Sans Arabic and Hebrew for right-to-left names, and Noto Emoji
 * (monochrome outlines) for emoji and symbols in names. The files are
 * read once and parsed once per rendering thread; every document gets its own {@link FontProvider} (iText's
 * {@code PdfFont}s belong to one document) and embeds subsets of what it uses. Nothing depends on fonts installed
 * on the machine.
 */
final class ReportFonts {

    static final String FAMILY = "Fira Sans";
    /** Fira Sans Bold by its alias (iText's layout has no bold switch of its own without simulating it). */
    static final String BOLD = "Fira Sans Bold";
    static final String PLACEHOLDER = "?";

    private static final List<String> FILES = List.of("FiraSans-Regular.ttf", "FiraSans-Bold.ttf",
        "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf", "NotoEmoji-Regular.ttf");

    /** The font files, read once. */
    private final List<byte[]> files = FILES.stream().map(ReportFonts::read).toList();
    /** Parsed once, only to look up which characters the fonts have (lookups only read). */
    private final List<FontProgram> coverage = files.stream().map(ReportFonts::parse).toList();
    /**
     * The parsed fonts of each rendering thread: iText's subsetter reads a font program through a shared file
     * position, so two documents finishing at once must not share one (they would corrupt each other's subsets).
     */
    private final ThreadLocal<FontSet> fontSets = ThreadLocal.withInitial(this::fontSet);

    /** A provider for one document. */
    FontProvider provider() {
        return new FontProvider(fontSets.get(), FAMILY);
    }

    private FontSet fontSet() {
        List<FontProgram> programs = files.stream().map(ReportFonts::parse).toList();
        FontSet set = new FontSet();
        set.addFont(programs.get(0), PdfEncodings.IDENTITY_H, FAMILY);
        set.addFont(programs.get(1), PdfEncodings.IDENTITY_H, BOLD);
        programs.subList(2, programs.size()).forEach(p -> set.addFont(p, PdfEncodings.IDENTITY_H));
        return set;
    }

    /**
     * The text as the report can show it: control and formatting characters (bidi overrides, zero-width joiners,
     * variation selectors) go, line breaks become spaces, and a character that none of the fonts has (CJK, …; emoji
     * are in Noto Emoji) is left out, the spaces around it closed up, so that no glyph is missing from the file
     * (PDF/UA forbids .notdef glyphs) and no "?" stands for a letter that was there. Only a text of which nothing at
     * all can be shown becomes a visible "?" (an empty name would look like none).
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean[] dropped = {false};
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (invisible(cp)) {
                return;
            } else if (covered(cp)) {
                out.appendCodePoint(cp);
            } else {
                dropped[0] = true;
            }
        });
        if (!dropped[0]) {
            return out.toString();
        }
        String kept = out.toString().replaceAll(" {2,}", " ").strip();
        return kept.isEmpty() ? PLACEHOLDER : kept;
    }

    /**
     * Hebrew in the order it is drawn: iText Core sets Arabic right to left itself but draws Hebrew letters in
     * their logical order, which would show a Hebrew name mirrored. Right-to-left runs of a text with Hebrew (and
     * no Arabic, which iText orders itself) are reversed and put in visual order by the Unicode bidi algorithm
     * ({@link java.text.Bidi}); paired brackets inside them are mirrored. Text without Hebrew stays as it is.
     */
    static String visual(String text) {
        if (text == null || text.codePoints().noneMatch(ReportFonts::isHebrew)
            || text.codePoints().anyMatch(ReportFonts::isArabic)) {
            return text;
        }
        java.text.Bidi bidi = new java.text.Bidi(text, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return text;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Object[] runs = new Object[count];
        for (int i = 0; i < count; i++) {
            String run = text.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = (levels[i] & 1) == 1 ? mirrored(new StringBuilder(run).reverse().toString()) : run;
        }
        java.text.Bidi.reorderVisually(levels, 0, runs, 0, count);
        StringBuilder out = new StringBuilder(text.length());
        for (Object run : runs) {
            out.append((String) run);
        }
        return out.toString();
    }

    private static String mirrored(String run) {
        StringBuilder out = new StringBuilder(run.length());
        run.chars().forEach(c -> out.append(switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            default -> (char) c;
        }));
        return out.toString();
    }

    private static boolean isHebrew(int cp) {
        return (cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F);
    }

    private static boolean isArabic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.ARABIC;
    }

    /** The text as {@link #printable} makes it, also without every character that {@code font} lacks. */
    String printableIn(PdfFont font, String text) {
        String shown = printable(text);
        if (shown.codePoints().allMatch(font::containsGlyph)) {
            return shown;
        }
        StringBuilder out = new StringBuilder();
        shown.codePoints().filter(font::containsGlyph).forEach(out::appendCodePoint);
        String kept = out.toString().replaceAll(" {2,}", " ").strip();
        return kept.isEmpty() ? PLACEHOLDER : kept;
    }

    private boolean covered(int cp) {
        for (FontProgram p : coverage) {
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

    private static byte[] read(String file) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font unreadable: fonts/" + file, e);
        }
    }

    private static FontProgram parse(byte[] file) {
        try {
            return FontProgramFactory.createFont(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("font unreadable", e);
        }
    }
}
