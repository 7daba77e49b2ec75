package dev.modelregistry.domain.model;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a version's or a model's {@link Tags} are stored: the keys as the list of strings the
 * Python registry reads and writes ({@code tags}, every key in order, with or without a value),
 * and the values of the keys that have one as a JSON object ({@code tag_values}, null when none
 * has). Old readers of {@code tags} see every key; the values are only in the new column.
 * Immutable: an edit stores a new one.
 */
@Embeddable
@Access(AccessType.FIELD)
class TagColumns {

    @Column(name = "tags")
    private Tags keys;

    @Column(name = "tag_values")
    private Attributes values;

    /** For JPA only. */
    protected TagColumns() {
    }

    TagColumns(Tags tags) {
        this.keys = tags.keysOnly();
        this.values = tags.values().isEmpty() ? null : Attributes.of("tag_values", tags.values());
    }

    /** The stored tags of {@code columns} (null: JPA's embedded value of all-null columns). */
    static Tags of(TagColumns columns) {
        return columns == null || columns.keys == null ? Tags.none() : Tags.stored(columns.keys, columns.values);
    }
}
