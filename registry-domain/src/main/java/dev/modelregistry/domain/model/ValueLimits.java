package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.List;

/**
 * The limits of every value the registry stores as JSON (configurations, metrics, tags) and of
 * its free-text fields, checked at registration and applied again by the database adapter's
 * JSON reader: what the registry writes, it can always read back (README, "Value limits").
 * <ul>
 *   <li>maps and lists nest at most {@value #MAX_NESTING_DEPTH} levels (the field's own map
 *       counts as the first) and never contain themselves;</li>
 *   <li>a number is at most {@value #MAX_NUMBER_LENGTH} characters as text;</li>
 *   <li>a string (map keys included) is at most {@value #MAX_STRING_LENGTH} characters and
 *       valid Unicode (no lone surrogate: it would be stored as {@code ?});</li>
 *   <li>one field is at most {@value #MAX_FIELD_LENGTH} characters (4 MiB) of JSON text;</li>
 *   <li>at most {@value #MAX_TAGS} tags of at most {@value #MAX_TAG_LENGTH} characters, none null;</li>
 *   <li>a tag key set with a value ({@link #requireTagKey}): 1 to {@value #MAX_TAG_LENGTH}
 *       characters of valid Unicode, not blank, without {@code =} (it separates key and value in
 *       a search) and without control characters; its value ({@link #requireTagValue}): at most
 *       {@value #MAX_TAG_VALUE_LENGTH} characters of valid Unicode, empty allowed, without control
 *       characters other than tab, line feed and carriage return.</li>
 * </ul>
 * The JSON length is measured from above: a string counts every escaped character at the
 * longest escape ({@code \\u0000}), so the JSON text written is never longer than measured.
 */
public final class ValueLimits {

    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_FIELD_LENGTH = 4 * 1024 * 1024;
    public static final int MAX_TAGS = 128;
    public static final int MAX_TAG_LENGTH = 256;
    public static final int MAX_TAG_VALUE_LENGTH = 5000;

    private static final int SHOWN_KEY_LENGTH = 40;

    /** How a refused value is reported: the exception naming its field, the value and why. */
    @FunctionalInterface
    interface Refusal {
        RuntimeException of(String field, Object value, String reason);
    }

    private static final Refusal VERSION_DATA = InvalidVersionDataException::new;

    private ValueLimits() {
    }

    /** A nested map or list at {@code depth} (the field's own map is 1). */
    static void requireDepth(String path, Object container, int depth) {
        if (depth > MAX_NESTING_DEPTH) {
            throw new InvalidVersionDataException(path, container,
                    "must not nest maps and lists more than " + MAX_NESTING_DEPTH + " levels deep");
        }
    }

    /** Refuses a map or list that contains itself (it could never be written as JSON). */
    static InvalidVersionDataException cycle(String path, Object container) {
        return new InvalidVersionDataException(path, container,
                "must not refer to itself");
    }

    /** Checks a string value or map key; returns the most JSON text it can take, quotes included. */
    static long requireString(String path, String value) {
        requireText(path, value, MAX_STRING_LENGTH);
        long length = 2;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : 1;
        }
        return length;
    }

    /** Checks a number; returns its length as JSON text. */
    static long requireNumber(String path, Number value) {
        String text = value.toString();
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new InvalidVersionDataException(path, value, "must be at most " + MAX_NUMBER_LENGTH + " characters long as a number");
        }
        return text.length();
    }

    /** Checks the measured JSON length of a whole field. */
    static void requireFieldLength(String field, Object value, long jsonLength) {
        if (jsonLength > MAX_FIELD_LENGTH) {
            throw new InvalidVersionDataException(field, value,
                    "must be at most " + MAX_FIELD_LENGTH + " characters (4 MiB) as JSON");
        }
    }

    /** Checks one tag at {@code index}. */
    static void requireTag(int index, String tag) {
        String path = "tags[" + index + "]";
        if (tag == null) {
            throw new InvalidVersionDataException(path, null, "must not be null");
        }
        requireText(path, tag, MAX_TAG_LENGTH);
    }

    /** Checks the key of a tag set with a value (field {@code "tag key"}). */
    public static String requireTagKey(String key) {
        String field = "tag key";
        if (key == null) {
            throw new InvalidVersionDataException(field, null, "must not be null");
        }
        requireText(field, key, MAX_TAG_LENGTH);
        if (key.isBlank()) {
            throw new InvalidVersionDataException(field, key, "must not be empty or blank");
        }
        if (key.indexOf('=') >= 0) {
            throw new InvalidVersionDataException(field, key, "must not contain '=' (it separates key and value in a search)");
        }
        requireNoControlCharacters(field, key, "", VERSION_DATA);
        return key;
    }

    /** Checks the value of tag {@code key} (field {@code "tags.<key>"}). */
    public static String requireTagValue(String key, String value) {
        String field = child("tags", key);
        if (value == null) {
            throw new InvalidVersionDataException(field, null, "must not be null (remove the tag instead)");
        }
        requireText(field, value, MAX_TAG_VALUE_LENGTH);
        requireNoControlCharacters(field, value, "\t\n\r", VERSION_DATA);
        return value;
    }

    /** Refuses a control character (Cc) in {@code value} other than those in {@code allowed}. */
    static void requireNoControlCharacters(String field, String value, String allowed, Refusal refusal) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0) {
                throw refusal.of(field, value, String.format(
                        "must not contain control characters (U+%04X at index %d)", (int) c, i));
            }
        }
    }

    static void requireTagCount(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidVersionDataException("tags", tags, "must be at most " + MAX_TAGS + " tags");
        }
    }

    /**
     * A free-text field (description, data source): at most {@value #MAX_STRING_LENGTH}
     * characters of valid Unicode without U+0000 (a PostgreSQL text column cannot hold it;
     * inside JSON it is escaped); {@code null} passes.
     */
    public static String requireText(String field, String value) {
        return requireText(field, value, VERSION_DATA);
    }

    /** {@link #requireText(String, String)}, refused by {@code refusal}. */
    static String requireText(String field, String value, Refusal refusal) {
        if (value != null) {
            requireText(field, value, MAX_STRING_LENGTH, refusal);
            if (value.indexOf('\u0000') >= 0) {
                throw refusal.of(field, value, "must not contain the character U+0000");
            }
        }
        return value;
    }

    private static void requireText(String path, String value, int maxLength) {
        requireText(path, value, maxLength, VERSION_DATA);
    }

    /** At most {@code maxLength} characters of valid Unicode (no lone surrogate). */
    static void requireText(String path, String value, int maxLength, Refusal refusal) {
        if (value.length() > maxLength) {
            throw refusal.of(path, value, "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw refusal.of(path, value, String.format(
                            "must be valid Unicode (lone surrogate U+%04X at index %d)", (int) c, i));
                }
                i++;
            }
        }
    }

    /**
     * An edited description (of a model or a version) as stored: checked as {@link #requireText}
     * a {@code description}; null or blank (white space only) clears it (null).
     */
    static String description(String text) {
        requireText("description", text);
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code parent.key} for error messages, with long keys shortened. */
    static String child(String parent, String key) {
        String shown = key.length() <= SHOWN_KEY_LENGTH ? key : key.substring(0, SHOWN_KEY_LENGTH) + "...";
        return parent.isEmpty() ? shown : parent + "." + shown;
    }
}
