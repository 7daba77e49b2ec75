package dev.modelregistry.domain;

/** A registration field with a value the registry cannot store (negative size, non-finite time, a metric of an unsupported type). */
public class InvalidVersionDataException extends RegistryException {

    private final String field;
    private final Object value;

    public InvalidVersionDataException(String field, Object value, String reason) {
        super(field + " " + reason + ": " + value);
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
