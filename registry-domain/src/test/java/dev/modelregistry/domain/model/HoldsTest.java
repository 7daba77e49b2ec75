package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.modelregistry.domain.HoldNotFoundException;
import dev.modelregistry.domain.InconsistentModelException;
import dev.modelregistry.domain.NothingToHoldException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R14: a hold freezes the active version until it is released, and the history explains it. */
class HoldsTest {

    private static ActivationChange last(Model model) {
        return model.history().get(model.history().size() - 1);
    }

    private static List<ActivationReason> reasons(Model model) {
        return model.history().stream().map(ActivationChange::reason).toList();
    }

    @Test
    void holdingRecordsAHoldStartedEntryOnTheActiveVersionAndChangesNothingElse() {
        Model model = aModel();
        ModelVersion active = register(model, 0.05, 1);

        assertThat(model.holdActiveVersion(at(2))).isTrue();

        assertThat(model.hold()).contains(new Hold(active.id(), at(2), active.id()));
        assertThat(last(model).reason()).isEqualTo(ActivationReason.HOLD_STARTED);
        assertThat(last(model).reason().changesActiveVersion()).isFalse();
        assertThat(last(model).versionId()).contains(active.id());
        assertThat(last(model).previousVersionId()).contains(active.id());
        assertThat(model.activeSince()).contains(at(1));
        assertThat(model.updatedAt()).isEqualTo(at(2));
    }

    @Test
    void theHoldsEntriesCarryTheNotesOfTheCallsThatWroteThem() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        ChangeNote freeze = ChangeNote.by("ops-oncall").because("freeze during the audit").referencing("OPS-42");
        ChangeNote thaw = ChangeNote.by("ops-oncall").because("audit done");
        model.holdActiveVersion(freeze, at(2));
        register(model, 0.01, 3);
        model.promote(held.id(), ChangeNote.by("lead"), at(4));

        model.releaseHold(thaw, at(5));

