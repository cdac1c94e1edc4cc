package de.digitalcheck.portal.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The report's file name, {@code digitalcheck-<company>-<date>.pdf}: an ASCII slug for {@code filename} and the
 * company's own spelling for {@code filename*} (RFC 6266, UTF-8 percent-encoded).
 */
public record ReportFileName(String ascii, String unicode) {

    private static final int MAX_NAME = 60;

    public static ReportFileName of(String company, LocalDate date) {
        return new ReportFileName(file(slug(company), date), file(unicodeSlug(company), date));
    }

    /** The {@code Content-Disposition} value that offers the report as a download. */
    public String contentDisposition() {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(unicode);
    }

    private static String file(String slug, LocalDate date) {
        return "digitalcheck-" + (slug.isEmpty() ? "" : slug + "-") + date + ".pdf";
    }

    static String slug(String name) {
        String german = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
            .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss").replace("ẞ", "SS");
        String plain = Normalizer.normalize(german, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return trim(plain);
    }

    static String unicodeSlug(String name) {
        return trim(Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}]+", "-"));
    }

    private static String trim(String slug) {
        String s = slug.replaceAll("^-+", "");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME));
        }
        return s.replaceAll("-+$", "");
    }

    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
