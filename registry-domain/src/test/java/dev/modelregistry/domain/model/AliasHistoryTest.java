package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R13 with R10: every alias change is a history entry beside the active version, and the history replays to the aliases. */
class AliasHistoryTest {

    private static final Alias CHALLENGER = Alias.of("challenger");
    private static final Alias SHADOW = Alias.of("shadow");

    private static List<ActivationChange> aliasEntries(Model model) {
        return model.history().stream().filter(entry -> entry.alias().isPresent()).toList();
    }

    @Test
    void settingAnAliasIsOneEntryNamingTheAliasItsVersionTheActiveOne() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion candidate = register(model, 0.1, 2);

        model.assignAlias(CHALLENGER, candidate.id(), at(3));

        ActivationChange entry = model.history().get(model.history().size() - 1);
        assertThat(entry.reason()).isEqualTo(ActivationReason.ALIAS_SET);
        assertThat(entry.reason().changesActiveVersion()).isFalse();
        assertThat(entry.alias()).contains(CHALLENGER);
        assertThat(entry.versionId()).contains(candidate.id());
        assertThat(entry.previousVersionId()).contains(active.id());
        assertThat(entry.changedAt()).isEqualTo(at(3));
        assertThat(model.activeAt(at(4)).versionId()).contains(active.id());
        assertThat(model.activeSince()).contains(at(1));
    }

    @Test
    void movingIsOneEntryAndSettingTheSameVersionAgainIsNone() {
        Model model = aModel();
        ModelVersion first = register(model, 0.01, 1);
        ModelVersion second = register(model, 0.1, 2);
        model.assignAlias(CHALLENGER, first.id(), at(3));
        int before = model.history().size();

        model.assignAlias(CHALLENGER, second.id(), at(4));
        model.assignAlias(CHALLENGER, second.id(), at(5));

        assertThat(model.history()).hasSize(before + 1);
        assertThat(aliasEntries(model)).extracting(ActivationChange::reason, entry -> entry.versionId().orElseThrow())
                .containsExactly(tuple(ActivationReason.ALIAS_SET, first.id()), tuple(ActivationReason.ALIAS_SET, second.id()));
    }

    @Test
    void removingAndDeletingRecordWhichVersionTheAliasNamed() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion doomed = register(model, 0.1, 2);
        model.assignAlias(SHADOW, doomed.id(), at(3));
        model.assignAlias(CHALLENGER, doomed.id(), at(3));
        model.removeAlias(SHADOW, at(4));

        model.deleteVersion(doomed.id(), false, at(5));

        assertThat(aliasEntries(model)).extracting(ActivationChange::reason, entry -> entry.alias().orElseThrow(),
                        entry -> entry.versionId().orElseThrow(), entry -> entry.previousVersionId().orElseThrow())
                .containsExactly(
                        tuple(ActivationReason.ALIAS_SET, SHADOW, doomed.id(), active.id()),
                        tuple(ActivationReason.ALIAS_SET, CHALLENGER, doomed.id(), active.id()),
                        tuple(ActivationReason.ALIAS_REMOVED, SHADOW, doomed.id(), active.id()),
                        tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION, CHALLENGER, doomed.id(), active.id()));
    }

    @Test
    void aForcedDeleteOfTheActiveVersionRecordsTheReelectionThenItsAliasesGoing() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion next = register(model, 0.1, 2);
        model.assignAlias(Alias.of("champion"), active.id(), at(3));

        model.deleteVersion(active.id(), true, at(4));

        List<ActivationChange> history = model.history();
        assertThat(history.subList(history.size() - 2, history.size()))
                .extracting(ActivationChange::reason, entry -> entry.versionId().orElseThrow(),
                        entry -> entry.previousVersionId().orElseThrow())
                .containsExactly(tuple(ActivationReason.REELECTED, next.id(), active.id()),
                        tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION, active.id(), next.id()));
        assertThat(model.activeAt(at(5)).versionId()).contains(next.id());
    }

    @Test
    void aCleanupRemovesNoAliasAndRecordsNothingForThem() {
        Model model = aModel();
        register(model, 0.01, 1);
        ModelVersion kept = register(model, 0.1, 2);
        register(model, 0.1, 3);
        register(model, 0.1, 4);
        model.assignAlias(Alias.of("last-known-good"), kept.id(), at(5));

        model.retainNewest(1, at(6));

        assertThat(aliasEntries(model)).extracting(ActivationChange::reason).containsExactly(ActivationReason.ALIAS_SET);
    }

    @Test
    void replayingTheHistoryYieldsTheAliases() {
        Model model = aModel();
        ModelVersion a = register(model, 0.01, 1);
        ModelVersion b = register(model, 0.1, 2);
        ModelVersion c = register(model, 0.1, 3);
        model.assignAlias(CHALLENGER, b.id(), at(4));
        model.assignAlias(SHADOW, c.id(), at(4));
        model.assignAlias(CHALLENGER, c.id(), at(5));
        model.assignAlias(Alias.of("last-known-good"), a.id(), at(5));
        model.deleteVersion(c.id(), false, at(6));

        assertThat(AliasReplay.of(model.history())).isEqualTo(model.aliases())
                .containsExactly(Map.entry(Alias.of("last-known-good"), a.id()));
    }

    /** What an export records of a model's history, aliases and notes included. */
    static List<RestoredActivation> historyWithAliases(Model model) {
        return model.history().stream().map(c -> RestoredActivation.of(c.sequenceNo(), c.versionId().orElse(null),
                c.previousVersionId().orElse(null), c.reason(), c.score().orElse(null), c.previousScore().orElse(null),
                c.changedAt(), c.alias().orElse(null), c.note().orElse(null))).toList();
    }

    @Test
    void aRestoredModelTakesItsAliasesFromItsHistory() {
        Model original = aModel();
        ModelVersion a = register(original, 0.01, 1);
        ModelVersion b = register(original, 0.1, 2);
        original.assignAlias(CHALLENGER, b.id(), at(3));
        original.assignAlias(SHADOW, a.id(), at(3));
        original.removeAlias(SHADOW, at(4));

        Model restored = Model.restore(original.sensorId(), original.modelType(), original.createdAt(),
                original.updatedAt(), RestoringModelsTest.versionsOf(original), a.id(), historyWithAliases(original));

        assertThat(restored.aliases()).isEqualTo(original.aliases()).containsExactly(Map.entry(CHALLENGER, b.id()));
        assertThat(restored.history()).extracting(ActivationChange::alias)
                .containsExactlyElementsOf(original.history().stream().map(ActivationChange::alias).toList());
    }

    @Test
    void aRestoredHistoryLeavingAnAliasOnAMissingVersionIsInconsistent() {
        Model original = aModel();
        ModelVersion a = register(original, 0.01, 1);
        ModelVersion b = register(original, 0.1, 2);
        original.assignAlias(CHALLENGER, b.id(), at(3));
        List<RestoredVersion> withoutB = RestoringModelsTest.versionsOf(original).stream()
                .filter(version -> !version.id().equals(b.id())).toList();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Model.restore(original.sensorId(), original.modelType(),
                        original.createdAt(), original.updatedAt(), withoutB, a.id(), historyWithAliases(original)))
                .isInstanceOf(dev.modelregistry.domain.InconsistentModelException.class)
                .hasMessageContaining("alias challenger").hasMessageContaining(b.id().value());
    }

    @Test
    void anAliasOnAnEntryThatChangesTheActiveVersionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestoredActivation.of(1, VersionId.of("v1"), null,
                        ActivationReason.REGISTERED, 0.5, null, at(1), CHALLENGER))
                .hasMessageContaining("history[1].alias").hasMessageContaining("REGISTERED");
    }
}
