package de.digitalcheck.portal.shared.mail;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The name a file is offered under, the same for a download (HTTP {@code Content-Disposition}, RFC 6266) and for a
 * mail's attachment (MIME {@code Content-Disposition}, RFC 2183 with RFC 2231's parameter encoding): the name in its
 * own spelling ({@link #unicode}) and an ASCII name ({@link #ascii}) for programs that know no other. The report once
 * downloaded as „digitalcheck-Gießerei-…pdf“ but came by mail as „digitalcheck-giesserei-…pdf“.
 *
 * <p>The ASCII name spells German letters out (ä → ae, ß → ss), drops other marks, is lower case and keeps only
 * letters, digits, dots and dashes: no quote, backslash, slash or line break can reach a header or a path. The
 * other name is only ever sent percent-encoded ({@code filename*=UTF-8''…}, the same syntax in RFC 5987 and 2231).
 */
public record AttachmentName(String ascii, String unicode) {

    /** The names of a file called {@code name} (as the user would like to see it, e.g. with the company's umlauts). */
    public static AttachmentName of(String name) {
        String unicode = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}/\\\\]+", "-");
        String german = unicode.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
            .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss").replace("ẞ", "SS");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("[-.]*\\.[-.]*", ".")
            .replaceAll("^[-.]+|-+$", "");
        return new AttachmentName(ascii.isEmpty() ? "file" : ascii, unicode);
    }

    /**
     * The {@code Content-Disposition} value that offers the file as an attachment: {@code filename="<ascii>"}, and
     * {@code filename*=UTF-8''<name>} where the name is spelled otherwise (a browser or mail program that reads it
     * shows the umlauts; one that does not, the ASCII name).
     */
    public String contentDisposition() {
        String value = "attachment; filename=\"" + ascii + "\"";
        return unicode.equals(ascii) ? value : value + "; filename*=UTF-8''" + percentEncoded(unicode);
    }

    /** RFC 5987's {@code value-chars}: attr-char as is (of them, only letters, digits and "-._~"), the rest %XX. */
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
