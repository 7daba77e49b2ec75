package dev.modelregistry.persistence.schema;

import dev.modelregistry.domain.SchemaMismatchException;
import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelVersion;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns of the aggregate's mapping, read from the entities' standard
 * {@code jakarta.persistence} annotations (without booting Hibernate), and the check a
 * read-only open makes with them: every mapped column exists. It reports what Hibernate's
 * validation would ({@code missing column [model_hash] in table [versions]}), for registries
 * that answer their reads without building a session factory.
 */
public final class MappedColumns {

    /** The mapped entities, in the order the session factory registers them. */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(Model.class, ModelVersion.class,
            ActivationChange.class);

    private MappedColumns() {
    }

    /** Columns per table, in mapping order. */
    public static Map<String, Set<String>> expected() {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (Class<?> entity : ENTITIES) {
            String table = entity.getAnnotation(Table.class).name();
            SecondaryTable secondary = entity.getAnnotation(SecondaryTable.class);
            if (secondary != null) {
                for (PrimaryKeyJoinColumn key : secondary.pkJoinColumns()) {
                    tables.computeIfAbsent(secondary.name(), name -> new LinkedHashSet<>()).add(key.name());
                }
            }
            collect(entity, table, tables);
        }
        return tables;
    }

    private static void collect(Class<?> type, String table, Map<String, Set<String>> tables) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Column column = field.getAnnotation(Column.class);
            JoinColumn join = field.getAnnotation(JoinColumn.class);
            CollectionTable collection = field.getAnnotation(CollectionTable.class);
            if (collection != null) {
                collectElements(field, collection, tables);
            } else if (column != null) {
                String owner = column.table().isEmpty() ? table : column.table();
                tables.computeIfAbsent(owner, name -> new LinkedHashSet<>()).add(column.name());
            } else if (join != null) {
                tables.computeIfAbsent(table, name -> new LinkedHashSet<>()).add(join.name());
            } else if (field.isAnnotationPresent(Embedded.class)) {
                collect(field.getType(), table, tables);
            }
        }
    }

    /** An element collection's table: its join columns, its map key column and its value column. */
    private static void collectElements(Field field, CollectionTable collection, Map<String, Set<String>> tables) {
        Set<String> columns = tables.computeIfAbsent(collection.name(), name -> new LinkedHashSet<>());
        for (JoinColumn join : collection.joinColumns()) {
            columns.add(join.name());
        }
        MapKeyColumn key = field.getAnnotation(MapKeyColumn.class);
        if (key != null) {
            columns.add(key.name());
        }
        Column value = field.getAnnotation(Column.class);
        if (value != null) {
            columns.add(value.name());
        }
    }

    /**
     * @throws SchemaMismatchException naming the first missing table or column
     */
    public static void requirePresent(Connection connection, String location) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        for (Map.Entry<String, Set<String>> table : expected().entrySet()) {
            Set<String> present = new LinkedHashSet<>();
            try (ResultSet columns = metaData.getColumns(null, schema, table.getKey(), null)) {
                while (columns.next()) {
                    present.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (present.isEmpty()) {
                throw new SchemaMismatchException(location, "missing table [" + table.getKey() + "]", null);
            }
            for (String column : table.getValue()) {
                if (!present.contains(column)) {
                    throw new SchemaMismatchException(location, "missing column [" + column + "] in table ["
                            + table.getKey() + "]", null);
                }
            }
        }
    }
}
