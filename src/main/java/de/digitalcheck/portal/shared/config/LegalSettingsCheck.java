package de.digitalcheck.portal.shared.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * At start, not at the first visit of a legal page: the settings the imprint, the privacy notice and the accessibility
 * statement make public statements from can be meant. {@code OPERATOR_PUBLIC_BODY} is {@code true} or {@code false}
 * — the privacy notice's legal bases follow from it ({@link OperatorDetails#publicBody()}), and a value such as "ja",
 * "1" or " true", which the configuration would silently read as {@code false}, must not put the wrong legal basis on
 * a public page; the {@link AccessibilityStatement} is made here, so that its own checks run now. Either stops the
 * start with one line (see {@code Application}).
 */
@Context
class LegalSettingsCheck {

    static final String PUBLIC_BODY = "portal.operator.public-body";

    LegalSettingsCheck(Environment environment, AccessibilityStatement accessibility) {
        String value = environment.getProperty(PUBLIC_BODY, String.class).orElse("");
        if (!value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new StartupProblem("OPERATOR_PUBLIC_BODY must be true or false, it is \"" + value
                + "\" (see docs/operations.md, Imprint and privacy notice)");
        }
    }
}
