package dev.modelregistry.app.migration.legacy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered JSON object: keys and values in two parallel arrays.
 *
 * <p>Legacy metric maps are small (a dozen keys); two arrays cost about a third of a
 * LinkedHashMap (no entry objects, no hash table), which is what lets a 50,000-version
 * registry sit comfortably in a 256 MB heap. Lookup is a linear scan, fine for small
 * objects; objects above {@link #LINEAR_LIMIT} keys are kept in an unmodifiable
 * LinkedHashMap instead. Null values are allowed (JSON null), keys are unique.
 */
final class JsonObjectMap extends AbstractMap<String, Object> {

    static final int LINEAR_LIMIT = 32;

    private static final JsonObjectMap EMPTY = new JsonObjectMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private JsonObjectMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    static Map<String, Object> empty() {
        return EMPTY;
    }

    /** Wraps arrays the caller owns and never touches again; keys must be unique. */
    static Map<String, Object> wrap(String[] keys, Object[] values, int size) {
        if (size == 0) {
            return EMPTY;
        }
        if (size > LINEAR_LIMIT) {
            java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>(size * 4 / 3 + 1);
            for (int i = 0; i < size; i++) {
                map.put(keys[i], values[i]);
            }
            return Collections.unmodifiableMap(map);
        }
        return new JsonObjectMap(
                keys.length == size ? keys : Arrays.copyOf(keys, size),
                values.length == size ? values : Arrays.copyOf(values, size));
    }

    /** An unmodifiable deep copy (nested maps and lists too), or the map itself if already one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> immutableCopy(Map<String, ?> map) {
        if (map == null) {
            return EMPTY;
        }
        if (map instanceof JsonObjectMap) {
            return (JsonObjectMap) map;
        }
        String[] k = new String[map.size()];
        Object[] v = new Object[map.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "JSON object keys cannot be null");
            v[i] = immutableValue(e.getValue());
            i++;
        }
        return wrap(k, v, i);
    }

    @SuppressWarnings("unchecked")
    private static Object immutableValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return immutableCopy((Map<String, ?>) m);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(immutableValue(o));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public int size() {
        return keys.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
