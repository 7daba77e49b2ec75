package dev.modelregistry.domain;

/** An identifier (sensor id, model type, version id) breaks the identifier rule (R1; README, "Identifiers"). */
public class InvalidIdentifierException extends InvalidValueException {

    public InvalidIdentifierException(String field, String value, String reason) {
        super("", field, value, reason);
    }

    @Override
    public String value() {
        return (String) super.value();
    }
}
