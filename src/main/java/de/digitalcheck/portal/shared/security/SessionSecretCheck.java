package de.digitalcheck.portal.shared.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/** Stops the start when the session secret is too short to sign session cookies (HS256 needs 256 bits). */
@Context
class SessionSecretCheck {

    static final int MIN_LENGTH = 32;

    SessionSecretCheck(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("SESSION_SECRET must have at least " + MIN_LENGTH
                + " characters (it signs the session cookies; use the same value on every replica)");
        }
    }
}
