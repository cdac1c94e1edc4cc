package de.digitalcheck.portal.shared.validation;

import java.util.Optional;

/**
 * The rules every text a user types must keep, in one place for the forms ({@link FormValidation}), the JSON API
 * (the web layer's {@code JsonBody}) and the domain's own checks:
 * <ul>
 *   <li>lengths are counted in characters as users see them (Unicode code points), not in UTF-16 units: an emoji is
 *       one character, as it is for a {@code VARCHAR(n)} column in {@code utf8mb4};</li>
 *   <li>a single-line text (a name, an address, an id) holds no control characters (C0, DEL, C1), no line or
 *       paragraph separators, no lone surrogates and no non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …): none of
 *       them can be typed into a field, and in mails, logs and CSV they forge lines; nor bidirectional embeddings,
 *       overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make a name read backwards to staff (right-to-left
 *       text itself and the marks U+200E, U+200F stay allowed);</li>
 *   <li>a multi-line text (a note, a message, a reason) may hold line breaks and tabs, nothing else of the above;</li>
 *   <li>numbers are ASCII digits only (Java's parsers also take "٤٢", Arabic-Indic digits);</li>
 *   <li>a name (of a company or a person) holds no web address ({@link #hasWebAddress}): the portal writes names into
 *       mails in an agency's name, and a link there would be the portal's word for it.</li>
 * </ul>
 */
public final class TextRules {

    /** The message key of a single-line text with a forbidden character. */
    public static final String SINGLE_LINE_KEY = "error.text.singleLine";
    /** The message key of a multi-line text with a forbidden character. */
    public static final String MULTI_LINE_KEY = "error.text.multiLine";

    /** The message key of a name with a web address in it. */
    public static final String WEB_ADDRESS_KEY = "error.text.webAddress";

