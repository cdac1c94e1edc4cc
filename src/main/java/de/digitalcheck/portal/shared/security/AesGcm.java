package de.digitalcheck.portal.shared.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Sealing a value that has to be stored so that it can be used again, with the JDK's own AES-256-GCM (a crypto
 * library would add a dependency for three calls): a fresh 96-bit nonce per value, a 128-bit tag, and associated data
 * that a sealed value is bound to (it opens only with the same). The sealed form is {@code nonce ‖ ciphertext ‖ tag}.
 * Used for the agencies' webhook signing secrets ({@code leads}) and the check token a report mail's confirmation
 * keeps ({@code report}).
 */
public final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** One generator per thread, as in {@link Tokens}: {@code SecureRandom.nextBytes} is synchronized. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private AesGcm() {
    }

    /** An AES-256 key: the SHA-256 of {@code material} (a configured secret, or a label and a random token). */
    public static SecretKeySpec key(String material) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                .digest(material.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code plain} sealed under {@code key}, bound to {@code associated}: {@code nonce ‖ ciphertext ‖ tag}. */
    public static byte[] seal(SecretKeySpec key, byte[] associated, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.get().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a value", e);
        }
    }

    /**
     * What {@link #seal} sealed, or empty when it does not open: another key, other associated data, an altered or
     * truncated value.
     */
    public static Optional<byte[]> open(SecretKeySpec key, byte[] associated, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
