package de.digitalcheck.portal.shared.security;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A short fingerprint of some values (SHA-256, 22 URL-safe characters): the version a form carries of what it was
 * read with, so that a save of an outdated form is noticed (an agency's settings, a webhook secret's rotation).
 * Not a secret and not a token.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");

    /**
     * Whether {@code text} has the form of a fingerprint ({@link #of}): a form's version that is missing or not one
     * was never given out, so the request is malformed rather than stale.
     */
    public static boolean isWellFormed(@Nullable String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** Differs for different values, including a missing value and an empty one. */
    public static String of(@Nullable String... values) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String value : values) {
            // each value ends with a byte that no UTF-8 text contains; a missing one is another such byte
            digest.update(value == null ? new byte[] {(byte) 0xfe} : value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0xff);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 22);
    }
}
