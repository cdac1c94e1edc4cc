package de.digitalcheck.portal.shared.validation;

import io.micronaut.core.annotation.Nullable;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shapes of contact data the portal accepts, in one place: as regular expressions for the forms' {@code @Pattern}
 * constraints (each also matching the empty text, which {@code @NotBlank} refuses where a value is required) and as
 * checks for code that reads other input (the JSON API).
 */
public final class Formats {

    /**
     * A run of an address's local part between dots: none of the characters it may have only quoted, and no space of
     * any kind ({@code \s} is ASCII's only: a no-break or ideographic space, Unicode's Z categories), no control
     * character and no invisible format character (Cf: a zero-width space, a soft hyphen, a direction mark) — no mail
     * reaches an address with one, and it looks like another address.
     */
    private static final String ATOM = "[^@\\s\\p{Z}\\p{Cc}\\p{Cf}\"<>()\\[\\]\\\\,;:.]++";
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
     * An email address as the portal compares it (a check's contact, a lead, a request for personal data): without
     * surrounding white space, in lower case; "" for none. The daily limits per address (bookings, report mails,
     * sign-in links) count by {@link #mailbox}.
     */
    public static String normalisedEmail(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * An email address as a limit per address counts it (the new bookings of a contact address a day, the report mails
     * and the sign-in links to one a day): one key per
     * mailbox however the address is spelled. Beyond {@link #normalisedEmail} (surrounding white space, case): spaces
     * and invisible characters anywhere dropped (no-break and zero-width spaces, soft hyphens, direction marks: none
     * is part of a real address, and each made another key), compatibility forms folded (NFKC: full-width letters,
     * ligatures, decomposed accents), case folded per character (the Kelvin sign is a {@code k}), the local part's
     * subaddress cut off (everything from its first {@code +}: {@code name+1@example.org} is delivered to
     * {@code name@example.org}'s mailbox), and the domain in its ASCII form without a trailing dot (IDNA:
     * {@code bücher.example} and {@code xn--bcher-kva.example} are one domain). The local part's dots stay: only some
     * providers ignore them, and {@code a.b@} and {@code ab@} are two mailboxes elsewhere. For counting only: the
     * address is kept and mailed as it was given.
     */
    public static String mailbox(@Nullable String email) {
        if (email == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(email.length());
        Normalizer.normalize(email, Normalizer.Form.NFKC).codePoints().filter(c -> !invisible(c))
            .map(c -> Character.toLowerCase(Character.toUpperCase(c))).forEach(folded::appendCodePoint);
        String address = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String local = address.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String domain = address.substring(at + 1);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // no domain IDNA can write (a label too long): counted as it is written, folded above
        }
        return local + "@" + domain;
    }

    /** A space of any kind, a control or an invisible format character (zero-width space, soft hyphen, joiner). */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
            || Character.getType(c) == Character.FORMAT;
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
