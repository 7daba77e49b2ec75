package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who and why: every history entry of a change made by hand carries the note it was made with. */
class ChangeNoteHistoryTest {

    private static final ChangeNote ROLLBACK = ChangeNote.by("ops-oncall").because("rollback after incident 42")
            .referencing("INC-42");
    private static final Alias CHALLENGER = Alias.of("challenger");

    private static ActivationChange last(Model model) {
        return model.history().get(model.history().size() - 1);
    }

    @Test
    void aPromotionRecordsItsNote() {
        Model model = aModel();
        ModelVersion older = register(model, 0.1, 1);
        register(model, 0.01, 2);

        assertThat(model.promote(older.id(), ROLLBACK, at(3))).isTrue();

        assertThat(last(model).reason()).isEqualTo(ActivationReason.PROMOTED);
        assertThat(last(model).note()).contains(ROLLBACK);
    }

    @Test
    void aPromotionOfTheActiveVersionRecordsNothingAndKeepsNoNote() {
        Model model = aModel();
        ModelVersion active = register(model, 0.1, 1);
        int before = model.history().size();

        assertThat(model.promote(active.id(), ROLLBACK, at(2))).isFalse();

        assertThat(model.history()).hasSize(before).allSatisfy(entry -> assertThat(entry.note()).isEmpty());
    }

    @Test
    void changesWithoutANoteAndRegistrationsCarryNone() {
        Model model = aModel();
        ModelVersion first = register(model, 0.1, 1);
        ModelVersion second = register(model, 0.01, 2);
        model.promote(first.id(), at(3));
        model.assignAlias(CHALLENGER, second.id(), at(4));
        model.removeAlias(CHALLENGER, at(5));
        model.deleteVersion(first.id(), true, at(6));

        assertThat(model.history()).extracting(ActivationChange::note).containsOnly(Optional.empty());
    }

    @Test
    void settingAndRemovingAnAliasRecordTheirNotes() {
        Model model = aModel();
        register(model, 0.1, 1);
        ModelVersion candidate = register(model, 0.2, 2);
        ChangeNote set = ChangeNote.by("ml-team").because("A/B test starts");
        ChangeNote removed = ChangeNote.by("ml-team").referencing("EXP-7");

        model.assignAlias(CHALLENGER, candidate.id(), set, at(3));
        model.removeAlias(CHALLENGER, removed, at(4));

        assertThat(model.history().subList(model.history().size() - 2, model.history().size()))
                .extracting(ActivationChange::reason, entry -> entry.note().orElseThrow())
                .containsExactly(tuple(ActivationReason.ALIAS_SET, set), tuple(ActivationReason.ALIAS_REMOVED, removed));
    }

    @Test
    void everyEntryAForcedDeleteRecordsCarriesItsNote() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        register(model, 0.1, 2);
        model.assignAlias(CHALLENGER, active.id(), at(3));
        model.assignAlias(Alias.of("shadow"), active.id(), at(3));
        int before = model.history().size();

        model.deleteVersion(active.id(), true, ROLLBACK, at(4));

        assertThat(model.history().subList(before, model.history().size()))
                .extracting(ActivationChange::reason, entry -> entry.note().orElseThrow())
                .containsExactlyInAnyOrder(tuple(ActivationReason.REELECTED, ROLLBACK),
                        tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION, ROLLBACK),
                        tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION, ROLLBACK));
    }

    @Test
    void deletingTheLastVersionRecordsTheNoteOnTheLastVersionEntry() {
        Model model = aModel();
        ModelVersion only = register(model, 0.01, 1);

        model.deleteVersion(only.id(), true, ROLLBACK, at(2));

        assertThat(last(model).reason()).isEqualTo(ActivationReason.LAST_VERSION_DELETED);
        assertThat(last(model).note()).contains(ROLLBACK);
    }

    @Test
    void aRestoredModelKeepsEveryNoteOfItsHistory() {
        Model original = aModel();
        ModelVersion a = register(original, 0.01, 1);
        ModelVersion b = register(original, 0.1, 2);
        original.promote(b.id(), ROLLBACK, at(3));
        original.assignAlias(CHALLENGER, a.id(), ChangeNote.by("ml-team"), at(4));

        Model restored = Model.restore(original.sensorId(), original.modelType(), original.createdAt(),
                original.updatedAt(), RestoringModelsTest.versionsOf(original), b.id(),
                AliasHistoryTest.historyWithAliases(original));

        List<Optional<ChangeNote>> notes = original.history().stream().map(ActivationChange::note).toList();
        assertThat(restored.history()).extracting(ActivationChange::note).containsExactlyElementsOf(notes)
                .contains(Optional.of(ROLLBACK), Optional.of(ChangeNote.by("ml-team")));
    }
}
