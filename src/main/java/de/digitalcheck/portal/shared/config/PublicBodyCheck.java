package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * At start: {@code OPERATOR_PUBLIC_BODY} is {@code true} or {@code false}. The privacy notice's legal bases follow from
 * it ({@link OperatorDetails#publicBody()}); a value such as "ja" or "1", which the configuration would silently read
 * as {@code false} (as it would " true" with a space), must not put the wrong legal basis on a public page, so it stops the start (one line, see
 * {@code Application}).
 */
@Context
class PublicBodyCheck {

    static final String PROPERTY = "portal.operator.public-body";

    PublicBodyCheck(Environment environment) {
        String value = environment.getProperty(PROPERTY, String.class).orElse("");
        if (!value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new StartupProblem("OPERATOR_PUBLIC_BODY must be true or false, it is \"" + value
                + "\" (see docs/operations.md, Imprint and privacy notice)");
        }
    }
}
