package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * At start, not at the first sign-in: the key that signs session cookies ({@code SESSION_SECRET}) is set and long
 * enough. Reading it resolves its placeholder, so a missing variable stops the start (one line, see
 * {@code Application}); a short one is a {@link StartupProblem}.
 */
@Context
class SessionSecretCheck {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final int MIN_LENGTH = 32;

    SessionSecretCheck(Environment environment) {
        String secret = environment.getProperty(PROPERTY, String.class).orElse("");
        if (secret.length() < MIN_LENGTH) {
            throw new StartupProblem("SESSION_SECRET must have at least " + MIN_LENGTH + " characters, it has "
                + secret.length() + " (see README, Configuration)");
        }
    }
}
