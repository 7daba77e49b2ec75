package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.Fixtures;
import dev.modelregistry.domain.model.ImportedVersion;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelId;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The active flag follows the model: after every way the active version moves, the rows
 * themselves (plain SQL, not the entities) flag exactly the version {@code models.active_version}
 * names, and the move never trips the partial unique index {@code uq_versions_one_active}
 * (present: each change below would fail on it if two flags met).
 */
abstract class ActiveFlagContract {

    protected abstract RegistryDatabase database();

    private final String sensor = "flag-" + UUID.randomUUID().toString().substring(0, 8);
    private final ModelId modelId = ModelId.of(SensorId.of(sensor), Fixtures.TELEMANOM);

    @Test
    void aWinningRegistrationMovesTheFlagToTheNewVersion() throws SQLException {
        VersionId first = register(0.5);
        VersionId second = register(0.1);

        assertThat(flagged()).containsExactly(second.value());
        assertThat(activeVersionColumn()).isEqualTo(second.value());
        assertThat(flagged()).doesNotContain(first.value());
        assertConsistent();
    }

    @Test
    void aLosingRegistrationLeavesTheFlagOnTheChampion() throws SQLException {
        VersionId champion = register(0.1);
        register(0.9);

        assertThat(flagged()).containsExactly(champion.value());
        assertConsistent();
    }

    @Test
    void aPromotionMovesTheFlagBothWays() throws SQLException {
        VersionId first = register(0.5);
        VersionId second = register(0.1);

        change(model -> model.promote(first, Fixtures.at(10)));
        assertThat(flagged()).containsExactly(first.value());
        change(model -> model.promote(second, Fixtures.at(11)));
        assertThat(flagged()).containsExactly(second.value());
        assertConsistent();
    }

    @Test
    void deletingTheActiveVersionFlagsTheReelectedOne() throws SQLException {
        VersionId first = register(0.5);
        VersionId second = register(0.1);

        change(model -> model.deleteVersion(second, true, Fixtures.at(10)));
        assertThat(flagged()).containsExactly(first.value());
        change(model -> model.deleteVersion(first, true, Fixtures.at(11)));
        assertThat(flagged()).isEmpty();
        assertThat(activeVersionColumn()).isNull();
        assertConsistent();
    }

    @Test
    void aCleanupKeepsTheFlagOnTheActiveVersion() throws SQLException {
        VersionId champion = register(0.05);
        for (int i = 0; i < 4; i++) {
            register(0.9);
        }

        change(model -> model.retainNewest(2, Fixtures.at(20)));
        assertThat(flagged()).containsExactly(champion.value());
        assertThat(count("select count(*) from versions where model_id = ?")).isEqualTo(3);
        assertConsistent();
    }

    @Test
    void aBulkImportOfNewModelsFlagsTheRecordedActiveVersions() throws SQLException {
        List<ImportedVersion> versions = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            versions.add(new ImportedVersion(SensorId.of(sensor), Fixtures.TELEMANOM, VersionId.of(sensor + "-" + v),
                    Fixtures.at(v), 0.5 + v / 10.0, Fixtures.aVersionWithAnomalyRate(0.1)));
        }
        database().unitOfWork().run(() -> {
            database().repository().findAllWithVersions(List.of(modelId)); // the migration's look-up
            Model model = Model.create(SensorId.of(sensor), Fixtures.TELEMANOM, Fixtures.T0);
            model.importVersions(versions, VersionId.of(sensor + "-1"), Fixtures.T0);
            database().repository().save(model);
        });

        assertThat(flagged()).containsExactly(sensor + "-1");
        assertConsistent();
    }

    @Test
    void aFlagWrittenByHandIsNotWhatTheModelSaysAndTheNextChangeRepairsIt() throws SQLException {
        VersionId first = register(0.5);
        VersionId second = register(0.9);
        sql("update versions set is_active = false where model_id = ?"); // another program's doing

        change(model -> model.promote(second, Fixtures.at(10)));
        assertThat(flagged()).containsExactly(second.value());
        change(model -> model.promote(first, Fixtures.at(11)));
        assertThat(flagged()).containsExactly(first.value());
        assertConsistent();
    }

    private VersionId register(double anomalyRate) {
        VersionId id = Fixtures.nextVersionId();
        database().unitOfWork().run(() -> {
            Model model = Model.forPair(SensorId.of(sensor), Fixtures.TELEMANOM,
                    database().repository().findById(modelId), Fixtures.T0);
            model.register(id, Fixtures.aVersionWithAnomalyRate(anomalyRate), Fixtures.SCORING, Fixtures.at(1));
            database().repository().save(model);
        });
        return id;
    }

    private void change(Consumer<Model> change) {
        database().unitOfWork().run(() -> change.accept(database().repository().findById(modelId).orElseThrow()));
    }

    private List<String> flagged() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select version_id from versions where model_id = ? and is_active order by version_id")) {
            query.setString(1, modelId.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private String activeVersionColumn() throws SQLException {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select active_version from models where model_id = ?")) {
            query.setString(1, modelId.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, modelId.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void sql(String update) throws SQLException {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setString(1, modelId.value());
            statement.executeUpdate();
        }
    }

    private void assertConsistent() throws SQLException {
        try (Connection connection = database().dataSource().getConnection()) {
            assertThat(RegistryInvariants.check(connection).violations()).isEmpty();
            try (PreparedStatement index = connection.prepareStatement(connection.getMetaData().getDatabaseProductName()
                    .toLowerCase().contains("sqlite")
                    ? "select count(*) from sqlite_master where type = 'index' and name = 'uq_versions_one_active'"
                    : "select count(*) from pg_indexes where indexname = 'uq_versions_one_active' and schemaname = current_schema()");
                 ResultSet row = index.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("the partial unique index is there").isEqualTo(1);
            }
        }
    }
}
