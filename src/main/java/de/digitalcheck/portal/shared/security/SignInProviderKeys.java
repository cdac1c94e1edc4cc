package de.digitalcheck.portal.shared.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The sign-in provider's keys (its {@code jwks_uri}) for checking its ID tokens, looked up when a token is checked rather
 * than when the JWT validator is made. Micronaut Security gives the validator one key source per provider metadata it
 * has when the validator is made, at start: a provider that did not answer then had none, and its ID tokens were refused
 * even after {@link SignInProviderMetadata} had fetched the metadata. This source names the metadata's keys as soon as
 * there is metadata (no address, and so no key, before); with metadata at start it names the same keys as Micronaut's.
 */
@Singleton
@Named(SignInProviderKeys.NAME)
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
class SignInProviderKeys implements JwksSignatureConfiguration {

    static final String NAME = "sign-in-provider-after-start";
    /** Seconds the keys are kept, as Micronaut's own key sources keep them. */
    private static final int CACHE_SECONDS = 60;

    private final BeanContext context;

    SignInProviderKeys(BeanContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The metadata's key address, or none while there is no metadata (never fetches it, never waits). */
    @Override
    @Nullable
    public String getUrl() {
        for (BeanRegistration<DefaultOpenIdProviderMetadata> metadata
            : context.getActiveBeanRegistrations(DefaultOpenIdProviderMetadata.class)) {
            return metadata.getBean().getJwksUri();
        }
        return null;
    }

    @Override
    @Nullable
    public KeyType getKeyType() {
        return null;
    }

    @Override
    public Integer getCacheExpiration() {
        return CACHE_SECONDS;
    }
}
