package dev.modelregistry.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.app.ActivationEntry;
import dev.modelregistry.app.ArchiveReport;
import dev.modelregistry.app.CleanupMode;
import dev.modelregistry.app.CleanupReport;
import dev.modelregistry.app.CleanupProgress;
import dev.modelregistry.app.ModelRegistration;
import dev.modelregistry.app.ModelRegistry;
import dev.modelregistry.app.ModelSummary;
import dev.modelregistry.app.VersionQuery;
import dev.modelregistry.app.VersionSummary;
import dev.modelregistry.domain.ActiveVersionArchiveException;
import dev.modelregistry.domain.ArchivedVersionException;
import dev.modelregistry.domain.model.ChangeNote;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Archiving through the public API (R15; README "Governance", "Archive"): an archived version is
 * kept and found by id, but leaves the elections, its aliases and the default listings and
 * searches, which include it only when asked; a cleanup can archive instead of delete. Run on
 * SQLite and PostgreSQL.
 */
abstract class ArchiveThroughTheApiContract {

    /** A fresh, empty registry. */
    protected abstract ModelRegistry open();

    private static ModelRegistration registration(String sensor, double anomalyRate) {
        return ModelRegistration.builder().sensorId(sensor).modelType("transformer")
                .validationMetrics(Map.of("validation_performed", true, "anomaly_rate", anomalyRate))
                .dataHash("sha256-of-training-data").dataSource("nasa_smap").build();
    }

    @Test
    void anArchivedVersionIsFoundByIdButLeftOutOfListingsSearchesAndCountsUnlessAsked() {
        try (ModelRegistry registry = open()) {
            String best = registry.registerModel(registration("s1", 0.01));
            String old = registry.registerModel(registration("s1", 0.05));
            registry.setAlias(old, "shadow");
            ChangeNote note = ChangeNote.by("ops-oncall").because("superseded").referencing("OPS-7");

            ArchiveReport report = registry.archiveVersion(old, false, note);

            assertThat(report).isEqualTo(new ArchiveReport(old, true, Optional.of(best), false));
            assertThat(registry.getModelMetadata(old).orElseThrow().archivedAt()).isNotNull();
            assertThat(registry.getModelMetadata(old).orElseThrow().isArchived()).isTrue();
            assertThat(registry.getModelMetadata(best).orElseThrow().isArchived()).isFalse();
            assertThat(registry.listAliases("s1", "transformer")).doesNotContainKey("shadow");
            assertThat(registry.listVersions("s1", "transformer")).extracting(VersionSummary::versionId)
                    .containsExactly(best);
            assertThat(registry.listVersions("s1", "transformer", true)).extracting(VersionSummary::versionId,
                    VersionSummary::isArchived).containsExactly(org.assertj.core.groups.Tuple.tuple(old, true),
                    org.assertj.core.groups.Tuple.tuple(best, false));
            assertThat(registry.listVersionsOfSensor("s1")).extracting(VersionSummary::versionId).containsExactly(best);
            assertThat(registry.listVersionsScoredAtLeast(0.0)).extracting(VersionSummary::versionId).containsExactly(best);
            for (VersionQuery.Builder query : List.of(VersionQuery.builder(), VersionQuery.builder().sensorId("s1"),
                    VersionQuery.builder().dataSource("nasa_smap"), VersionQuery.builder().minScore(0.0)
                            .createdAfter(java.time.Instant.EPOCH), VersionQuery.builder().orderBy(VersionQuery.Order.SCORE)
                            .createdAfter(java.time.Instant.EPOCH))) {
                assertThat(registry.searchVersions(query.build()).items()).extracting(VersionSummary::versionId)
                        .as(query.build().toString()).containsExactly(best);
                assertThat(registry.searchVersions(query.includeArchived().build()).items())
                        .extracting(VersionSummary::versionId).containsExactlyInAnyOrder(best, old);
            }
            ModelSummary summary = registry.listModels("transformer").get(0);
            assertThat(summary.versionCount()).isEqualTo(1);
            assertThat(summary.archivedCount()).isEqualTo(1);
            assertThat(registry.getRegistryStats().totalVersions()).isEqualTo(2);
            assertThat(registry.getRegistryStats().archivedVersions()).isEqualTo(1);
            List<ActivationEntry> history = registry.getActivationHistory("s1", "transformer");
            assertThat(history).extracting(ActivationEntry::reason).endsWith("ARCHIVED", "ALIAS_REMOVED_WITH_VERSION");
            assertThat(history.get(history.size() - 2).note()).isEqualTo(note);
            assertThat(registry.archiveVersion(old, false).archived()).as("archived already").isFalse();
        }
    }

