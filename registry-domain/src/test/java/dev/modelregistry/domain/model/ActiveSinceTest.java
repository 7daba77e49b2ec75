package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.anImported;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Since when the active version is active is kept with the choice: it is always the time of the
 * last history entry while a version is active, and empty without one, through every change.
 */
class ActiveSinceTest {

    private static Optional<Instant> lastEntryTime(Model model) {
        List<ActivationChange> history = model.history();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).changedAt());
    }

    private static void assertActiveSinceIsTheLastEntry(Model model, Instant expected) {
        assertThat(model.activeSince()).contains(expected);
        assertThat(model.activeSince()).isEqualTo(lastEntryTime(model));
    }

    @Test
    void aModelWithoutVersionsHasNoActiveSince() {
        assertThat(aModel().activeSince()).isEmpty();
    }

    @Test
    void registrationsThatWinPromotionsAndReelectionsMoveItAndNothingElseDoes() {
        Model model = aModel();
        ModelVersion first = register(model, 0.05, 1);
        assertActiveSinceIsTheLastEntry(model, at(1));

        register(model, 0.09, 2); // loses
        assertActiveSinceIsTheLastEntry(model, at(1));

        ModelVersion best = register(model, 0.01, 3); // wins
        assertActiveSinceIsTheLastEntry(model, at(3));

        model.promote(first.id(), at(4));
        assertActiveSinceIsTheLastEntry(model, at(4));
        model.promote(first.id(), at(5)); // already active: no change, no entry
        assertActiveSinceIsTheLastEntry(model, at(4));

        model.deleteVersion(best.id(), false, at(6)); // a spare
        assertActiveSinceIsTheLastEntry(model, at(4));

        model.deleteVersion(first.id(), true, at(7)); // the active one: the remaining version is re-elected
        assertActiveSinceIsTheLastEntry(model, at(7));
    }

    @Test
    void aRetentionCleanUpKeepsTheActiveVersionAndItsActiveSince() {
        Model model = aModel();
        register(model, 0.01, 1);
        for (int i = 2; i <= 6; i++) {
            register(model, 0.09, i);
        }

        assertThat(model.retainNewest(2, at(10))).hasSize(3);

        assertActiveSinceIsTheLastEntry(model, at(1));
    }

    @Test
    void deletingTheLastVersionLeavesNoActiveSince() {
        Model model = aModel();
        ModelVersion only = register(model, 0.05, 1);

        model.deleteVersion(only.id(), true, at(2));

        assertThat(model.activeSince()).isEmpty();
        assertThat(model.history()).last().extracting(ActivationChange::reason).isEqualTo(ActivationReason.LAST_VERSION_DELETED);
    }

    @Test
    void anImportIsActiveSinceTheImportWhetherItKeptTheNamedVersionOrReelected() {
        Model named = aModel();
        named.importVersions(List.of(anImported("aaaaaaaa", at(1), 0.9, aSpec(Map.of("mae", 0.1)))),
                VersionId.of("aaaaaaaa"), at(100));
        assertActiveSinceIsTheLastEntry(named, at(100));

        Model reelected = aModel();
        reelected.importVersions(List.of(anImported("bbbbbbbb", at(1), 0.9, aSpec(Map.of("mae", 0.1)))),
                VersionId.of("missing0"), at(200));
        assertThat(reelected.history()).last().extracting(ActivationChange::reason).isEqualTo(ActivationReason.REELECTED);
        assertActiveSinceIsTheLastEntry(reelected, at(200));
    }

    @Test
    void aRestoredModelIsActiveSinceItsLastHistoryEntry() {
        Model original = aModel();
        ModelVersion first = register(original, 0.05, 1);
        register(original, 0.01, 2);
        original.promote(first.id(), at(3));

        Model restored = Model.restore(original.sensorId(), original.modelType(), original.createdAt(),
                original.updatedAt(), RestoringModelsTest.versionsOf(original), first.id(),
                RestoringModelsTest.historyOf(original));

        assertThat(restored.activeSince()).contains(at(3)).isEqualTo(original.activeSince());
    }

    @Test
    void aRestoredModelWhoseLastVersionWasDeletedHasNoActiveSince() {
        Model original = aModel();
        ModelVersion only = register(original, 0.05, 1);
        original.deleteVersion(only.id(), true, at(2));

        Model restored = Model.restore(original.sensorId(), original.modelType(), original.createdAt(),
                original.updatedAt(), List.of(), null, RestoringModelsTest.historyOf(original));

        assertThat(restored.activeSince()).isEmpty();
    }
}
