package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.SCORING;
import static dev.modelregistry.domain.model.Fixtures.SENSOR;
import static dev.modelregistry.domain.model.Fixtures.TELEMANOM;
import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aVersionWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.nextVersionId;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.InconsistentModelException;
import dev.modelregistry.domain.InvalidLineageException;
import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Model#restore}: a model handed back whole is checked against every invariant, never repaired. */
class RestoringModelsTest {

    @Test
    void aModelRestoredFromItsOwnPartsHasItsVersionsActiveVersionBestScoreAndHistory() {
        Model original = aModel();
        ModelVersion first = register(original, 0.05, 1);
        ModelVersion best = register(original, 0.01, 2);
        register(original, 0.09, 3);
        original.promote(first.id(), at(4));
        original.deleteVersion(first.id(), true, at(5));

        Model restored = restore(original, versionsOf(original), original.activeVersionId().orElse(null), historyOf(original));

        assertThat(restored.id()).isEqualTo(original.id());
        assertThat(restored.activeVersionId()).contains(best.id());
        assertThat(restored.bestScore()).isEqualTo(original.bestScore());
        assertThat(restored.versions()).extracting(ModelVersion::id, ModelVersion::isActive, ModelVersion::performanceScore,
                ModelVersion::lineage).containsExactlyElementsOf(original.versions().stream()
                .map(v -> org.assertj.core.groups.Tuple.tuple(v.id(), v.isActive(), v.performanceScore(), v.lineage())).toList());
        assertThat(restored.history()).extracting(ActivationChange::sequenceNo, ActivationChange::versionId,
                ActivationChange::previousVersionId, ActivationChange::reason, ActivationChange::changedAt)
                .containsExactlyElementsOf(original.history().stream().map(c -> org.assertj.core.groups.Tuple.tuple(
                        c.sequenceNo(), c.versionId(), c.previousVersionId(), c.reason(), c.changedAt())).toList());
        assertThat(restored.activeVersionAt(at(4))).isEqualTo(original.activeVersionAt(at(4)));
    }

    @Test
    void aRestoredModelGoesOnKeepingTheRules() {
        Model original = aModel();
        register(original, 0.01, 1);
        Model restored = restore(original, versionsOf(original), original.activeVersionId().orElseThrow(), historyOf(original));

        ModelVersion weaker = restored.register(nextVersionId(), aVersionWithAnomalyRate(0.05), SCORING, at(2));
        assertThat(weaker.isActive()).as("a weaker version does not beat the restored best score").isFalse();

        restored.promote(weaker.id(), at(3));

        assertThat(restored.history()).extracting(ActivationChange::sequenceNo).containsExactly(1, 2);
        assertThat(restored.activeVersionId()).contains(weaker.id());
    }

    @Test
    void anActiveVersionThatIsNotAmongTheVersionsIsRefused() {
        Model original = aModel();
        register(original, 0.01, 1);

        assertThatThrownBy(() -> restore(original, versionsOf(original), VersionId.of("gone"), historyOf(original)))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("active version gone is not among its versions");
    }

    @Test
    void aVersionFlaggedActiveThatIsNotTheActiveVersionIsRefused() {
        Model original = aModel();
        ModelVersion active = register(original, 0.01, 1);
        ModelVersion other = register(original, 0.09, 2);
        List<RestoredVersion> versions = versionsOf(original).stream()
                .map(v -> v.id().equals(other.id()) ? withFlag(v, true) : v).toList();

        assertThatThrownBy(() -> restore(original, versions, active.id(), historyOf(original)))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("version " + other.id() + " is flagged active but the active version is " + active.id());
    }

    @Test
    void aModelWithVersionsAndNoActiveVersionIsRefused() {
        Model original = aModel();
        register(original, 0.01, 1);
        List<RestoredVersion> unflagged = versionsOf(original).stream().map(v -> withFlag(v, false)).toList();

        assertThatThrownBy(() -> restore(original, unflagged, null, List.of()))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("1 version(s) and no active version");
    }

    @Test
    void twoVersionsWithTheSameIdAreRefused() {
        Model original = aModel();
        register(original, 0.01, 1);
        List<RestoredVersion> twice = new ArrayList<>(versionsOf(original));
        twice.add(withFlag(twice.get(0), false));

        assertThatThrownBy(() -> restore(original, twice, original.activeVersionId().orElseThrow(), historyOf(original)))
                .isInstanceOf(DuplicateVersionException.class);
    }

    @Test
    void aHistoryWhoseEntryDoesNotReplaceTheVersionActiveBeforeItIsRefused() {
        Model original = aModel();
        ModelVersion a = register(original, 0.05, 1);
        ModelVersion b = register(original, 0.01, 2);
        List<RestoredActivation> history = historyOf(original);
        RestoredActivation second = history.get(1);
        List<RestoredActivation> cyclic = List.of(history.get(0), RestoredActivation.of(2, b.id(), b.id(),
                second.reason(), second.score(), second.score(), second.changedAt()));

        assertThatThrownBy(() -> restore(original, versionsOf(original), b.id(), cyclic))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("history entry #2 replaces " + b.id() + " but the version active before it was " + a.id());
    }

