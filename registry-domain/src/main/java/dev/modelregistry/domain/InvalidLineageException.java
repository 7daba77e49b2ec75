package dev.modelregistry.domain;

/** The data lineage of a registration breaks R3 (missing or malformed data hash, bad dates, negative sample count). */
public class InvalidLineageException extends InvalidValueException {

    public InvalidLineageException(String field, Object value, String reason) {
        super("data lineage ", field, value, reason);
    }
}
