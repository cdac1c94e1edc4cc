package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.security.AesGcm;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * webhooks in an agency's name. The JDK's own AES-GCM is used ({@link AesGcm}, shared with the report mail's
 * confirmations): a crypto library would add a dependency for three calls.
 *
 * <p>Without a key (the embedded default) secrets are stored as they are. {@code WEBHOOK_SECRETS_KEY_PREVIOUS} opens
 * what an earlier key sealed, so that the key can be changed: {@link WebhookSecretsResealing} seals every stored
 * secret again under the current key at start-up.
 */
@Singleton
class SecretSealing {

    static final String PREFIX = "sealed:v1:";
    private static final int MIN_KEY_LENGTH = 32;

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
        byte[] sealed = AesGcm.seal(current.get().spec(), current.get().id().getBytes(StandardCharsets.US_ASCII),
            secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + current.get().id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
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
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedWithUnknownKey();
        }
        return AesGcm.open(key.spec(), key.id().getBytes(StandardCharsets.US_ASCII), all)
            .map(plain -> new String(plain, StandardCharsets.UTF_8))
            .orElseThrow(SealedWithUnknownKey::new);
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
                byte[] id = MessageDigest.getInstance("SHA-256").digest(
                    ("digitalcheck webhook secrets key id:" + configured.strip()).getBytes(StandardCharsets.UTF_8));
                return Optional.of(new Key(HexFormat.of().formatHex(id, 0, 4), AesGcm.key(configured.strip())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
