package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.domain.model.DataLineage;
import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.domain.model.VersionSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code ModelRepository.insertNew} (the migration's bulk path) leaves the tables exactly as
 * saving the same aggregates does: rows, is_active flags, history, the tag and data-source side
 * tables kept by the triggers, the change feed's cursors, and the read models' answers; checked
 * with plain SQL on the tables. A clash with an existing row fails the unit of work and leaves
 * nothing behind.
 */
abstract class BulkInsertContract {

    private static final int MODELS = 30;
    private static final int VERSIONS_PER_MODEL = 4;

    /** The database of the test class (a {@code @RegisterExtension} static field). */
    protected abstract ClassDatabase db();

    private RegistryDatabase database() {
        return db().database();
    }

    private Connection connect() throws SQLException {
        return db().connect();
    }

    /** Models of sensors {@code <prefix>-<n>}, each with versions of two tags and a data source; the recorded active one is version 1. */
    private static List<Model> models(String prefix) {
        List<Model> models = new ArrayList<>();
        for (int m = 0; m < MODELS; m++) {
            SensorId sensor = SensorId.of(prefix + "-" + m);
            Model model = Model.create(sensor, Fixtures.TELEMANOM, Fixtures.T0);
            List<ImportedVersion> versions = new ArrayList<>();
            for (int v = 0; v < VERSIONS_PER_MODEL; v++) {
                DataLineage lineage = v == 3 ? null
                        : DataLineage.of("hash-" + m + "-" + v, "source-" + (v % 2), "2024-01-01", "2024-03-01", 100L + v);
                VersionSpec spec = new VersionSpec("/models/" + prefix + "/" + m, Attributes.of(Map.of("epochs", v)),
                        Attributes.of(Map.of("loss", 0.1 * v)), Attributes.of(Fixtures.metricsWithAnomalyRate(0.02 + v / 100.0)),
                        1000L + v, 10.0 * v, "model-hash-" + v, "version " + v, Tags.of(List.of("tag-" + (v % 2), "all")), lineage);
                versions.add(new ImportedVersion(sensor, Fixtures.TELEMANOM, VersionId.of(prefix + "-" + m + "-" + v),
                        Fixtures.at(v), 0.5 + v / 10.0, spec));
            }
            model.importVersions(versions, m % 3 == 0 ? null : VersionId.of(prefix + "-" + m + "-1"), Fixtures.at(100));
            models.add(model);
        }
        return models;
    }

    @Test
    void insertedModelsLeaveTheSameRowsSideTablesAndCursorsAsSavedOnes() throws SQLException {
        long cursorBefore = lastCursor();
        database().unitOfWork().run(() -> database().repository().insertNew(models("bulk")));
        long cursorAfterBulk = lastCursor();
        database().unitOfWork().run(() -> models("saved").forEach(database().repository()::save));

        assertThat(cursorAfterBulk - cursorBefore).as("feed cursors handed out for the bulk history").isEqualTo(MODELS);
        for (String sql : List.of(
                "select v.version_id, v.model_id, v.sensor_id, v.created_at, v.performance_score, v.is_active, v.data_hash,"
                        + " v.model_hash, v.model_path, v.description, v.tags, v.training_config, v.training_metrics,"
                        + " v.validation_metrics, v.model_size_bytes, v.training_time_seconds from versions v where v.sensor_id like '%s-%%'",
                "select l.version_id, l.data_hash, l.data_source, l.data_start_date, l.data_end_date, l.num_samples, l.created_at"
                        + " from data_lineage l where l.version_id like '%s-%%'",
                "select t.tag, t.version_id, t.created_at, t.performance_score from version_tags t where t.version_id like '%s-%%'",
                "select s.data_source, s.version_id, s.created_at, s.performance_score from version_sources s where s.version_id like '%s-%%'",
                "select m.model_id, m.sensor_id, m.active_version, m.best_score, m.activation_count, m.created_at, m.updated_at"
                        + " from models m where m.sensor_id like '%s-%%'",
                "select m.sensor_id, h.sequence_no, h.version_id, h.previous_version_id, h.reason, h.score, h.previous_score,"
                        + " h.changed_at from activation_history h join models m on m.model_id = h.model_id where m.sensor_id like '%s-%%'")) {
            assertThat(rows(String.format(sql, "bulk"), "bulk")).as(sql).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(rows(String.format(sql, "saved"), "saved"));
        }
        try (Connection connection = connect()) {
            assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
        }
        assertThat(count("select count(*) from activation_history where feed_cursor is null")).isZero();
        assertThat(count("select count(distinct feed_cursor) from activation_history"))
                .isEqualTo(count("select count(*) from activation_history"));
    }

    @Test
    void insertedModelsAnswerTheReadModelsLikeSavedOnes() {
        database().unitOfWork().run(() -> database().repository().insertNew(models("readbulk")));
        database().unitOfWork().run(() -> models("readsaved").forEach(database().repository()::save));

        var readModels = database().readModels();
        for (int m = 0; m < MODELS; m++) {
            SensorId bulk = SensorId.of("readbulk-" + m);
            SensorId saved = SensorId.of("readsaved-" + m);
            assertThat(readModels.activeVersions().activeVersionId(bulk, Fixtures.TELEMANOM).map(id -> id.value().replace("readbulk", "")))
                    .isPresent()
                    .isEqualTo(readModels.activeVersions().activeVersionId(saved, Fixtures.TELEMANOM)
                            .map(id -> id.value().replace("readsaved", "")));
        }
    }

    @Test
    void aBulkInsertClashingWithAStoredVersionFailsTheUnitOfWorkAndLeavesNothing() throws SQLException {
        database().unitOfWork().run(() -> database().repository().save(models("clash").get(0)));
        long versionsBefore = count("select count(*) from versions");
        long historyBefore = count("select count(*) from activation_history");

        assertThatThrownBy(() -> database().unitOfWork().run(() -> database().repository().insertNew(models("clash"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(count("select count(*) from versions")).isEqualTo(versionsBefore);
        assertThat(count("select count(*) from activation_history")).isEqualTo(historyBefore);
        assertThat(count("select count(*) from models where sensor_id = 'clash-1'")).isZero();
    }

    private long lastCursor() throws SQLException {
        return count("select last_cursor from activation_feed where id = 1");
    }

    private long count(String sql) throws SQLException {
        long[] value = {0};
        query(sql, rows -> {
            try {
                rows.next();
                value[0] = rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return value[0];
    }

    /** Every row as text, the prefix of the sensor names taken out, so that both sets compare equal. */
    private List<String> rows(String sql, String prefix) throws SQLException {
        List<String> rows = new ArrayList<>();
        query(sql, result -> {
            try {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(String.valueOf(result.getString(c)).replace(prefix, "P")).append('|');
                    }
                    rows.add(row.toString());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return rows;
    }

    private void query(String sql, Consumer<ResultSet> reader) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            reader.accept(rows);
        }
    }
}
