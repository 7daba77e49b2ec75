package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import dev.modelregistry.persistence.feed.FeedChange;
import dev.modelregistry.persistence.query.ActivationRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs 1.3-aliases and 1.3-alias-history on a populated release 1.1 database: the history
 * written before them keeps every fact, names no alias and still answers which version was
 * active; aliases set after them are stored, recorded with their alias and fed. On SQLite and PostgreSQL.
 */
class AliasHistoryUpgradeTest {

    @TempDir
    Path registryDir;

    @Test
    void aPopulatedRelease11SqliteDatabaseKeepsItsHistoryAndTakesAliases() throws SQLException {
        fill(Release11Databases.sqlite(registryDir));
        checkUpgrade(() -> RegistryDatabase.openSqlite(registryDir));
    }

    @Test
    void aPopulatedRelease11PostgresDatabaseKeepsItsHistoryAndTakesAliases() throws SQLException {
        try (PostgresTarget server = PostgresTarget.start()) {
            fill(Release11Databases.postgres(server));
            checkUpgrade(server::open);
        }
    }

    private static void fill(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at,"
                    + " updated_at, activation_count) values ('telemanom_A', 'A', 'telemanom', null,"
                    + " '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z', 2)");
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, score, previous_score, changed_at) values ('A1', 'telemanom_A', 1,"
                    + " 'a1', null, 'REGISTERED', 0.5, null, '2025-01-01T00:00:01.000000Z')");
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, score, previous_score, changed_at) values ('A2', 'telemanom_A', 2,"
                    + " 'a2', 'a1', 'PROMOTED', 0.4, 0.5, '2025-01-01T00:00:02.000000Z')");
        }
    }

    private static void checkUpgrade(Supplier<RegistryDatabase> open) {
        try (RegistryDatabase upgraded = open.get()) {
            List<ActivationRow> old = upgraded.readModels().models().history(SensorId.of("A"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(old).extracting(ActivationRow::reason).containsExactly(ActivationReason.REGISTERED,
                    ActivationReason.PROMOTED);
            assertThat(old).allSatisfy(row -> assertThat(row.alias()).isEmpty());
            assertThat(upgraded.readModels().aliases().aliases(SensorId.of("A"), ModelType.of("telemanom")))
                    .contains(java.util.Map.of());

            VersionId first = ConcurrentRegistrar.registerOne(upgraded, "B");
            ConcurrentRegistrar.registerOne(upgraded, "B");
            upgraded.unitOfWork().execute(() -> upgraded.repository().findByVersion(first).orElseThrow()
                    .assignAlias(Alias.of("last-known-good"), first, Instant.now().truncatedTo(ChronoUnit.MICROS)));

            List<ActivationRow> fresh = upgraded.readModels().models().history(SensorId.of("B"), ModelType.of("telemanom"))
                    .orElseThrow();
            assertThat(fresh.get(fresh.size() - 1).alias()).contains(Alias.of("last-known-good"));
            assertThat(upgraded.readModels().aliases().version(SensorId.of("B"), ModelType.of("telemanom"),
                    Alias.of("last-known-good")).map(row -> row.versionId())).contains(first.value());
            List<FeedChange> feed = upgraded.feed().changesSince(0, 100);
            assertThat(feed.get(feed.size() - 1).alias()).isEqualTo("last-known-good");
            assertThat(feed.get(0).alias()).isNull();
            assertThat(feed.get(feed.size() - 1).reason()).isEqualTo(ActivationReason.ALIAS_SET);
        }
    }
}
