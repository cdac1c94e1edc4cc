package de.digitalcheck.portal.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Skips a browser test class when Debian's Chromium is not installed – before the application starts.
 * On CI (environment variable {@code CI=true}) a missing browser is not a reason to skip: the class
 * then runs and fails in {@link Browsers#launch} with a clear message.
 */
final class RequiresChromium implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(Browsers.CHROMIUM)) {
            return ConditionEvaluationResult.enabled("Chromium found at " + Browsers.CHROMIUM);
        }
        if (Browsers.onCi()) {
            return ConditionEvaluationResult.enabled("CI=true: running without " + Browsers.CHROMIUM
                + " so that the missing browser fails the build");
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + Browsers.CHROMIUM
            + " is not installed (apt-get install chromium). On CI (CI=true) this is a failure instead.");
    }
}
