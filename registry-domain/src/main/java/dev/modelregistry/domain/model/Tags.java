package dev.modelregistry.domain.model;

import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.List;

/** Free-form labels of a version, in the order given; {@code null} means none. */
public record Tags(List<String> values) {

    private static final Tags NONE = new Tags(List.of());

    public Tags {
        if (values == null) {
            values = List.of();
        } else {
            for (String tag : values) {
                if (tag == null) {
                    throw new InvalidVersionDataException("tags", values, "must not contain null");
                }
            }
            values = List.copyOf(values);
        }
    }

    public static Tags none() {
        return NONE;
    }

    public static Tags of(List<String> values) {
        return values == null || values.isEmpty() ? NONE : new Tags(values);
    }
}
