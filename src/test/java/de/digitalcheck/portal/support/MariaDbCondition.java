package de.digitalcheck.portal.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs MySQL/MariaDB tests where a server answers on 127.0.0.1:3306. A developer without one skips them
 * with a message; under {@code CI=true} they always run (and fail if the server is missing).
 */
public class MariaDbCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: MySQL/MariaDB tests always run");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
            return ConditionEvaluationResult.enabled("MySQL/MariaDB answers on 127.0.0.1:3306");
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled(
                "Skipped: no MySQL/MariaDB server on 127.0.0.1:3306 (start one, or set CI=true to make this fail)");
        }
    }
}
