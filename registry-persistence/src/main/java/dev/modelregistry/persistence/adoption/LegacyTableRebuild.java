package dev.modelregistry.persistence.adoption;

import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteDataSource;

/**
 * Rebuilds the three registry tables of a Python-created file (the adoption's private copy)
 * with exactly the DDL that {@code changelog/releases/1.0.xml} creates on SQLite, keeping every
 * row. The Python DDL has the 1.0 columns but other constraints: NOT NULL on ten metadata
 * columns the domain allows to be absent (a version registered without artifact, training
 * time or description would fail on the adopted file), nullable creation times, other
 * defaults. After the rebuild the file is what the library would have created, so recording
 * the 1.0 changesets as applied is true to the letter.
 *
 * <p>The DDL is not copied by hand: it is read from a scratch database that Liquibase builds
 * with {@code releases/1.0.xml}, once per JVM. The rebuild follows SQLite's documented
 * procedure for table changes (sqlite.org/lang_altertable.html, "other kinds of table schema
 * changes"), in the variant that keeps the 1.0 DDL verbatim: foreign keys off and
 * {@code legacy_alter_table} on, one transaction; each Python table is renamed aside, the 1.0
 * table created under the real name and filled, the Python tables dropped, the 1.0 indexes
 * created. Values
 * the 1.0 constraints refuse are filled: a NULL creation or update time takes the other one (or
 * now, in UTC), a NULL {@code is_active} becomes 0, a NULL score (NaN, which SQLite stores as
 * NULL) becomes 0.0.
 */
final class LegacyTableRebuild {

    private static final Map<String, String> FILLED = Map.of(
            "models.created_at", "COALESCE(created_at, updated_at, strftime('%Y-%m-%d %H:%M:%S', 'now'))",
            "models.updated_at", "COALESCE(updated_at, created_at, strftime('%Y-%m-%d %H:%M:%S', 'now'))",
            "versions.is_active", "COALESCE(is_active, 0)",
            "versions.performance_score", "COALESCE(performance_score, 0.0)");

    private static volatile Map<String, List<String>> release10Ddl;

    private LegacyTableRebuild() {
    }

    /** Rebuilds the registry tables of the database at {@code work} (a file nobody else uses). */
    static void rebuild(Path work) throws SQLException {
        Map<String, List<String>> ddl = release10Ddl();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + work.toAbsolutePath()
                + "?journal_mode=DELETE&synchronous=FULL&date_class=TEXT");
             Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA foreign_keys = OFF"); // outside the transaction, or it is ignored
            sql.execute("PRAGMA legacy_alter_table = ON");
            connection.setAutoCommit(false);
            try {
                Long sequence = lineageSequence(connection);
                for (String table : LegacySchemaShape.TABLES.keySet()) {
                    // the Python table steps aside; with legacy_alter_table on (and foreign keys off) the
                    // other tables' REFERENCES keep naming the original table, i.e. the new one
                    String python = table + "__python";
                    sql.executeUpdate("ALTER TABLE " + table + " RENAME TO " + python);
                    sql.executeUpdate(ddl.get(table).get(0));
                    List<String> columns = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    for (LegacySchemaShape.Column column : LegacySchemaShape.TABLES.get(table)) {
                        columns.add(column.name());
                        values.add(FILLED.getOrDefault(table + "." + column.name(), column.name()));
                    }
                    sql.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                            + String.join(", ", values) + " FROM " + python);
                }
                for (String table : LegacySchemaShape.TABLES.keySet()) {
                    sql.executeUpdate("DROP TABLE " + table + "__python"); // with its Python indexes
                }
                for (String table : LegacySchemaShape.TABLES.keySet()) {
                    List<String> statements = ddl.get(table);
                    for (String index : statements.subList(1, statements.size())) {
                        sql.executeUpdate(index);
                    }
                }
                if (sequence != null) { // AUTOINCREMENT never hands out an id twice, also across the rebuild
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'data_lineage'")) {
                        update.setLong(1, sequence);
                        update.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Long lineageSequence(Connection connection) throws SQLException {
        if (!LegacySchemaShape.tableNames(connection).contains("sqlite_sequence")) {
            return null;
        }
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'data_lineage'")) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    /** table -> its CREATE TABLE statement, then its CREATE INDEX statements, as Liquibase 1.0 makes them on SQLite. */
    static Map<String, List<String>> release10Ddl() {
        Map<String, List<String>> ddl = release10Ddl;
        if (ddl != null) {
            return ddl;
        }
        synchronized (LegacyTableRebuild.class) {
            if (release10Ddl == null) {
                release10Ddl = readRelease10Ddl();
            }
            return release10Ddl;
        }
    }

    private static Map<String, List<String>> readRelease10Ddl() {
        Path scratch = null;
        try {
            scratch = Files.createTempFile("registry-release-1.0-", ".db");
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + scratch.toAbsolutePath() + "?journal_mode=DELETE&date_class=TEXT");
            SchemaMigrator.update(dataSource, "changelog/releases/1.0.xml");
            Map<String, List<String>> ddl = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection()) {
                for (String table : LegacySchemaShape.TABLES.keySet()) {
                    List<String> statements = new ArrayList<>();
                    try (PreparedStatement query = connection.prepareStatement(
                            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
                                    + " ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name")) {
                        query.setString(1, table);
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                statements.add(rows.getString(1));
                            }
                        }
                    }
                    ddl.put(table, List.copyOf(statements));
                }
            }
            return Map.copyOf(ddl);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot read the release-1.0 DDL: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                    Files.deleteIfExists(Path.of(scratch + "-journal"));
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
