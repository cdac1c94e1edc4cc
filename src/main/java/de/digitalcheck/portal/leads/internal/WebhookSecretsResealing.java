package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.config.StartupTask;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, seals every stored webhook secret that is not sealed under the current key: plain ones when a key was
 * configured for the first time, those of {@code WEBHOOK_SECRETS_KEY_PREVIOUS} after a key change. Each row is
 * written by a conditional update (unless its secret changed meanwhile), so replicas starting together do it at most
 * once per row and never undo a rotation. A secret that no configured key opens is left as it is and logged. A
 * {@link StartupTask}: done beside the rest of the start, before the portal serves.
 */
@Singleton
class WebhookSecretsResealing implements StartupTask {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecretsResealing.class);

    private final EndpointRows endpoints;
    private final SecretSealing sealing;

    WebhookSecretsResealing(EndpointRows endpoints, SecretSealing sealing) {
        this.endpoints = endpoints;
        this.sealing = sealing;
    }

    @Override
    public void run() {
        int resealed = reseal();
        if (resealed > 0) {
            LOG.info("Sealed {} webhook endpoint(s) secrets under the current WEBHOOK_SECRETS_KEY", resealed);
        }
    }

    /** How many endpoints' secrets were sealed anew. */
    int reseal() {
        int resealed = 0;
        for (EndpointRow e : endpoints.findAll()) {
            boolean previousCurrent = e.previousSecret() == null || sealing.isCurrent(e.previousSecret());
            if (sealing.isCurrent(e.secret()) && previousCurrent) {
                continue;
            }
            try {
                String secret = sealing.seal(sealing.open(e.secret()));
                String previous = e.previousSecret() == null ? null : sealing.seal(sealing.open(e.previousSecret()));
                resealed += endpoints.reseal(e.agencyId(), e.secret(), secret, previous);
            } catch (SecretSealing.SealedWithUnknownKey unknown) {
                LOG.error("The webhook secret of agency {} cannot be sealed anew: {}", e.agencyId(), unknown.getMessage());
            }
        }
        return resealed;
    }
}
