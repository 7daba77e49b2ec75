package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelOverview;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.query.VersionSearchReadModel;
import dev.modelregistry.persistence.query.VersionSearchReadModel.Criteria;
import dev.modelregistry.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A populated database of release 1.1 upgraded to editable tags (changelog 1.3-tags): the
 * list-of-strings tags read as keys without values and are still found by key, versions.tags
 * keeps its text, the new columns are null (no values, no model description or tags), and an
 * edit writes a JSON list of every key (what Python reads) plus the values beside it, found by
 * key and value at once. On SQLite and PostgreSQL.
 */
class TagsUpgradeTest {

    @TempDir
    Path registryDir;

    @Test
    void aPopulatedSqliteDatabaseKeepsItsTagsReadableAndGetsEditableOnes() throws SQLException {
        SQLiteDataSource older = new SQLiteDataSource();
        older.setUrl(RegistryDatabase.sqliteUrl(registryDir.resolve(RegistryDatabase.SQLITE_FILE_NAME)));
        fill(older, true);
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir), older);
    }

    @Test
    void aPopulatedPostgresDatabaseKeepsItsTagsReadableAndGetsEditableOnes() throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            PGSimpleDataSource older = new PGSimpleDataSource();
            older.setURL(server.url());
            older.setUser(server.user());
            older.setPassword(server.password());
            fill(older, false);
            checkUpgrade(server::open, older);
        }
    }

    private static void fill(DataSource dataSource, boolean sqlite) throws SQLException {
        SchemaMigrator.update(dataSource, "older-releases/master-1.1.xml");
        String at = sqlite ? "'2025-01-01T00:00:01.250000Z'" : "TIMESTAMP WITH TIME ZONE '2025-01-01T00:00:01.250000Z'";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at, updated_at,"
                    + " activation_count) values ('telemanom_A', 'A', 'telemanom', 'a1', " + at + ", " + at + ", 1)");
            version(sql, "a1", at, "'[\"anomaly\", \"x=y\", \"anomaly\"]'", true);
            version(sql, "a2", at, "'not json'", false);
            version(sql, "a3", at, "null", false);
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, changed_at) values ('A-1', 'telemanom_A', 1, 'a1', null, 'REGISTERED', "
                    + at + ")");
        }
    }

    private static void version(Statement sql, String id, String at, String tags, boolean active) throws SQLException {
        sql.executeUpdate("insert into versions (version_id, model_id, sensor_id, model_type, created_at, is_active,"
                + " performance_score, model_size_bytes, tags) values ('" + id + "', 'telemanom_A', 'A', 'telemanom', " + at + ", "
                + (active ? "TRUE" : "FALSE") + ", 0.5, 0, " + tags + ")");
    }

    private static void checkUpgrade(Supplier<RegistryDatabase> open, DataSource tables) throws SQLException {
        try (RegistryDatabase upgraded = open.get(); Connection connection = tables.getConnection();
             Statement sql = connection.createStatement()) {
            Tags a1 = upgraded.readModels().versions().details(new VersionId("a1")).orElseThrow().tags();
            assertThat(a1.keys()).containsExactly("anomaly", "x=y", "anomaly");
            assertThat(a1.values()).isEmpty();
            assertThat(upgraded.readModels().versions().details(new VersionId("a2")).orElseThrow().tags().isUnreadable())
                    .isTrue();
            assertThat(upgraded.readModels().versions().details(new VersionId("a3")).orElseThrow().tags().isEmpty())
                    .isTrue();
            ModelOverview model = upgraded.readModels().models()
                    .overviews(Optional.empty(), Optional.of(SensorId.of("A"))).get(0);
            assertThat(model.description()).isEmpty();
            assertThat(model.tags().isEmpty()).isTrue();
            assertThat(strings(sql, "select description || tags || tag_values from models")).containsOnlyNulls();
            assertThat(strings(sql, "select tag_values from versions")).containsOnlyNulls();
            assertThat(strings(sql, "select tag_value from version_tags")).hasSize(2).containsOnlyNulls();
            assertThat(search(upgraded, "x=y", null)).containsExactly("a1");
            assertThat(search(upgraded, "anomaly", null)).containsExactly("a1");

            upgraded.unitOfWork().execute(() -> {
                Model found = upgraded.repository().findByVersion(new VersionId("a1")).orElseThrow();
                found.tagVersion(new VersionId("a1"), "stage", "prod", found.updatedAt());
                found.tag("team", "ops", found.updatedAt());
                return null;
            });

            assertThat(strings(sql, "select tags from versions where version_id = 'a1'"))
                    .containsExactly("[\"anomaly\",\"x=y\",\"anomaly\",\"stage\"]");
            assertThat(strings(sql, "select tag_values from versions where version_id = 'a1'"))
                    .containsExactly("{\"stage\":\"prod\"}");
            assertThat(strings(sql, "select tags from versions where version_id = 'a2'")).containsExactly("not json");
            assertThatThrownBy(() -> upgraded.unitOfWork().execute(() -> {
                upgraded.repository().findByVersion(new VersionId("a2")).orElseThrow()
                        .describeVersion(new VersionId("a2"), "edited", Instant.now());
                return null;
            })).isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("never rewritten");
            assertThat(strings(sql, "select tags from versions where version_id = 'a2'")).containsExactly("not json");
            assertThat(search(upgraded, "stage", "prod")).containsExactly("a1");
            assertThat(search(upgraded, "stage", "shadow")).isEmpty();
            assertThat(search(upgraded, "anomaly", null)).containsExactly("a1");
            assertThat(upgraded.readModels().models().overviews(Optional.of(ModelType.of("telemanom")), Optional.empty())
                    .get(0).tags().values()).isEqualTo(Map.of("team", "ops"));
            assertThat(upgraded.readModels().activeVersions().activeVersion(SensorId.of("A"), ModelType.of("telemanom"))
                    .orElseThrow().versionId()).isEqualTo("a1");
        }
    }

    private static List<String> search(RegistryDatabase database, String tag, String value) {
        return new VersionSearchReadModel(database.reads()).page(new Criteria(null, null, tag, null, null, null, null,
                        null, null, null, null, false, false, true, value), null, 10).stream()
                .map(VersionSearchReadModel.Row::versionId).toList();
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
