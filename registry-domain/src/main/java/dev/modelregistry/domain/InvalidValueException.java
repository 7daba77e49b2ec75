package dev.modelregistry.domain;

import java.util.Collection;
import java.util.Map;

/**
 * A named field holds a value the registry refuses. The message reads
 * {@code "<subject> <field> <reason>: <value>"}, with strings quoted so white space shows.
 */
public abstract class InvalidValueException extends RegistryException {

    private static final int SHOWN_LENGTH = 200;

    private final String field;
    private final Object value;

    protected InvalidValueException(String subject, String field, Object value, String reason) {
        super(subject + field + " " + reason + ": " + shown(value));
        this.field = field;
        this.value = value;
    }

    /**
     * The value as the message shows it: strings quoted, long ones cut to their first
     * {@value #SHOWN_LENGTH} characters, maps and collections by their size only (they may be
     * huge, or contain themselves).
     */
    static String shown(Object value) {
        if (value instanceof Map<?, ?> map) {
            return "(a map of " + map.size() + " entries)";
        }
        if (value instanceof Collection<?> collection) {
            return "(a list of " + collection.size() + " elements)";
        }
        String text = String.valueOf(value);
        String cut = text.length() <= SHOWN_LENGTH ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(SHOWN_LENGTH - 1)) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH)
                        + "... (" + text.length() + " characters)";
        return value instanceof String ? "\"" + cut.replace("\"", "\\\"") + "\"" : cut;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }
}
