package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The id an agency's short name makes: a new agency's id, and the key two short names are compared by (one agency's
 * short name must not make another's, {@code agency.short_name_key}). Letters and digits of any script count, as they
 * are shown to users: "日本" and "Ελλάδα" are short names as "EN-Agentur" is. Always lower-case ASCII letters, digits
 * and dashes, at most {@value #MAX_ID} characters, so that it is safe in an address and compared alike by MariaDB's
 * case-insensitive collation and H2's binary one.
 *
 * <p>A short name's form ({@link #form}) is its letters and digits in lower case, words joined by one dash: case,
 * spaces, dashes and other punctuation aside, umlauts spelled out ("ä" → "ae"), Latin letters without their accents
 * ("é" → "e", "ł" → "l"), Greek ones too (capitals are written without them), the letters of other scripts with their
 * marks (which are often vowels there: "कि" is not "क"), compatibility forms as their plain letters (full-width "ＥＮ"
 * is "en"), invisible characters left out. A form of ASCII is the id, cut at {@value #MAX_ID} (as ids always were
 * made); any other is written as internationalized domain names are, "xn--" and its Punycode (RFC 3492: one form, one
 * code, never the code of an ASCII form, which never holds two dashes in a row), or where that would pass
 * {@value #MAX_ID} characters, its first {@value #ENCODED_PREFIX} and a dash and 16 hex digits of the form's SHA-256.
 * A change here needs a migration that computes the stored keys anew (V141 computed them first, V144 after letters
 * of any script came to count).
 */
public final class AgencyShortNames {

    public static final int MAX_ID = 40;
    static final int ENCODED_PREFIX = 23;

    /** Latin letters that Unicode does not decompose into a letter and its accent, spelled as in German. */
    private static final Map<Integer, String> SPELLED = Map.of((int) 'æ', "ae", (int) 'œ', "oe", (int) 'ø', "oe",
        (int) 'ł', "l", (int) 'đ', "d", (int) 'ð', "d", (int) 'þ', "th", (int) 'ı', "i", (int) 'ħ', "h",
        (int) 'ς', "σ"); // and the Greek final sigma as the sigma it is

    private AgencyShortNames() {
    }

    /** Whether the short name holds a letter or digit of any script, so that it makes an id. */
    public static boolean hasLetterOrDigit(@Nullable String shortName) {
        return shortName != null && shortName.codePoints().anyMatch(Character::isLetterOrDigit)
            && !id(shortName).isEmpty();
    }

    /** The id the short name makes; "" for one without a letter or digit. */
    public static String id(@Nullable String shortName) {
        String form = form(shortName);
        if (form.chars().allMatch(c -> c < 0x80)) {
            return form.length() > MAX_ID ? form.substring(0, MAX_ID).replaceAll("-+$", "") : form;
        }
        String encoded = "xn--" + Punycode.encode(form);
        return encoded.length() <= MAX_ID ? encoded
            : encoded.substring(0, ENCODED_PREFIX) + "-" + Tokens.hash(form).substring(0, MAX_ID - ENCODED_PREFIX - 1);
    }

    /** The short name as two short names are compared (see the class); "" for none. */
    static String form(@Nullable String shortName) {
        String s = Normalizer.normalize(shortName == null ? "" : shortName, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder form = new StringBuilder();
        boolean gap = false;
        boolean accents = true; // whether marks after the last letter are accents, which are dropped
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c)) {
                continue;
            }
            if (mark(c)) {
                if (!accents && !gap) {
                    form.appendCodePoint(c);
                }
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled == null && !Character.isLetterOrDigit(c)) {
                gap = true;
                continue;
            }
            if (gap && !form.isEmpty()) {
                form.append('-');
            }
            gap = false;
            if (spelled != null) {
                form.append(spelled);
                accents = true;
            } else {
                form.appendCodePoint(c);
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                accents = script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                    || script == Character.UnicodeScript.COMMON;
            }
        }
        return Normalizer.normalize(form, Normalizer.Form.NFC);
    }

    private static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK;
    }

    /** Format characters (zero-width space and joiners, soft hyphen, direction marks) and variation selectors. */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0x034f || (c >= 0x180b && c <= 0x180f)
            || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
    }
}
