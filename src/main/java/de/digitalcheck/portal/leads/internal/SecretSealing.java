package de.digitalcheck.portal.leads.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seals the agencies' webhook signing secrets before they are stored and opens them for signing: AES-256-GCM with a
 * key derived (SHA-256) from {@code WEBHOOK_SECRETS_KEY}, a fresh 96-bit nonce per value and the key's id in the
 * stored form {@code sealed:v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}. A signing secret has to be stored so
 * that it can be used again (unlike a token, it cannot be hashed); sealed, a copy of the database alone cannot sign
 * webhooks in an agency's name. The JDK's own AES-GCM is used: a crypto library would add a dependency for three calls.
 *
 * <p>Without a key (the embedded default) secrets are stored as they are. {@code WEBHOOK_SECRETS_KEY_PREVIOUS} opens
 * what an earlier key sealed, so that the key can be changed: {@link WebhookSecretsResealing} seals every stored
 * secret again under the current key at start-up.
 */
@Singleton
class SecretSealing {

    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<Key> current;
    private final Map<String, Key> keys = new LinkedHashMap<>();

    SecretSealing(@Value("${portal.webhooks.secrets-key:}") String key,
                  @Value("${portal.webhooks.secrets-key-previous:}") String previous) {
        this.current = Key.of(key, "WEBHOOK_SECRETS_KEY");
        current.ifPresent(k -> keys.put(k.id(), k));
        Key.of(previous, "WEBHOOK_SECRETS_KEY_PREVIOUS").ifPresent(k -> keys.putIfAbsent(k.id(), k));
    }

    /** The form to store: sealed under the current key, or as it is when no key is configured. */
    String seal(String secret) {
        if (current.isEmpty()) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.get().spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(current.get().id().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + current.get().id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a webhook secret", e);
        }
    }

    /**
     * The secret of a stored form.
     *
     * @throws SealedWithUnknownKey if it was sealed with a key that is not configured (or was altered)
     */
    String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        Key key = colon < 0 ? null : keys.get(rest.substring(0, colon));
        if (key == null) {
            throw new SealedWithUnknownKey();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(key.id().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedWithUnknownKey();
        }
    }

    /** Whether a stored form is what {@link #seal} would store now (sealed under the current key, or plain without one). */
    boolean isCurrent(String stored) {
        return current.map(k -> stored.startsWith(PREFIX + k.id() + ":")).orElse(!stored.startsWith(PREFIX));
    }

    /** A stored secret that the configured keys cannot open. */
    static final class SealedWithUnknownKey extends RuntimeException {
        SealedWithUnknownKey() {
            super("A webhook secret is sealed with a key that WEBHOOK_SECRETS_KEY / WEBHOOK_SECRETS_KEY_PREVIOUS do not "
                + "hold");
        }
    }

    private record Key(String id, SecretKeySpec spec) {

        static Optional<Key> of(String configured, String variable) {
            if (configured == null || configured.isBlank()) {
                return Optional.empty();
            }
            if (configured.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(variable + " must be at least " + MIN_KEY_LENGTH + " characters long "
                    + "(e.g. openssl rand -base64 48)");
            }
            try {
                byte[] key = MessageDigest.getInstance("SHA-256").digest(configured.strip().getBytes(StandardCharsets.UTF_8));
                byte[] id = MessageDigest.getInstance("SHA-256").digest(
                    ("digitalcheck webhook secrets key id:" + configured.strip()).getBytes(StandardCharsets.UTF_8));
                return Optional.of(new Key(HexFormat.of().formatHex(id, 0, 4), new SecretKeySpec(key, "AES")));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
