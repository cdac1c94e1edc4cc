package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An agency's webhook endpoint: URL, signing secret(s) as stored (sealed when a key is configured, see
 * {@link SecretSealing}), and whether it is enabled.
 */
@MappedEntity("webhook_endpoint")
public record EndpointRow(@Id String agencyId, String url, String secret, @Nullable String previousSecret,
                          @Nullable Instant previousSecretUntil, boolean enabled, @Nullable String disabledReason,
                          Instant updatedAt) {

    /**
     * A fingerprint of the current secret as stored (it changes with every rotation, not with the address): the rotation
     * form carries the one it was read with, so that a second post of it (a double click, a reload) rotates nothing.
     */
    public String secretVersion() {
        return de.digitalcheck.portal.shared.security.Fingerprints.of(secret);
    }

    /**
     * The secrets that sign now, opened: the current one, and the previous one for a day after a rotation.
     *
     * @throws SecretSealing.SealedWithUnknownKey if a configured key cannot open one
     */
    List<String> signingSecrets(Instant now, SecretSealing sealing) {
        List<String> secrets = new ArrayList<>(List.of(sealing.open(secret)));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(sealing.open(previousSecret));
        }
        return secrets;
    }
}
