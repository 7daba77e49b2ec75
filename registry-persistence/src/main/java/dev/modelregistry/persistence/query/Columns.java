package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.persistence.format.UtcText;
import dev.modelregistry.persistence.jpa.AttributesJsonConverter;
import dev.modelregistry.persistence.jpa.TagsJsonConverter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads column values the way the aggregate's mapping does: instants as UTC text with
 * microseconds on SQLite ({@link UtcText}) and {@code timestamp with time zone} on PostgreSQL,
 * JSON columns through the mapping's own converters (so an unreadable stored value reads as the
 * same "unreadable" marker), SQL nulls as Java nulls. Text comes as the stored UTF-8 bytes
 * where that gives the same string ({@link ReadConnections#readsTextAsUtf8Bytes}).
 */
final class Columns {

    private static final AttributesJsonConverter ATTRIBUTES = new AttributesJsonConverter();
    private static final TagsJsonConverter TAGS = new TagsJsonConverter();

    private final ReadConnections.SqlDialect dialect;
    private final boolean textAsUtf8Bytes;

    Columns(ReadConnections connections) {
        this.dialect = connections.dialect();
        this.textAsUtf8Bytes = connections.readsTextAsUtf8Bytes();
    }

    /** A text column; SQL null is null. */
    String text(ResultSet row, int column) throws SQLException {
        if (!textAsUtf8Bytes) {
            return row.getString(column);
        }
        byte[] utf8 = row.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    Instant instant(ResultSet row, int column) throws SQLException {
        if (!textAsUtf8Bytes) {
            return dialect.instant(row, column);
        }
        String text = text(row, column);
        return text == null ? null : UtcText.parse(text);
    }

    static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A history entry's change note from its actor, reason and reference columns (from {@code actorColumn} on); none without an actor. */
    Optional<ChangeNote> note(ResultSet row, int actorColumn) throws SQLException {
        return ChangeNote.stored(text(row, actorColumn), text(row, actorColumn + 1), text(row, actorColumn + 2));
    }

    Attributes attributes(ResultSet row, int column) throws SQLException {
        return ATTRIBUTES.convertToEntityAttribute(text(row, column));
    }

    /** The tags of a keys column (the list of strings) and a values column (the JSON object, may be null). */
    Tags tags(ResultSet row, int keysColumn, int valuesColumn) throws SQLException {
        String values = text(row, valuesColumn);
        return Tags.stored(TAGS.convertToEntityAttribute(text(row, keysColumn)),
                values == null ? null : ATTRIBUTES.convertToEntityAttribute(values));
    }
}