        assertThat(model.history()).extracting(ActivationChange::reason, entry -> entry.note().orElse(null))
                .containsExactly(tuple(ActivationReason.REGISTERED, null), tuple(ActivationReason.HOLD_STARTED, freeze),
                        tuple(ActivationReason.WOULD_HAVE_BECOME_ACTIVE, null),
                        tuple(ActivationReason.WOULD_HAVE_BECOME_ACTIVE, ChangeNote.by("lead")),
                        tuple(ActivationReason.HOLD_RELEASED, thaw));
    }

    @Test
    void theReleaseReElectionCarriesTheReleasesNote() {
        Model model = aModel();
        register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        register(model, 0.01, 3);
        ChangeNote thaw = ChangeNote.by("ops-oncall").because("audit done");

        model.releaseHold(thaw, at(4));

        assertThat(last(model).reason()).isEqualTo(ActivationReason.RELEASE_REELECTED);
        assertThat(last(model).note()).contains(thaw);
    }

    @Test
    void aModelWithoutVersionsCannotBeHeld() {
        Model model = aModel();

        assertThatThrownBy(() -> model.holdActiveVersion(at(1))).isInstanceOf(NothingToHoldException.class)
                .hasMessageContaining("telemanom_sensor_001").hasMessageContaining("no active version to hold");
        assertThat(model.history()).isEmpty();
    }

    @Test
    void holdingAHeldModelChangesNothing() {
        Model model = aModel();
        register(model, 0.05, 1);
        model.holdActiveVersion(at(2));

        assertThat(model.holdActiveVersion(at(3))).isFalse();

        assertThat(model.hold().orElseThrow().since()).isEqualTo(at(2));
        assertThat(model.history()).hasSize(2);
    }

    @Test
    void aWinningRegistrationDuringAHoldIsStoredAndRecordedButDoesNotTakeOver() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));

        ModelVersion better = register(model, 0.01, 3);

        assertThat(better.isActive()).isFalse();
        assertThat(model.activeVersionId()).contains(held.id());
        assertThat(model.bestScore()).contains(better.performanceScore());
        assertThat(last(model).reason()).isEqualTo(ActivationReason.WOULD_HAVE_BECOME_ACTIVE);
        assertThat(last(model).versionId()).contains(better.id());
        assertThat(last(model).previousVersionId()).contains(held.id());
        assertThat(model.activeAt(at(4)).versionId()).contains(held.id());
        assertThat(model.hold().orElseThrow().releaseWinner()).isEqualTo(better.id());
    }

    @Test
    void aLosingRegistrationDuringAHoldIsNotRecorded() {
        Model model = aModel();
        register(model, 0.01, 1);
        model.holdActiveVersion(at(2));

        register(model, 0.05, 3);

        assertThat(reasons(model)).containsExactly(ActivationReason.REGISTERED, ActivationReason.HOLD_STARTED);
    }

    @Test
    void releasingMakesTheVersionThatWouldHaveBeenActiveActiveAndSaysSo() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        ModelVersion better = register(model, 0.03, 3);
        ModelVersion best = register(model, 0.01, 4);
        register(model, 0.01, 5); // a tie keeps the one that would have won first

        HoldRelease release = model.releaseHold(at(6));

        assertThat(release).isEqualTo(new HoldRelease(held.id(), best.id()));
        assertThat(release.changed()).isTrue();
        assertThat(model.activeVersionId()).contains(best.id());
        assertThat(model.hold()).isEmpty();
        assertThat(model.activeSince()).contains(at(6));
        assertThat(reasons(model)).containsExactly(ActivationReason.REGISTERED, ActivationReason.HOLD_STARTED,
                ActivationReason.WOULD_HAVE_BECOME_ACTIVE, ActivationReason.WOULD_HAVE_BECOME_ACTIVE,
                ActivationReason.HOLD_RELEASED, ActivationReason.RELEASE_REELECTED);
        assertThat(last(model).previousVersionId()).contains(held.id());
        assertThat(better.isActive()).isFalse();
    }

    @Test
    void releasingWithoutABetterRegistrationKeepsTheHeldVersion() {
        Model model = aModel();
        ModelVersion held = register(model, 0.01, 1);
        model.holdActiveVersion(at(2));
        register(model, 0.01, 3);

        HoldRelease release = model.releaseHold(at(4));

        assertThat(release.changed()).isFalse();
        assertThat(release.activeVersion()).isEqualTo(held.id());
        assertThat(model.activeSince()).contains(at(1));
        assertThat(last(model).reason()).isEqualTo(ActivationReason.HOLD_RELEASED);
    }

    @Test
    void releasingAModelThatIsNotHeldIsRefused() {
        Model model = aModel();
        register(model, 0.01, 1);

        assertThatThrownBy(() -> model.releaseHold(at(2))).isInstanceOf(HoldNotFoundException.class)
                .hasMessageContaining("telemanom_sensor_001 is not held");
    }

    @Test
    void aPromotionDuringAHoldKeepsTheHoldOnThePromotedVersion() {
        Model model = aModel();
        ModelVersion old = register(model, 0.09, 1);
        register(model, 0.05, 2);
        model.holdActiveVersion(at(3));
        register(model, 0.01, 4);

        assertThat(model.promote(old.id(), at(5))).isTrue();

        assertThat(model.activeVersionId()).contains(old.id());
        assertThat(model.hold()).contains(new Hold(old.id(), at(3), old.id()));
        assertThat(model.releaseHold(at(6)).changed()).as("without the hold the promoted version would be active").isFalse();
    }

    @Test
    void promotingTheHeldVersionWhileAnotherWouldTakeOverKeepsItOnRelease() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        register(model, 0.01, 3);

        assertThat(model.promote(held.id(), at(4))).isTrue();
        assertThat(model.promote(held.id(), at(5))).isFalse();

        assertThat(last(model).reason()).isEqualTo(ActivationReason.WOULD_HAVE_BECOME_ACTIVE);
        assertThat(last(model).versionId()).contains(held.id());
        assertThat(model.releaseHold(at(6)).activeVersion()).isEqualTo(held.id());
    }

    @Test
    void aForcedDeleteOfTheHeldVersionEndsTheHoldAndTheVersionThatWouldHaveBeenActiveTakesOver() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        ModelVersion waiting = register(model, 0.03, 3);
        register(model, 0.03, 4); // newer with the same score: a plain re-election would pick it

        model.deleteVersion(held.id(), true, at(5));

        assertThat(model.activeVersionId()).contains(waiting.id());
        assertThat(model.hold()).isEmpty();
        List<ActivationChange> history = model.history();
        assertThat(history.get(history.size() - 2).reason()).isEqualTo(ActivationReason.REELECTED);
        assertThat(last(model).reason()).isEqualTo(ActivationReason.HOLD_ENDED_WITH_VERSION);
        assertThat(last(model).versionId()).contains(held.id());
        assertThat(last(model).previousVersionId()).contains(waiting.id());
    }

    @Test
    void aForcedDeleteOfTheHeldVersionWithNoneWaitingReElectsTheBestRemaining() {
        Model model = aModel();
        ModelVersion first = register(model, 0.05, 1);
        ModelVersion best = register(model, 0.01, 2);
        model.promote(first.id(), at(3));
        model.holdActiveVersion(at(4));

        model.deleteVersion(first.id(), true, at(5));

        assertThat(model.activeVersionId()).contains(best.id());
        assertThat(model.hold()).isEmpty();
    }

    @Test
    void deletingTheLastVersionEndsTheHold() {
        Model model = aModel();
        ModelVersion only = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));

        model.deleteVersion(only.id(), true, at(3));

        assertThat(model.hold()).isEmpty();
        assertThat(reasons(model)).endsWith(ActivationReason.LAST_VERSION_DELETED, ActivationReason.HOLD_ENDED_WITH_VERSION);
        assertThat(last(model).previousVersionId()).isEmpty();
    }

    @Test
    void deletingTheVersionThatWouldHaveBeenActiveRecordsTheOneThatWouldBeInstead() {
        Model model = aModel();
        ModelVersion held = register(model, 0.09, 1);
        model.holdActiveVersion(at(2));
        ModelVersion second = register(model, 0.05, 3);
        ModelVersion best = register(model, 0.01, 4);

        model.deleteVersion(best.id(), false, at(5));

        assertThat(last(model).reason()).isEqualTo(ActivationReason.WOULD_HAVE_BECOME_ACTIVE);
        assertThat(last(model).versionId()).contains(second.id());
        assertThat(model.hold()).contains(new Hold(held.id(), at(2), second.id()));
    }

    @Test
    void aCleanupDuringAHoldKeepsTheVersionAReleaseWouldMakeActive() {
        Model model = aModel();
        ModelVersion held = register(model, 0.09, 1);
        model.holdActiveVersion(at(2));
        ModelVersion waiting = register(model, 0.01, 3);
        register(model, 0.05, 4);
        register(model, 0.05, 5);

        assertThat(model.retainNewest(1, at(6))).hasSize(1);

        assertThat(model.findVersion(waiting.id())).isPresent();
        assertThat(model.findVersion(held.id())).isPresent();
    }

    @Test
    void theHistoryReplaysToTheHoldAndNoActiveVersionChangeIsSeenDuringIt() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        ModelVersion waiting = register(model, 0.01, 3);

        assertThat(HoldReplay.of(model.history())).isEqualTo(model.hold());
        assertThat(model.activeAt(at(3)).versionId()).contains(held.id());
        model.releaseHold(at(4));
        assertThat(HoldReplay.of(model.history())).isEmpty();
        assertThat(model.activeAt(at(4)).versionId()).contains(waiting.id());
    }

    @Test
    void aRestoredModelKeepsItsHoldFromTheHistory() {
        Model original = aModel();
        register(original, 0.05, 1);
        original.holdActiveVersion(at(2));
        register(original, 0.01, 3);

        Model restored = restore(original, RestoringModelsTest.historyOf(original));

        assertThat(restored.hold()).isEqualTo(original.hold());
        assertThat(restored.releaseHold(at(4))).isEqualTo(original.releaseHold(at(4)));
    }

    @Test
    void aRestoredHistoryWithAHoldEntryOutsideAHoldIsRefused() {
        Model original = aModel();
        register(original, 0.05, 1);
        original.holdActiveVersion(at(2));
        original.releaseHold(at(3));
        List<RestoredActivation> history = new ArrayList<>(RestoringModelsTest.historyOf(original));
        history.remove(1); // HOLD_STARTED
        List<RestoredActivation> renumbered = new ArrayList<>();
        for (RestoredActivation entry : history) {
            renumbered.add(RestoredActivation.of(renumbered.size() + 1, entry.versionId(), entry.previousVersionId(),
                    entry.reason(), entry.score(), entry.previousScore(), entry.changedAt()));
        }

        assertThatThrownBy(() -> restore(original, renumbered)).isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("history entry #2 (HOLD_RELEASED) needs a hold");
    }

    private static Model restore(Model original, List<RestoredActivation> history) {
        return Model.restore(original.sensorId(), original.modelType(), original.createdAt(), original.updatedAt(),
                RestoringModelsTest.versionsOf(original), original.activeVersionId().orElse(null), history);
    }
}
