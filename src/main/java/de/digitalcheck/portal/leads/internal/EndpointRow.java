package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An agency's webhook endpoint: URL, signing secret(s), and whether it is enabled. */
@MappedEntity("webhook_endpoint")
public record EndpointRow(@Id String agencyId, String url, String secret, @Nullable String previousSecret,
                          @Nullable Instant previousSecretUntil, boolean enabled, @Nullable String disabledReason,
                          Instant updatedAt) {

    /** The secrets that sign now: the current one, and the previous one for a day after a rotation. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
