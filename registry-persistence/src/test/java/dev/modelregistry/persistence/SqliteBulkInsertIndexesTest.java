package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk insert into a registry without tagged versions builds the secondary indexes of
 * {@code version_tags} once, before the commit, instead of row by row: the committed schema holds
 * the same indexes from the same statements as Liquibase built them, every index agrees with its
 * table, and a failed transaction leaves the indexes as they were.
 */
class SqliteBulkInsertIndexesTest {

    @TempDir
    Path dir;

    private static List<Model> models(String prefix, int count) {
        List<Model> models = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            SensorId sensor = SensorId.of(prefix + "-" + m);
            Model model = Model.create(sensor, Fixtures.TELEMANOM, Fixtures.T0);
            List<ImportedVersion> versions = new ArrayList<>();
            for (int v = 0; v < 3; v++) {
                VersionSpec spec = new VersionSpec("/models/" + prefix + "/" + m, Attributes.of(Map.of("epochs", v)),
                        Attributes.of(Map.of("loss", 0.1 * v)), Attributes.of(Fixtures.metricsWithAnomalyRate(0.02)),
                        1000L + v, 10.0 * v, "model-hash-" + v, "version " + v, Tags.of(List.of("tag-" + v, "all")), null);
                versions.add(new ImportedVersion(sensor, Fixtures.TELEMANOM, VersionId.of(prefix + "-" + m + "-" + v),
                        Fixtures.at(v), 0.5 + v / 10.0, spec));
            }
            model.importVersions(versions, VersionId.of(prefix + "-" + m + "-1"), Fixtures.at(100));
            models.add(model);
        }
        return models;
    }

    @Test
    void aBulkInsertIntoARegistryWithoutTagsCommitsTheTagIndexesLiquibaseBuilt() throws SQLException {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(dir)) {
            List<String> before = tagIndexes();
            assertThat(before).hasSize(5);

            database.unitOfWork().run(() -> {
                database.repository().insertNew(models("first", 20));
                database.unitOfWork().checkpoint();
                database.repository().insertNew(models("second", 20));
            });

            assertThat(tagIndexes()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(single("select count(*) from version_tags")).isEqualTo(40 * 3 * 2);
            assertThat(single("select count(*) from version_tags indexed by idx_version_tags_created where tag = 'all'"))
                    .isEqualTo(40 * 3);
            assertThat(text("pragma integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    void aBulkInsertIntoARegistryWithTagsKeepsItsIndexesAndFillsThem() throws SQLException {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(dir)) {
            database.unitOfWork().run(() -> database.repository().insertNew(models("first", 5)));
            List<String> before = tagIndexes();

            database.unitOfWork().run(() -> database.repository().insertNew(models("second", 5)));

            assertThat(tagIndexes()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(single("select count(*) from version_tags indexed by idx_version_tags_version"
                    + " where version_id like 'second-%'")).isEqualTo(5 * 3 * 2);
            assertThat(text("pragma integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    void aFailedBulkInsertLeavesTheTagIndexesInPlaceAndNoRows() throws SQLException {
        try (RegistryDatabase database = RegistryDatabase.openSqlite(dir)) {
            List<String> before = tagIndexes();

            assertThatThrownBy(() -> database.unitOfWork().run(() -> {
                database.repository().insertNew(models("failed", 10));
                throw new IllegalStateException("the import fails after its inserts");
            })).hasMessageContaining("the import fails after its inserts");

            assertThat(tagIndexes()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(single("select count(*) from version_tags")).isZero();
            assertThat(single("select count(*) from versions")).isZero();
            assertThat(text("pragma integrity_check")).isEqualTo("ok");
        }
    }

    /** Name and statement of every index of version_tags with a statement of its own. */
    private List<String> tagIndexes() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "select name, sql from sqlite_master where type = 'index' and tbl_name = 'version_tags' and sql is not null")) {
            while (rows.next()) {
                indexes.add(rows.getString(1) + ": " + rows.getString(2));
            }
        }
        return indexes;
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RegistryDatabase.SQLITE_FILE_NAME).toAbsolutePath());
    }
}
