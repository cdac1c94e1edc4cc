package de.digitalcheck.portal.shared.validation;

import java.util.regex.Pattern;

/**
 * The shapes of contact data the portal accepts, in one place: as regular expressions for the forms' {@code @Pattern}
 * constraints (each also matching the empty text, which {@code @NotBlank} refuses where a value is required) and as
 * checks for code that reads other input (the JSON API).
 */
public final class Formats {

    /** A character of an address's local part or domain. */
    private static final String ADDRESS_CHAR = "[^@\\s\"<>()\\[\\]\\\\,;:]";

    /**
     * At most 254 characters: a local part of at most 64, an at sign, a domain with a dot; none of the characters that
     * an address has only quoted or as its delimiters ({@code " < > ( ) [ ] \ , ; :}); letters beyond ASCII are
     * allowed, and so are {@code { } | % ^ ` ' & * + / = ? ~ !} (RFC 5322's atext).
     */
    public static final String EMAIL = "((?=.{3,254}$)" + ADDRESS_CHAR + "{1,64}@" + ADDRESS_CHAR + "+\\." + ADDRESS_CHAR
        + "{2,})?";
    public static final String PHONE = "([+0-9 ()/-]{4,30})?";
    /** An http(s) address: no other scheme (no javascript:, no data:) can reach a page as a link. */
    public static final String WEB_ADDRESS = "(https?://[^\\s<>\"]{3,490})?";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);
    private static final Pattern WEB_ADDRESS_PATTERN = Pattern.compile(WEB_ADDRESS);

    private Formats() {
    }

    public static boolean isEmail(String s) {
        return s != null && !s.isEmpty() && EMAIL_PATTERN.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        return s != null && !s.isEmpty() && PHONE_PATTERN.matcher(s).matches();
    }

    public static boolean isWebAddress(String s) {
        return s != null && !s.isEmpty() && WEB_ADDRESS_PATTERN.matcher(s).matches();
    }
}
