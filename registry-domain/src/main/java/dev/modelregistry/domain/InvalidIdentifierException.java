package dev.modelregistry.domain;

/** An identifier (sensor id, model type, version id) is blank, too long or holds control characters (R1). */
public class InvalidIdentifierException extends RegistryException {

    private final String field;
    private final String value;

    public InvalidIdentifierException(String field, String value, String reason) {
        super(field + " " + reason + ": " + quoted(value));
        this.field = field;
        this.value = value;
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
