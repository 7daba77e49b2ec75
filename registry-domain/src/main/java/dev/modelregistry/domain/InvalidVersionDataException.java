package dev.modelregistry.domain;

/** A registration field with a value the registry cannot store (negative size, non-finite time, a metric of an unsupported type). */
public class InvalidVersionDataException extends InvalidValueException {

    public InvalidVersionDataException(String field, Object value, String reason) {
        super("", field, value, reason);
    }
}
