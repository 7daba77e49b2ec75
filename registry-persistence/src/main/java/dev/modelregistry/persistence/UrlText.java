package dev.modelregistry.persistence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The two text operations that reading secrets out of a JDBC URL needs ({@link JdbcTarget}, {@link Redaction}). */
final class UrlText {

    private UrlText() {
    }

    /** The first index at or after {@code from} of any of the characters, or -1. */
    static int firstOf(String text, int from, char... characters) {
        int first = -1;
        for (char c : characters) {
            int index = text.indexOf(c, from);
            if (index >= 0 && (first < 0 || index < first)) {
                first = index;
            }
        }
        return first;
    }

    /** The URL-decoded text, or the text itself when it is not validly encoded. */
    static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
