package de.digitalcheck.portal.shared.validation;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shapes of contact data the portal accepts, in one place: as regular expressions for the forms' {@code @Pattern}
 * constraints (each also matching the empty text, which {@code @NotBlank} refuses where a value is required) and as
 * checks for code that reads other input (the JSON API).
 */
public final class Formats {

    /** A run of an address's local part between dots: none of the characters it may have only quoted. */
    private static final String ATOM = "[^@\\s\"<>()\\[\\]\\\\,;:.]++";
    /**
     * A label of the domain: letters (of any script) and digits, hyphens inside, at most 63 characters. Possessive
     * quantifiers and the look-behind keep the match linear whatever is typed.
     */
    private static final String LABEL = "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}-]{0,62}+(?<!-)";

    /**
     * At most 254 characters: a local part of at most 64 (runs of characters separated by single dots, no dot first or
     * last), an at sign, a domain of labels separated by single dots whose last one has at least two characters (no
     * underscore, no hyphen first or last in a label, no dot at the end); none of the characters that an address has
     * only quoted or as its delimiters ({@code " < > ( ) [ ] \ , ; :}); letters beyond ASCII are allowed, and so are
     * {@code { } | % ^ ` ' & * + / = ? ~ !} in the local part (RFC 5322's atext). An address outside this
     * ({@code a..b@example.org}, {@code x@-example.org}, {@code x@example.org.}) cannot be delivered to.
     */
    public static final String EMAIL = "((?=.{3,254}$)(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*+@(?:" + LABEL
        + "\\.)++(?=[^.@]{2,}$)" + LABEL + ")?";
    public static final String PHONE = "([+0-9 ()/-]{4,30})?";
    /** An http(s) address: no other scheme (no javascript:, no data:) can reach a page as a link. */
    public static final String WEB_ADDRESS = "(https?://[^\\s<>\"]{3,490})?";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);
    private static final Pattern WEB_ADDRESS_PATTERN = Pattern.compile(WEB_ADDRESS);

    private Formats() {
    }

    /**
     * An email address as the portal compares and counts it (a check's contact, a lead, a daily limit, a request for
     * personal data): without surrounding white space, in lower case; "" for none.
     */
    public static String normalisedEmail(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
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
