package dev.modelregistry.persistence.adoption;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The release-1.0 shape of the registry tables on SQLite, as {@code changelog/releases/1.0.xml}
 * creates them and as the Python {@code ModelRegistrySQLite} created them, and the check that
 * an existing file has it before its 1.0 changesets are marked as applied.
 *
 * <p>Checked: the three tables exist; each has exactly the 1.0 columns (none missing, none
 * unknown), each with a declared type of the 1.0 changeset (the Python DDL's {@code TIMESTAMP}
 * is accepted where 1.0 declares a timestamp, both are TEXT affinity); the primary keys; the
 * two {@code ON DELETE CASCADE} foreign keys; the unique (sensor_id, model_type) constraint.
 * Not checked: NOT NULL and DEFAULT clauses (the Python DDL is stricter on metadata columns,
 * which the library always fills when the Python registry did), column order, other tables
 * (left alone) and extra indexes.
 */
final class LegacySchemaShape {

    private static final Set<String> TEXT = Set.of("TEXT");
    private static final Set<String> TIMESTAMP = Set.of("TEXT", "TIMESTAMP");
    private static final Set<String> INTEGER = Set.of("INTEGER");
    private static final Set<String> REAL = Set.of("REAL", "FLOAT"); // Liquibase declares FLOAT on SQLite

    record Column(String name, Set<String> types, boolean primaryKey) {
    }

    record ForeignKey(String table, String column, String parent, String parentColumn) {
    }

    static final Map<String, List<Column>> TABLES = new LinkedHashMap<>();
    static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("versions", "model_id", "models", "model_id"),
            new ForeignKey("data_lineage", "version_id", "versions", "version_id"));

    static {
        TABLES.put("models", List.of(
                new Column("model_id", TEXT, true),
                new Column("sensor_id", TEXT, false),
                new Column("model_type", TEXT, false),
                new Column("active_version", TEXT, false),
                new Column("created_at", TIMESTAMP, false),
                new Column("updated_at", TIMESTAMP, false)));
        TABLES.put("versions", List.of(
                new Column("version_id", TEXT, true),
                new Column("model_id", TEXT, false),
                new Column("sensor_id", TEXT, false),
                new Column("model_type", TEXT, false),
                new Column("created_at", TIMESTAMP, false),
                new Column("training_config", TEXT, false),
                new Column("training_metrics", TEXT, false),
                new Column("validation_metrics", TEXT, false),
                new Column("model_size_bytes", INTEGER, false),
                new Column("training_time_seconds", REAL, false),
                new Column("data_hash", TEXT, false),
                new Column("model_hash", TEXT, false),
                new Column("model_path", TEXT, false),
                new Column("description", TEXT, false),
                new Column("tags", TEXT, false),
                new Column("is_active", INTEGER, false),
                new Column("performance_score", REAL, false)));
        TABLES.put("data_lineage", List.of(
                new Column("id", INTEGER, true),
                new Column("version_id", TEXT, false),
                new Column("data_hash", TEXT, false),
                new Column("data_source", TEXT, false),
                new Column("data_start_date", TEXT, false),
                new Column("data_end_date", TEXT, false),
                new Column("num_samples", INTEGER, false),
                new Column("created_at", TIMESTAMP, false)));
    }

    private LegacySchemaShape() {
    }

    /** Every difference from the 1.0 shape, one readable sentence each; empty when the shape is right. */
    static List<String> problems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        Set<String> tables = tableNames(connection);
        for (Map.Entry<String, List<Column>> table : TABLES.entrySet()) {
            String name = table.getKey();
            if (!tables.contains(name)) {
                problems.add("table " + name + " is missing");
                continue;
            }
            Map<String, String[]> actual = columns(connection, name);
            for (Column expected : table.getValue()) {
                String[] found = actual.remove(expected.name());
                if (found == null) {
                    problems.add("column " + name + "." + expected.name() + " is missing");
                    continue;
                }
                String type = found[0].trim().toUpperCase(Locale.ROOT);
                if (!expected.types().contains(type)) {
                    problems.add("column " + name + "." + expected.name() + " is declared '" + found[0]
                            + "', release 1.0 declares " + String.join(" or ", new java.util.TreeSet<>(expected.types())));
                }
                boolean primaryKey = !"0".equals(found[1]);
                if (primaryKey != expected.primaryKey()) {
                    problems.add("column " + name + "." + expected.name()
                            + (expected.primaryKey() ? " is not the primary key" : " is part of the primary key, release 1.0 has it as a plain column"));
                }
            }
            for (String unknown : actual.keySet()) {
                problems.add("column " + name + "." + unknown + " is not part of release 1.0");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (ForeignKey key : FOREIGN_KEYS) {
            if (!hasCascadingForeignKey(connection, key)) {
                problems.add("foreign key " + key.table() + "(" + key.column() + ") REFERENCES " + key.parent() + "("
                        + key.parentColumn() + ") ON DELETE CASCADE is missing");
            }
        }
        if (!hasUniqueIndex(connection, "models", List.of("sensor_id", "model_type"))) {
            problems.add("the unique constraint on models(sensor_id, model_type) is missing");
        }
        return problems;
    }

    static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** column name -> {declared type, pk position}. */
    private static Map<String, String[]> columns(Connection connection, String table) throws SQLException {
        Map<String, String[]> columns = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                columns.put(rows.getString("name").toLowerCase(Locale.ROOT),
                        new String[] {String.valueOf(rows.getString("type")), rows.getString("pk")});
            }
        }
        return columns;
    }

    private static boolean hasCascadingForeignKey(Connection connection, ForeignKey key) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("PRAGMA foreign_key_list(" + key.table() + ")")) {
            while (rows.next()) {
                if (key.parent().equalsIgnoreCase(rows.getString("table"))
                        && key.column().equalsIgnoreCase(rows.getString("from"))
                        && key.parentColumn().equalsIgnoreCase(rows.getString("to"))
                        && "CASCADE".equalsIgnoreCase(rows.getString("on_delete"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasUniqueIndex(Connection connection, String table, List<String> columns) throws SQLException {
        List<String> uniqueIndexes = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("PRAGMA index_list(" + table + ")")) {
            while (rows.next()) {
                if (rows.getInt("unique") == 1 && rows.getInt("partial") == 0) {
                    uniqueIndexes.add(rows.getString("name"));
                }
            }
        }
        for (String index : uniqueIndexes) {
            List<String> indexed = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("PRAGMA index_info(\"" + index.replace("\"", "\"\"") + "\")")) {
                while (rows.next()) {
                    indexed.add(String.valueOf(rows.getString("name")).toLowerCase(Locale.ROOT));
                }
            }
            if (indexed.equals(columns)) {
                return true;
            }
        }
        return false;
    }
}
