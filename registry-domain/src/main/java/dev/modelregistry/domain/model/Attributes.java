package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered map of named values: a training configuration or a set of metrics.
 * Values are {@code null}, strings, booleans, numbers (NaN and infinities included), lists and
 * nested maps of those, within the {@link ValueLimits}; anything else is refused. Key order is
 * kept as given.
 *
 * <p>{@link #unreadable()} stands for a stored value that could not be read back (written by
 * another program, or beyond the limits): it is empty, and {@link #isUnreadable()} says so.
 */
public final class Attributes {

    private static final Attributes EMPTY = new Attributes(Collections.emptyMap());
    private static final Attributes UNREADABLE = new Attributes(Collections.emptyMap());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** The marker of a stored value that could not be read: empty, never equal to a real value. */
    public static Attributes unreadable() {
        return UNREADABLE;
    }

    /** A deep, immutable copy of {@code source}; {@code null} gives the empty map. Errors name keys by their path. */
    public static Attributes of(Map<String, ?> source) {
        return of("", source);
    }

    /**
     * A deep, immutable copy of {@code source} checked against the {@link ValueLimits}, errors
     * naming {@code field} ({@code validation_metrics.loss}); {@code null} gives the empty map.
     */
    public static Attributes of(String field, Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return EMPTY;
        }
        Copy copy = new Copy(field.isEmpty() ? "attributes" : field, source);
        Map<String, Object> values = copy.map(field, source, 1);
        copy.requireWithinField();
        return new Attributes(values);
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The raw value, which is {@code null} both when absent and when present as null. */
    public Object valueOf(String key) {
        return values.get(key);
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether this stands for a stored value that could not be read back. */
    public boolean isUnreadable() {
        return this == UNREADABLE;
    }

    /** An unmodifiable view in the original key order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * One deep copy of a field: the containers on the current path (to refuse cycles; a list
     * searched by identity, as the path is at most {@link ValueLimits#MAX_NESTING_DEPTH} deep,
     * and most copies hold one or two containers) and the JSON length so far.
     */
    private static final class Copy {

        private final String field;
        private final Map<String, ?> source;
        private final List<Object> path = new ArrayList<>(4);
        private long jsonLength;

        private Copy(String field, Map<String, ?> source) {
            this.field = field;
            this.source = source;
        }

        private Map<String, Object> map(String at, Map<?, ?> source, int depth) {
            enter(at, source, depth);
            Map<String, Object> copy = new LinkedHashMap<>();
            jsonLength += 1 + Math.max(0, source.size() - 1) + 1;
            source.forEach((key, value) -> {
                if (!(key instanceof String name)) {
                    throw new InvalidVersionDataException(at.isEmpty() ? "<key>" : at + ".<key>", key, "must be a string");
                }
                String child = ValueLimits.child(at, name);
                jsonLength += ValueLimits.requireString(child, name) + 1;
                copy.put(name, value(child, value, depth));
                requireWithinField();
            });
            leave();
            return Collections.unmodifiableMap(copy);
        }

        private List<Object> list(String at, List<?> source, int depth) {
            enter(at, source, depth);
            List<Object> copy = new ArrayList<>(source.size());
            jsonLength += 1 + Math.max(0, source.size() - 1) + 1;
            for (int i = 0; i < source.size(); i++) {
                copy.add(value(at + "[" + i + "]", source.get(i), depth));
                requireWithinField();
            }
            leave();
            return Collections.unmodifiableList(copy);
        }

        private void enter(String at, Object container, int depth) {
            ValueLimits.requireDepth(at, container, depth);
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i) == container) {
                    throw ValueLimits.cycle(at, container);
                }
            }
            path.add(container);
            requireWithinField();
        }

        private void leave() {
            path.remove(path.size() - 1);
        }

        /** Also checked on the way, so a huge value is not copied to its end before being refused. */
        private void requireWithinField() {
            ValueLimits.requireFieldLength(field, source, jsonLength);
        }

        private Object value(String at, Object value, int depth) {
            if (value == null) {
                jsonLength += 4;
                return null;
            }
            if (value instanceof String text) {
                jsonLength += ValueLimits.requireString(at, text);
                return text;
            }
            if (value instanceof Boolean) {
                jsonLength += 5;
                return value;
            }
            Object number = value instanceof Float f ? (Object) f.doubleValue()
                    : value instanceof Short || value instanceof Byte ? (Object) ((Number) value).longValue() : value;
            if (number instanceof Double || number instanceof Long || number instanceof Integer
                    || number instanceof BigDecimal || number instanceof BigInteger) {
                jsonLength += ValueLimits.requireNumber(at, (Number) number);
                return number;
            }
            if (value instanceof Map<?, ?> map) {
                return map(at, map, depth + 1);
            }
            if (value instanceof List<?> list) {
                return list(at, list, depth + 1);
            }
            throw new InvalidVersionDataException(at, value,
                    "has unsupported type " + value.getClass().getName() + " (use strings, numbers, booleans, lists or maps)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && isUnreadable() == that.isUnreadable() && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return isUnreadable() ? "(unreadable)" : values.toString();
    }
}
