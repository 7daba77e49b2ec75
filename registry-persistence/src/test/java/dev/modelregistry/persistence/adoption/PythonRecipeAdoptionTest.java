package dev.modelregistry.persistence.adoption;

import static dev.modelregistry.persistence.adoption.PythonRegistries.PYTHON_DDL;
import static dev.modelregistry.persistence.adoption.PythonRegistries.count;
import static dev.modelregistry.persistence.adoption.PythonRegistries.lineage;
import static dev.modelregistry.persistence.adoption.PythonRegistries.model;
import static dev.modelregistry.persistence.adoption.PythonRegistries.rows;
import static dev.modelregistry.persistence.adoption.PythonRegistries.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.persistence.IncompatibleSchemaException;
import dev.modelregistry.persistence.RegistryDatabase;
import dev.modelregistry.persistence.UpgradeReport;
import dev.modelregistry.persistence.schema.SchemaMigrator;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Databases built to the Python registry's recipe (its DDL, defective rows) for the cases the
 * fixture does not hold, and files whose shape is not release 1.0.
 */
class PythonRecipeAdoptionTest {

    @TempDir
    Path registryDir;

    @Test
    void aDanglingActiveVersionGoesToTheBestRemainingVersionAndTheNewestWinsATie() throws Exception {
        Path file = PythonRegistries.pythonDatabase(registryDir, PYTHON_DDL,
                model("telemanom_S1", "deleted1", "2025-01-01 10:00:00", "2025-01-01T10:00:00"),
                version("old", "telemanom_S1", "2025-01-01T10:00:01.000001", 1, 0.8),
                version("new", "telemanom_S1", "2025-01-01T10:00:02", 1, 0.8),
                version("low", "telemanom_S1", "2025-01-01T10:00:03.5", 0, 0.5),
                lineage("deleted1", "2025-01-01 10:00:00"),
                lineage("new", "2025-01-01 10:00:02"));

        RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);

