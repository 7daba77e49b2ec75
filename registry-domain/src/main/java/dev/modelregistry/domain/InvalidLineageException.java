package dev.modelregistry.domain;

/** The data lineage of a registration breaks R3 (missing or malformed data hash, bad dates, negative sample count). */
public class InvalidLineageException extends RegistryException {

    private final String field;
    private final Object value;

    public InvalidLineageException(String field, Object value, String reason) {
        super("data lineage " + field + " " + reason + ": " + (value instanceof String s ? InvalidIdentifierException.quoted(s) : String.valueOf(value)));
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
