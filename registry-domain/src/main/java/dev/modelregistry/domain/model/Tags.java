package dev.modelregistry.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * Free-form labels of a version, in the order given: at most {@value ValueLimits#MAX_TAGS} tags
 * of at most {@value ValueLimits#MAX_TAG_LENGTH} characters of valid Unicode, none null;
 * {@code null} means none. {@link #unreadable()} stands for stored tags that could not be read
 * back: no tags, and {@link #isUnreadable()} says so.
 */
public final class Tags {

    private static final Tags NONE = new Tags(List.of());
    private static final Tags UNREADABLE = new Tags(List.of());

    private final List<String> values;

    private Tags(List<String> values) {
        this.values = values;
    }

    public static Tags none() {
        return NONE;
    }

    /** The marker of stored tags that could not be read: no tags, never equal to real ones. */
    public static Tags unreadable() {
        return UNREADABLE;
    }

    /** Checked against the {@link ValueLimits}; {@code null} or empty gives no tags. */
    public static Tags of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        ValueLimits.requireTagCount(values);
        for (int i = 0; i < values.size(); i++) {
            ValueLimits.requireTag(i, values.get(i));
        }
        return new Tags(List.copyOf(values));
    }

    public List<String> values() {
        return values;
    }

    public boolean isUnreadable() {
        return this == UNREADABLE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tags that && isUnreadable() == that.isUnreadable() && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, isUnreadable());
    }

    @Override
    public String toString() {
        return isUnreadable() ? "Tags[(unreadable)]" : "Tags" + values;
    }
}