    /** {@code www.} at the start of a word (after the text's start or any character that is no letter or digit). */
    private static final java.util.regex.Pattern WWW =
        java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])www\\.", java.util.regex.Pattern.CASE_INSENSITIVE
            | java.util.regex.Pattern.UNICODE_CASE);

    private TextRules() {
    }

    /**
     * Whether the text holds a web address: {@code ://} anywhere ({@code https://…}, {@code ftp://…}), or a word
     * beginning with {@code www.} (any case), also written in full-width or other compatibility forms or with
     * invisible characters in it. A domain-like company name without them ("Example.com GmbH") is none.
     */
    public static boolean hasWebAddress(String text) {
        if (text == null) {
            return false;
        }
        // as a mail program shows and links it: full-width or other compatibility forms (ｗｗｗ．, ：／／) are the
        // plain ones, and invisible format characters (a zero-width space within www.) are nothing
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("\\p{Cf}", "");
        return plain.contains("://") || WWW.matcher(plain).find();
    }

    /** Adds the field's error if the name holds a web address ({@link #hasWebAddress}); whether it holds none. */
    public static boolean checkName(String name, String field, Errors errors) {
        if (!hasWebAddress(name)) {
            return true;
        }
        errors.add(field, WEB_ADDRESS_KEY);
        return false;
    }

    /**
     * How many letters the text holds, of any script ({@link Character#isLetter}: {@code ß}, {@code Ü}, Cyrillic and
     * CJK count, digits, marks and punctuation do not; {@code null}: 0). A place's name needs some: a street of
     * {@code "1"} names none.
     */
    public static int letters(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(Character::isLetter).count();
    }

    /** The length as users count it: code points ({@code null}: 0). */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * Whether the text shows anything at all: at least one character that is not a space of any kind, an invisible
     * format character (zero-width space, joiners, direction marks), a control or a combining mark on its own (a
     * name of no-break and zero-width spaces reads as empty on every page, in the PDF and in the file name).
     */
    public static boolean namesSomething(String text) {
        return text != null && text.codePoints().anyMatch(TextRules::visible);
    }

    /**
     * An optional text as it is kept: {@code null} when it shows nothing ({@link #namesSomething}: absent, blank, or
     * only no-break and zero-width spaces — a note of a zero-width space was an empty line in the lead's trail), else
     * stripped.
     */
    public static String shownOrNull(String text) {
        return namesSomething(text) ? text.strip() : null;
    }

    private static boolean visible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT
            && type != Character.CONTROL && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK;
    }

    /** Whether the text is longer than {@code max} characters (code points). */
    public static boolean tooLong(String text, int max) {
        return text != null && text.length() > max && length(text) > max;
    }

    /**
     * As {@link #tooLong} for a multi-line field (a {@code <textarea>}): a line break counts as one character also
     * where the browser sends it as CR LF, as the field's {@code maxlength} counts it. Counted as two, a note that the
     * browser let the person type to its limit was refused as too long, for every line break in it.
     */
    public static boolean tooLongMultiLine(String text, int max) {
        if (text == null || text.length() <= max) {
            return false;
        }
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
        }
        return count > max;
    }

    /** Whether the text fits a single-line field: no control, separator, lone surrogate or non-character. */
    public static boolean isSingleLine(String text) {
        return text == null || clean(text, false);
    }

    /** Whether the text fits a multi-line field: as {@link #isSingleLine} but line breaks and tabs are fine. */
    public static boolean isMultiLine(String text) {
        return text == null || clean(text, true);
    }

    /** Adds the field's error if the text breaks the character rule; whether it keeps it. */
    public static boolean check(String text, boolean multiLine, String field, Errors errors) {
        if (multiLine ? isMultiLine(text) : isSingleLine(text)) {
            return true;
        }
        errors.add(field, multiLine ? MULTI_LINE_KEY : SINGLE_LINE_KEY);
        return false;
    }

    /** The error key of a text that breaks the character rule, if it does. */
    public static Optional<String> refusal(String text, boolean multiLine) {
        return (multiLine ? isMultiLine(text) : isSingleLine(text)) ? Optional.empty()
            : Optional.of(multiLine ? MULTI_LINE_KEY : SINGLE_LINE_KEY);
    }

    private static boolean clean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowed(c, multiLine)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean allowed(int c, boolean multiLine) {
        if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
            return true;
        }
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return false;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return false; // bidirectional embeddings, overrides and isolates: they reorder what staff read
        }
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return false; // a lone surrogate (a pair reads as one code point above U+FFFF)
        }
        return !((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE);
    }

    /**
     * A code (a postal code, a sector, a company type, a language) with white space before or after it ({@code
     * "SERVICES "}, {@code " 44135"}): the API reads codes only as documented and refuses it ({@code
     * error.code.spaces}), where a form trims what a person typed.
     */
    public static boolean padded(String code) {
        return code != null && !code.isBlank() && !code.equals(code.strip());
    }

    /** ASCII digits {@code 0}–{@code 9} only, at least one: no sign, no space, no other script's digits. */
    public static boolean asciiDigits(String text) {
        return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * A whole number of ASCII digits with an optional sign, within {@code long}; empty for anything else (other
     * scripts' digits, spaces inside, a decimal point, too many digits). The caller strips surrounding whitespace.
     */
    public static Optional<Long> asciiInteger(String text) {
        if (text == null || text.length() > 19 || !asciiWhole(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty(); // beyond long
        }
    }

    /**
     * As {@link #asciiInteger}, but a whole number beyond {@code long} ({@code 99999999999999999999999999}) is no
     * malformed one: it is {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE} below), for a rule of range, which then
     * calls it too high (too low) as it calls {@code 10000001}. Leading zeros count for nothing.
     */
    public static Optional<Long> asciiIntegerSaturated(String text) {
        if (text == null || !asciiWhole(text)) {
            return Optional.empty();
        }
        boolean negative = text.charAt(0) == '-';
        String digits = LEADING_SIGN_AND_ZEROS.matcher(text).replaceFirst("");
        return Optional.of(asciiInteger((negative ? "-" : "") + digits)
            .orElse(negative ? Long.MIN_VALUE : Long.MAX_VALUE));
    }

    /** A sign and the zeros before a number's first digit that counts (one zero stays for the number 0). */
    private static final java.util.regex.Pattern LEADING_SIGN_AND_ZEROS = java.util.regex.Pattern.compile("^[+-]?0*(?=[0-9])");

    /** ASCII digits, at least one, with an optional sign before them. */
    private static boolean asciiWhole(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** As {@link #asciiInteger}, within {@code int}. */
    public static Optional<Integer> asciiInt(String text) {
        return asciiInteger(text).filter(n -> n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE).map(Long::intValue);
    }
}
