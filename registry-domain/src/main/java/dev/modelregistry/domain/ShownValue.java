package dev.modelregistry.domain;

import java.util.Collection;
import java.util.Map;

/**
 * A value as a message shows it: strings quoted (so white space shows), long ones cut to their
 * first {@value #SHOWN_LENGTH} characters, maps and collections by their size only (they may be
 * huge, or contain themselves). Messages never embed whole stored payloads.
 */
public final class ShownValue {

    private static final int SHOWN_LENGTH = 200;

    private ShownValue() {
    }

    public static String of(Object value) {
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
}
