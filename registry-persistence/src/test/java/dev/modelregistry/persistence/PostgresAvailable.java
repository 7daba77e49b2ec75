package dev.modelregistry.persistence;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a PostgreSQL test class only when {@code REGISTRY_TEST_POSTGRES_URL} is set or Docker is
 * available (Testcontainers); otherwise the class is reported as skipped, with the reason.
 */
final class PostgresAvailable implements ExecutionCondition {

    private static volatile String unavailableReason;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL available");
        }
        System.err.println("[" + context.getDisplayName() + "] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static synchronized String unavailableReason() {
        if (!checked) {
            checked = true;
            String url = System.getenv(PostgresTarget.URL_VARIABLE);
            if (url == null || url.isBlank()) {
                boolean docker;
                try {
                    docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    docker = false;
                }
                if (!docker) {
                    unavailableReason = "PostgreSQL tests skipped: " + PostgresTarget.URL_VARIABLE
                            + " is not set and Docker is not available for Testcontainers";
                }
            }
        }
        return unavailableReason;
    }
}
