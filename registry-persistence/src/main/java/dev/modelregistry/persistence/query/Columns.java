package dev.modelregistry.persistence.query;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.persistence.format.UtcText;
import dev.modelregistry.persistence.jpa.AttributesJsonConverter;
import dev.modelregistry.persistence.jpa.TagsJsonConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reads column values the way the aggregate's mapping does: instants as UTC text with
 * microseconds on SQLite ({@link UtcText}) and {@code timestamp with time zone} on PostgreSQL,
 * JSON columns through the mapping's own converters (so an unreadable stored value reads as the
 * same "unreadable" marker), SQL nulls as Java nulls.
 */
final class Columns {

    private static final AttributesJsonConverter ATTRIBUTES = new AttributesJsonConverter();
    private static final TagsJsonConverter TAGS = new TagsJsonConverter();

    private final ReadConnections.SqlDialect dialect;

    Columns(ReadConnections.SqlDialect dialect) {
        this.dialect = dialect;
    }

    Instant instant(ResultSet row, int column) throws SQLException {
        return dialect.instant(row, column);
    }

    static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Attributes attributes(ResultSet row, int column) throws SQLException {
        return ATTRIBUTES.convertToEntityAttribute(row.getString(column));
    }

    static Tags tags(ResultSet row, int column) throws SQLException {
        return TAGS.convertToEntityAttribute(row.getString(column));
    }
}
