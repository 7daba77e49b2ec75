package dev.modelregistry.domain;

/**
 * A search asks for something the registry cannot answer: a filter value beyond the rules
 * (a non-finite score, a range whose start lies after its end), or a page size outside 1 to
 * 1,000. Names the field and the value.
 */
public class InvalidQueryException extends InvalidValueException {

    public InvalidQueryException(String field, Object value, String reason) {
        super("search ", field, value, reason);
    }
}
