package dev.modelregistry.domain;

/**
 * A named field holds a value the registry refuses. The message reads
 * {@code "<subject> <field> <reason>: <value>"}, with strings quoted so white space shows.
 */
public abstract class InvalidValueException extends RegistryException {

    private final String field;
    private final Object value;

    protected InvalidValueException(String subject, String field, Object value, String reason) {
        super(subject + field + " " + reason + ": " + ShownValue.of(value));
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }
}
