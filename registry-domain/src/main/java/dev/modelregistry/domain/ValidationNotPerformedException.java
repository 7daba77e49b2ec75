package dev.modelregistry.domain;

/**
 * A version was registered without {@code validation_performed} being boolean {@code true} in its
 * validation metrics (R2). A string "true", the number 1 or a missing key are not enough.
 */
public class ValidationNotPerformedException extends RegistryException {

    public static final String REQUIREMENT = "validation_metrics must include 'validation_performed': True";

    private final String modelId;
    private final Object offendingValue;

    public ValidationNotPerformedException(String modelId, Object offendingValue) {
        super(REQUIREMENT + " (model " + modelId + " got " + describe(offendingValue) + ")");
        this.modelId = modelId;
        this.offendingValue = offendingValue;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "no validation_performed";
        }
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return "validation_performed=" + shown + " of type " + value.getClass().getSimpleName();
    }

    public String modelId() {
        return modelId;
    }

    public Object offendingValue() {
        return offendingValue;
    }
}