        assertThat(rows(file, "SELECT active_version, activation_count FROM models"))
                .containsExactly(List.of("new", "1"));
        assertThat(rows(file, "SELECT version_id FROM versions WHERE is_active")).containsExactly(List.of("new"));
        assertThat(rows(file, "SELECT sequence_no, version_id, previous_version_id, reason, score, previous_score"
                + " FROM activation_history")).containsExactly(Arrays.asList("1", "new", "deleted1", "REELECTED", "0.8", null));
        assertThat(rows(file, "SELECT version_id FROM data_lineage")).containsExactly(List.of("new"));
    }

    @Test
    void aModelWithoutVersionsIsLeftWithoutActiveVersionAndOnlyADanglingOneIsRecorded() throws Exception {
        Path file = PythonRegistries.pythonDatabase(registryDir, PYTHON_DDL,
                model("telemanom_EMPTY", null, "2025-01-01 10:00:00", "2025-01-01T10:00:00"),
                model("telemanom_GONE", "deleted", "2025-01-01 10:00:00", "2025-01-01T10:00:00"),
                model("telemanom_NOFLAG", null, "2025-01-01 10:00:00", "2025-01-01T10:00:00"),
                version("a", "telemanom_NOFLAG", "2025-01-01T10:00:01", 0, 0.3),
                version("b", "telemanom_NOFLAG", "2025-01-01T10:00:02", 0, 0.9));

        UpgradeReport report = RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC);

        assertThat(report.before().danglingActiveVersions()).isEqualTo(1);
        assertThat(report.before().modelsWithoutActiveVersion()).isEqualTo(1);
        assertThat(rows(file, "SELECT model_id, active_version, activation_count FROM models ORDER BY model_id"))
                .containsExactly(Arrays.asList("telemanom_EMPTY", null, "0"),
                        Arrays.asList("telemanom_GONE", null, "1"),
                        List.of("telemanom_NOFLAG", "b", "1"));
        assertThat(rows(file, "SELECT model_id, version_id, previous_version_id, reason FROM activation_history ORDER BY model_id"))
                .containsExactly(Arrays.asList("telemanom_GONE", null, "deleted", "REELECTED"),
                        Arrays.asList("telemanom_NOFLAG", "b", null, "REELECTED"));
        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            database.unitOfWork().run(() -> {
                Model empty = database.repository().findById(new ModelId("telemanom_GONE")).orElseThrow();
                assertThat(empty.activeVersion()).isEmpty();
                Fixtures.register(empty, 0.05, 10);
            });
        }
        assertThat(count(file, "SELECT COUNT(*) FROM activation_history WHERE model_id = 'telemanom_GONE'")).isEqualTo(2);
    }

    @Test
    void naiveLocalTimesAreReadInTheOperatorsZoneAndSqliteTimesAsUtc() throws Exception {
        Path file = PythonRegistries.pythonDatabase(registryDir, PYTHON_DDL,
                model("telemanom_S1", "summer", "2025-07-01 10:00:00", "2025-07-01T12:00:00.25"),
                version("summer", "telemanom_S1", "2025-07-01T12:00:00.5", 1, 0.8),
                version("winter", "telemanom_S1", "2025-01-15T12:00:00", 0, 0.5),
                lineage("summer", "2025-07-01 10:00:00"));

        RegistryDatabase.upgrade(registryDir, ZoneId.of("Europe/Berlin"));

        assertThat(rows(file, "SELECT version_id, created_at FROM versions ORDER BY version_id")).containsExactly(
                List.of("summer", "2025-07-01T10:00:00.500000Z"), List.of("winter", "2025-01-15T11:00:00.000000Z"));
        assertThat(rows(file, "SELECT created_at, updated_at FROM models"))
                .containsExactly(List.of("2025-07-01T10:00:00.000000Z", "2025-07-01T10:00:00.250000Z"));
        assertThat(rows(file, "SELECT created_at FROM data_lineage")).containsExactly(List.of("2025-07-01T10:00:00.000000Z"));
    }

    @Test
    void theAdoptedFileTakesVersionsWithoutArtifactOrOptionalFieldsLikeALibraryDatabase() throws Exception {
        PythonRegistries.copyFixture(registryDir);
        VersionSpec bare = new VersionSpec(null, Attributes.of(Map.of()), Attributes.of(Map.of()),
                Attributes.of(Fixtures.metricsWithAnomalyRate(0.5)), 0, null, null, null, Tags.of(List.of()),
                DataLineage.of("sha256-of-data", null, null, null, null));

        try (RegistryDatabase database = RegistryDatabase.openSqlite(registryDir)) {
            database.unitOfWork().run(() -> database.repository().findById(new ModelId("telemanom_MSL-NAV-001"))
                    .orElseThrow().register(VersionId.of("bare00000001"), bare, Fixtures.SCORING, Instant.now()));
        }
        assertThat(count(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME),
                "SELECT COUNT(*) FROM versions WHERE version_id = 'bare00000001' AND model_path IS NULL")).isEqualTo(1);
    }

    @Test
    void theRelease10TablesLiquibaseCreatesHaveTheShapeTheCheckExpects() throws Exception {
        Path file = registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME);
        SQLiteDataSource release10 = new SQLiteDataSource();
        release10.setUrl(RegistryDatabase.sqliteUrl(file));
        SchemaMigrator.update(release10, "changelog/releases/1.0.xml");
        try (Connection connection = release10.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DROP TABLE DATABASECHANGELOG");
            sql.executeUpdate("DROP TABLE DATABASECHANGELOGLOCK");
            assertThat(LegacySchemaShape.problems(connection)).isEmpty();
        }
    }

    @Test
    void theAdoptedFixtureHasExactlyTheSchemaOfADatabaseTheLibraryCreated() throws Exception {
        Path adopted = PythonRegistries.copyFixture(registryDir.resolve("adopted"));
        RegistryDatabase.upgrade(adopted.getParent(), ZoneOffset.UTC);
        Path created = registryDir.resolve("created").resolve(RegistryDatabase.SQLITE_FILE_NAME);
        RegistryDatabase.upgrade(created.getParent(), ZoneOffset.UTC);

        assertThat(schemaOf(adopted)).isEqualTo(schemaOf(created));
        String history = "SELECT filename, id, author, md5sum FROM DATABASECHANGELOG ORDER BY orderexecuted";
        assertThat(rows(adopted, history)).isEqualTo(rows(created, history));
    }

    @Test
    void aFileWithAMissingColumnIsRefusedAndLeftByteIdentical() throws Exception {
        assertRefused(replace(PYTHON_DDL, "model_path TEXT NOT NULL,", ""), "column versions.model_path is missing");
    }

    @Test
    void aFileWithAColumnOfAnotherTypeIsRefusedAndLeftByteIdentical() throws Exception {
        assertRefused(replace(PYTHON_DDL, "is_active INTEGER DEFAULT 1", "is_active TEXT DEFAULT 'yes'"),
                "column versions.is_active is declared 'TEXT', release 1.0 declares INTEGER");
    }

    @Test
    void aFileWithAnUnknownColumnIsRefusedAndLeftByteIdentical() throws Exception {
        assertRefused(replace(PYTHON_DDL, "active_version TEXT,", "active_version TEXT, owner TEXT,"),
                "column models.owner is not part of release 1.0");
    }

    @Test
    void aFileWithoutTheLineageTableIsRefusedAndLeftByteIdentical() throws Exception {
        List<String> ddl = new ArrayList<>(PYTHON_DDL);
        ddl.remove(ddl.size() - 1);
        assertRefused(ddl, "table data_lineage is missing");
    }

    @Test
    void aFileWithAnotherTableBesideTheRegistryTablesIsAdoptedAndTheTableKept() throws Exception {
        List<String> ddl = new ArrayList<>(PYTHON_DDL);
        ddl.add("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        Path file = PythonRegistries.pythonDatabase(registryDir, ddl, "INSERT INTO notes VALUES (1, 'kept')");

        assertThat(RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC).adopted()).isTrue();

        assertThat(rows(file, "SELECT text FROM notes")).containsExactly(List.of("kept"));
    }

    /**
     * The file's schema as sqlite_master states it, with the foreign key clauses of each table in
     * name order: Liquibase keeps a createTable's foreign keys in a HashSet of objects without
     * equals/hashCode, so a table with two of them (model_aliases) gets them in either order from
     * one run to the next. Their set is compared exactly; only their order in the text is not.
     */
    private static List<List<String>> schemaOf(Path file) throws Exception {
        String schema = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                + " AND name NOT LIKE 'DATABASECHANGELOG%' ORDER BY type, name";
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : rows(file, schema)) {
            List<String> normalised = new ArrayList<>(row);
            normalised.set(3, foreignKeysInNameOrder(row.get(3)));
            rows.add(normalised);
        }
        return rows;
    }

    private static final Pattern FOREIGN_KEY =
            Pattern.compile(", CONSTRAINT (\\w+) FOREIGN KEY \\([^)]*\\) REFERENCES \\w+\\([^)]*\\)( ON DELETE CASCADE)?");

    private static String foreignKeysInNameOrder(String sql) {
        if (sql == null) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        Matcher matcher = FOREIGN_KEY.matcher(sql);
        while (matcher.find()) {
            clauses.add(matcher.group());
        }
        clauses.sort(null);
        return FOREIGN_KEY.matcher(sql).replaceAll("") + " foreign keys " + clauses;
    }

    private void assertRefused(List<String> ddl, String problem) throws Exception {
        Path file = PythonRegistries.pythonDatabase(registryDir, ddl,
                model("telemanom_S1", "v1", "2025-01-01 10:00:00", "2025-01-01T10:00:00"));
        String hash = PythonRegistryAdoption.sha256(file);

        assertThat(RegistryDatabase.status(registryDir).shapeProblems()).contains(problem);
        assertThatThrownBy(() -> RegistryDatabase.upgrade(registryDir, ZoneOffset.UTC))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("the file was not changed");
        assertThatThrownBy(() -> RegistryDatabase.openSqlite(registryDir)).isInstanceOf(IncompatibleSchemaException.class);

        assertThat(PythonRegistryAdoption.sha256(file)).isEqualTo(hash);
        assertThat(PythonRegistries.fileNames(registryDir)).containsExactly("model_registry.db");
    }

    private static List<String> replace(List<String> ddl, String from, String to) {
        return ddl.stream().map(statement -> statement.replace(from, to)).toList();
    }
}
