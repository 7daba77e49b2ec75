package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tags of a version or a model: keys in the order given, each with a value or none.
 * Registration gives keys without values (labels, the Python registry's list of strings: at most
 * {@value ValueLimits#MAX_TAGS} of at most {@value ValueLimits#MAX_TAG_LENGTH} characters of
 * valid Unicode, none null, kept as given); {@link #with} sets a key's value and {@link #without}
 * removes a key. A key set with a value follows the stricter rules of
 * {@link ValueLimits#requireTagKey} and {@link ValueLimits#requireTagValue}; there are never more
 * than {@value ValueLimits#MAX_TAGS} keys. {@link #unreadable()} stands for stored tags that could
 * not be read back: no tags, and {@link #isUnreadable()} says so; they are never edited.
 */
public final class Tags {

    private static final Tags NONE = new Tags(List.of(), Map.of());
    private static final Tags UNREADABLE = new Tags(List.of(), Map.of());

    private final List<String> keys;
    private final Map<String, String> values;

    private Tags(List<String> keys, Map<String, String> values) {
        this.keys = keys;
        this.values = values;
    }

    public static Tags none() {
        return NONE;
    }

    /** The marker of stored tags that could not be read: no tags, never equal to real ones. */
    public static Tags unreadable() {
        return UNREADABLE;
    }

    /** Keys without values, checked against the {@link ValueLimits}; {@code null} or empty gives no tags. */
    public static Tags of(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return NONE;
        }
        ValueLimits.requireTagCount(keys);
        for (int i = 0; i < keys.size(); i++) {
            ValueLimits.requireTag(i, keys.get(i));
        }
        return new Tags(List.copyOf(keys), Map.of());
    }

    /**
     * Stored tags read back: these keys with the stored {@code values} of those among them that
     * have one (a stored value that is not a string, or of a key not among the keys, is not a
     * tag's value and is left out); unreadable values make the tags unreadable. {@code values}
     * null: none.
     */
    public static Tags stored(Tags keys, Attributes values) {
        if (values != null && values.isUnreadable()) {
            return UNREADABLE;
        }
        if (keys.isUnreadable() || values == null || values.isEmpty()) {
            return keys;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : keys.keys) {
            if (values.valueOf(key) instanceof String value) {
                kept.put(key, value);
            }
        }
        return kept.isEmpty() ? keys : new Tags(keys.keys, Collections.unmodifiableMap(kept));
    }

    /**
     * These tags with {@code key} set to {@code value}: a new key goes last, a present one keeps
     * its place. Refuses a key or value beyond the rules, a new key beyond the count, and
     * unreadable tags (they are never rewritten).
     */
    public Tags with(String key, String value) {
        requireReadable();
        ValueLimits.requireTagKey(key);
        ValueLimits.requireTagValue(key, value);
        List<String> newKeys = keys;
        if (!keys.contains(key)) {
            if (keys.size() >= ValueLimits.MAX_TAGS) {
                throw new InvalidVersionDataException("tags", keys,
                        "must be at most " + ValueLimits.MAX_TAGS + " tags (cannot add \"" + ValueLimits.child("", key) + "\")");
            }
            List<String> added = new ArrayList<>(keys);
            added.add(key);
            newKeys = List.copyOf(added);
        }
        Map<String, String> newValues = new LinkedHashMap<>(values);
        newValues.put(key, value);
        return new Tags(newKeys, Collections.unmodifiableMap(newValues));
    }

    /** These tags without {@code key} (every occurrence of it); the same tags when it is absent. */
    public Tags without(String key) {
        requireReadable();
        if (key == null) {
            throw new InvalidVersionDataException("tag key", null, "must not be null");
        }
        if (!keys.contains(key)) {
            return this;
        }
        List<String> kept = keys.stream().filter(k -> !k.equals(key)).toList();
        Map<String, String> keptValues = new LinkedHashMap<>(values);
        keptValues.remove(key);
        return kept.isEmpty() ? NONE : new Tags(kept, Collections.unmodifiableMap(keptValues));
    }

    /**
     * Refuses an edit that would rewrite unreadable stored tags (a description edit writes the
     * version's row, tags included).
     */
    void requireReadable() {
        if (isUnreadable()) {
            throw new InvalidVersionDataException("tags", "(unreadable)",
                    "were stored by another program and cannot be read back, so they are never rewritten");
        }
    }

    /** The keys in order (a legacy list may repeat one). */
    public List<String> keys() {
        return keys;
    }

    /** The value of {@code key}; empty when the key is absent or has no value. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The keys that have a value, with it, in key order. */
    public Map<String, String> values() {
        return values;
    }

    /** These keys without their values: what the list-of-strings column stores. */
    public Tags keysOnly() {
        return values.isEmpty() ? this : new Tags(keys, Map.of());
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public boolean isUnreadable() {
        return this == UNREADABLE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tags that && isUnreadable() == that.isUnreadable() && keys.equals(that.keys)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, values, isUnreadable());
    }

    @Override
    public String toString() {
        return isUnreadable() ? "Tags[(unreadable)]" : "Tags" + keys + (values.isEmpty() ? "" : values);
    }
}
