package dev.modelregistry.domain.model;

import dev.modelregistry.domain.ValidationNotPerformedException;

/**
 * The validation gate (R2, docs/rules.md): a version counts as validated only when its
 * validation metrics carry {@code validation_performed} as the boolean {@code true} (a string
 * "true", the number 1, false or a missing key all mean no). The one definition: registration
 * refuses what fails it, scoring gives it 0.0, a migration imports it and reports it.
 */
public final class ValidationGate {

    public static final String VALIDATION_PERFORMED = "validation_performed";

    private ValidationGate() {
    }

    /** Whether the metrics pass the gate. */
    public static boolean passes(Attributes validationMetrics) {
        return Boolean.TRUE.equals(validationMetrics.valueOf(VALIDATION_PERFORMED));
    }

    /** Refuses metrics that do not pass, naming the model and the value found. */
    static void require(ModelId modelId, Attributes validationMetrics) {
        if (!passes(validationMetrics)) {
            throw new ValidationNotPerformedException(modelId.value(), validationMetrics.valueOf(VALIDATION_PERFORMED));
        }
    }
}
