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
 * nested maps of those; anything else is refused. Key order is kept as given.
 */
public final class Attributes {

    private static final Attributes EMPTY = new Attributes(Collections.emptyMap());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** A deep, immutable copy of {@code source}; {@code null} gives the empty map. */
    public static Attributes of(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return EMPTY;
        }
        return new Attributes(copyMap("", source));
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

    /** An unmodifiable view in the original key order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private static Map<String, Object> copyMap(String path, Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new InvalidVersionDataException(path + "<key>", key, "must be a string");
            }
            copy.put(name, copyValue(path.isEmpty() ? name : path + "." + name, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Double || value instanceof Long || value instanceof Integer
                || value instanceof BigDecimal || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return value instanceof Float f ? (Object) f.doubleValue() : (Object) ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(path, map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(path + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidVersionDataException(path, value,
                "has unsupported type " + value.getClass().getName() + " (use strings, numbers, booleans, lists or maps)");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
