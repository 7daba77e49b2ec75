package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidIdentifierException;
import java.text.Normalizer;

/**
 * The one place that decides what a well-formed sensor id or model type is (R1; README,
 * "Identifiers"): 1 to 128 UTF-16 characters, not blank, no white space at either end, valid
 * Unicode (no lone surrogate), in normalization form NFC, and no character that renders as
 * nothing or as a plain space ({@link InvisibleCharacters}). So two different ids never look
 * alike in a listing, and every id survives a round trip through UTF-8.
 */
final class Identifiers {

    static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    /**
     * The rule every id read back from a database meets (the rule of earlier releases): not
     * blank, at most 128 characters, no control characters, no white space at either end. Ids
     * stored before the full rule existed stay readable, so no stored id makes its model unusable.
     */
    static String requireStorable(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException(field, value, "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(field, value, "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidIdentifierException(field, value, "must not contain control characters ("
                        + codePointName(value.charAt(i)) + " at index " + i + ")");
            }
        }
        if (!value.strip().equals(value)) {
            throw new InvalidIdentifierException(field, value, "must not start or end with white space");
        }
        return value;
    }

    /** The full rule, for every id that comes from outside (registration, lookups, migration, import). */
    static String requireWellFormed(String field, String value) {
        requireStorable(field, value);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw new InvalidIdentifierException(field, value, "is not valid Unicode: lone surrogate "
                        + codePointName(codePoint) + " at index " + i);
            }
            if (InvisibleCharacters.isInvisible(codePoint)) {
                throw new InvalidIdentifierException(field, value, "must not contain invisible, bidirectional or"
                        + " non-breaking space characters (" + codePointName(codePoint) + " at index " + i + ")");
            }
            i += Character.charCount(codePoint);
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new InvalidIdentifierException(field, value, "must be in Unicode normalization form NFC"
                    + " (accented letters as one character, as in \"" + Normalizer.normalize(value, Normalizer.Form.NFC) + "\")");
        }
        return value;
    }

    private static String codePointName(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
