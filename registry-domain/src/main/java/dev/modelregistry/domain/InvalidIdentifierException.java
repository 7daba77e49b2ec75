package dev.modelregistry.domain;

/** An identifier (sensor id, model type, version id) is blank, too long or holds control characters (R1). */
public class InvalidIdentifierException extends InvalidValueException {

    public InvalidIdentifierException(String field, String value, String reason) {
        super("", field, value, reason);
    }

    @Override
    public String value() {
        return (String) super.value();
    }
}