    @Test
    void archivingTheActiveVersionNeedsForceAndReElectsAmongTheVersionsInElections() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.01));
            String archived = registry.registerModel(registration("s1", 0.02));
            String weaker = registry.registerModel(registration("s1", 0.09));
            registry.archiveVersion(archived, false);

            assertThatThrownBy(() -> registry.archiveVersion(active, false))
                    .isInstanceOf(ActiveVersionArchiveException.class).hasMessageContaining("force the archive");
            ArchiveReport report = registry.archiveVersion(active, true);

            assertThat(report).isEqualTo(new ArchiveReport(active, true, Optional.of(weaker), true));
            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(weaker);
            assertThatThrownBy(() -> registry.archiveVersion(weaker, true))
                    .isInstanceOf(ActiveVersionArchiveException.class).hasMessageContaining("no other version");
            assertThatThrownBy(() -> registry.promoteVersion(active)).isInstanceOf(ArchivedVersionException.class);
            assertThatThrownBy(() -> registry.setAlias(active, "challenger")).isInstanceOf(ArchivedVersionException.class);
            String better = registry.registerModel(registration("s1", 0.05));
            assertThat(registry.getActiveModelVersion("s1", "transformer"))
                    .as("compared with the versions in elections only").contains(better);
        }
    }

    @Test
    void anUnarchivedVersionIsListedAgainAndCanBePromoted() {
        try (ModelRegistry registry = open()) {
            String active = registry.registerModel(registration("s1", 0.05));
            String old = registry.registerModel(registration("s1", 0.09));
            registry.archiveVersion(old, false);

            assertThat(registry.unarchiveVersion(old, null)).isTrue();

            assertThat(registry.unarchiveVersion(old, null)).isFalse();
            assertThat(registry.listVersions("s1", "transformer")).extracting(VersionSummary::versionId)
                    .containsExactly(old, active);
            registry.promoteVersion(old);
            assertThat(registry.getActiveModelVersion("s1", "transformer")).contains(old);
        }
    }

    @Test
    void aCleanupInArchiveModeArchivesWhatADeletingOneWouldDelete() {
        try (ModelRegistry registry = open()) {
            String best = registry.registerModel(registration("s1", 0.01));
            String older = registry.registerModel(registration("s1", 0.08));
            String newest = registry.registerModel(registration("s1", 0.09));
            CleanupReport preview = registry.previewCleanup(1, CleanupMode.ARCHIVE);

            CleanupReport report = registry.cleanupOldVersions(1, CleanupMode.ARCHIVE, CleanupProgress.SILENT);

            assertThat(preview.versions()).extracting(VersionSummary::versionId).containsExactly(older);
            assertThat(report.mode()).isEqualTo(CleanupMode.ARCHIVE);
            assertThat(report.versions()).extracting(VersionSummary::versionId).containsExactly(older);
            assertThat(registry.listVersions("s1", "transformer", true)).hasSize(3);
            assertThat(registry.listVersions("s1", "transformer")).extracting(VersionSummary::versionId)
                    .containsExactly(newest, best);
            assertThat(registry.previewCleanup(1, CleanupMode.ARCHIVE).versions()).isEmpty();
            assertThat(registry.previewCleanup(1).versions()).extracting(VersionSummary::versionId)
                    .as("a deleting cleanup deletes archived versions too").containsExactly(older);
        }
    }
}
