package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidIdentifierException;

/** The one place that decides what a well-formed identifier is (R1). */
final class Identifiers {

    static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    static String requireWellFormed(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException(field, value, "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(field, value, "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIdentifierException(field, value, "must not contain control characters");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidIdentifierException(field, value, "must not start or end with white space");
        }
        return value;
    }
}