    @Test
    void aHistoryOutOfSequenceIsRefused() {
        Model original = aModel();
        register(original, 0.05, 1);
        register(original, 0.01, 2);
        List<RestoredActivation> reversed = new ArrayList<>(historyOf(original));
        java.util.Collections.reverse(reversed);

        assertThatThrownBy(() -> restore(original, versionsOf(original), original.activeVersionId().orElseThrow(), reversed))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("history entry #2 is out of sequence (expected #1)");
    }

    @Test
    void aHistoryGoingBackInTimeIsRefused() {
        Model original = aModel();
        register(original, 0.05, 10);
        register(original, 0.01, 20);
        List<RestoredActivation> history = historyOf(original);
        RestoredActivation second = history.get(1);
        List<RestoredActivation> backwards = List.of(history.get(0), RestoredActivation.of(2, second.versionId(),
                second.previousVersionId(), second.reason(), second.score(), second.previousScore(), at(5)));

        assertThatThrownBy(() -> restore(original, versionsOf(original), original.activeVersionId().orElseThrow(), backwards))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("is earlier than entry #1");
    }

    @Test
    void aHistoryThatEndsWithAnotherVersionThanTheActiveOneIsRefused() {
        Model original = aModel();
        ModelVersion a = register(original, 0.05, 1);
        ModelVersion b = register(original, 0.01, 2);
        List<RestoredVersion> aActive = versionsOf(original).stream().map(v -> withFlag(v, v.id().equals(a.id()))).toList();

        assertThatThrownBy(() -> restore(original, aActive, a.id(), historyOf(original)))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("its history ends with " + b.id() + " but the active version is " + a.id());
    }

    @Test
    void anActiveVersionWithoutHistoryIsRefused() {
        Model original = aModel();
        register(original, 0.05, 1);

        assertThatThrownBy(() -> restore(original, versionsOf(original), original.activeVersionId().orElseThrow(), List.of()))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("no history");
    }

    @Test
    void aHistoryEntryWithAScoreButNoVersionIsRefused() {
        assertThatThrownBy(() -> RestoredActivation.of(1, null, null, ActivationReason.REELECTED, 0.5, null, at(1)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("history[1].score");
    }

    @Test
    void aVersionWhoseDataHashDiffersFromItsLineageIsRefused() {
        VersionSpec spec = aVersionWithAnomalyRate(0.05);

        assertThatThrownBy(() -> RestoredVersion.of(nextVersionId(), at(1), 0.9, true, "other-hash", spec, at(1)))
                .isInstanceOf(InvalidVersionDataException.class)
                .hasMessageContaining("must equal the lineage's data hash");
    }

    @Test
    void aVersionWithoutLineageKeepsAWellFormedDataHashAndRefusesABlankOne() {
        VersionSpec withoutLineage = new VersionSpec(null, null, null, null, 0, null, null, null, null, null);
        Model restored = Model.restore(SENSOR, TELEMANOM, at(0), at(1),
                List.of(RestoredVersion.of(VersionId.of("v1"), at(1), 0.5, true, "python-hash", withoutLineage, null)),
                VersionId.of("v1"), List.of(RestoredActivation.of(1, VersionId.of("v1"), null, ActivationReason.MIGRATED,
                        0.5, null, at(1))));

        assertThat(restored.versions().get(0).dataHash()).contains("python-hash");
        assertThat(restored.versions().get(0).lineage()).isEmpty();
        assertThatThrownBy(() -> RestoredVersion.of(VersionId.of("v2"), at(1), 0.5, true, " ", withoutLineage, null))
                .isInstanceOf(InvalidLineageException.class);
    }

    static Model restore(Model original, List<RestoredVersion> versions, VersionId active,
                                 List<RestoredActivation> history) {
        return Model.restore(original.sensorId(), original.modelType(), original.createdAt(), original.updatedAt(),
                versions, active, history);
    }

    /** What an export records of a model's versions. */
    static List<RestoredVersion> versionsOf(Model model) {
        return model.versions().stream().map(v -> RestoredVersion.of(v.id(), v.createdAt(), v.performanceScore(),
                v.isActive(), v.dataHash().orElse(null), new VersionSpec(v.modelPath().orElse(null), v.trainingConfig(),
                        v.trainingMetrics(), v.validationMetrics(), v.modelSizeBytes(), v.trainingTimeSeconds().orElse(null),
                        v.modelHash().orElse(null), v.description().orElse(null), v.tags(), v.lineage().orElse(null)),
                v.lineage().map(DataLineage::recordedAt).orElse(null), v.archivedAt().orElse(null))).toList();
    }

    static List<RestoredActivation> historyOf(Model model) {
        return model.history().stream().map(c -> RestoredActivation.of(c.sequenceNo(), c.versionId().orElse(null),
                c.previousVersionId().orElse(null), c.reason(), c.score().orElse(null), c.previousScore().orElse(null),
                c.changedAt())).toList();
    }

    private static RestoredVersion withFlag(RestoredVersion v, boolean active) {
        return RestoredVersion.of(v.id(), v.createdAt(), v.performanceScore(), active, v.dataHash(), v.spec(),
                v.lineageRecordedAt(), v.archivedAt());
    }
}
