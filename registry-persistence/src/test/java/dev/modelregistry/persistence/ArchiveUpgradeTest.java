package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelregistry.domain.model.ActivationChange;
import dev.modelregistry.domain.model.ActivationReason;
import dev.modelregistry.domain.model.ChangeNote;
import dev.modelregistry.domain.model.Model;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.ModelVersion;
import dev.modelregistry.domain.model.SensorId;
import dev.modelregistry.domain.model.VersionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Changelog 1.3-archive on a populated release 1.1 database: every version written before it is
 * not archived (versions.archived_at NULL) and keeps its place in elections; a version archived
 * after it is stored with its time and note and leaves them. On SQLite and PostgreSQL.
 */
class ArchiveUpgradeTest implements Release11Upgrade {

    private static final Instant ARCHIVED_AT = Instant.parse("2025-01-01T00:00:03.000000Z");
    private static final ChangeNote NOTE = ChangeNote.by("ops-oncall").because("superseded");

    /** Besides telemanom_A: model telemanom_C with the active version c1 (0.9) and c2 (0.5). */
    @Override
    public void fill(DataSource release11) throws SQLException {
        Release11Upgrade.super.fill(release11);
        try (Connection connection = release11.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into models (model_id, sensor_id, model_type, active_version, created_at,"
                    + " updated_at, activation_count, best_score) values ('telemanom_C', 'C', 'telemanom', 'c1',"
                    + " '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:02.000000Z', 1, 0.9)");
            for (String[] version : new String[][] {{"c1", "TRUE", "0.9", "1"}, {"c2", "FALSE", "0.5", "2"}}) {
                sql.executeUpdate("insert into versions (version_id, model_id, sensor_id, model_type, created_at,"
                        + " is_active, performance_score, model_size_bytes) values ('" + version[0] + "', 'telemanom_C',"
                        + " 'C', 'telemanom', '2025-01-01T00:00:0" + version[3] + ".000000Z', " + version[1] + ", "
                        + version[2] + ", 0)");
            }
            sql.executeUpdate("insert into activation_history (change_id, model_id, sequence_no, version_id,"
                    + " previous_version_id, reason, score, previous_score, changed_at) values ('C1', 'telemanom_C', 1,"
                    + " 'c1', null, 'REGISTERED', 0.9, null, '2025-01-01T00:00:01.000000Z')");
        }
    }

    @Override
    public void checkUpgrade(Supplier<RegistryDatabase> open) {
        try (RegistryDatabase upgraded = open.get()) {
            upgraded.unitOfWork().run(() -> {
                Model model = upgraded.repository().findByVersion(new VersionId("c1")).orElseThrow();
                assertThat(model.versions()).hasSize(2).noneMatch(ModelVersion::isArchived);
                assertThat(model.archive(new VersionId("c1"), true, NOTE, ARCHIVED_AT)).isTrue();
            });

            assertThat(upgraded.readModels().activeVersions().activeVersion(SensorId.of("C"), ModelType.of("telemanom"))
                    .orElseThrow().versionId()).as("is_active follows the re-election").isEqualTo("c2");
            upgraded.unitOfWork().run(() -> {
                Model model = upgraded.repository().findByVersion(new VersionId("c1")).orElseThrow();
                assertThat(model.findVersion(new VersionId("c1")).orElseThrow().archivedAt()).contains(ARCHIVED_AT);
                assertThat(model.findVersion(new VersionId("c2")).orElseThrow().isArchived()).isFalse();
                assertThat(model.activeVersionId()).contains(new VersionId("c2"));
                assertThat(model.bestScore()).contains(0.5);
                assertThat(model.history()).extracting(ActivationChange::reason).containsExactly(
                        ActivationReason.REGISTERED, ActivationReason.REELECTED, ActivationReason.ARCHIVED);
                assertThat(model.history().get(2).note()).contains(NOTE);
            });
        }
    }
}
