package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static dev.modelregistry.domain.model.RestoringModelsTest.versionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ActiveVersionArchiveException;
import dev.modelregistry.domain.ArchivedVersionException;
import dev.modelregistry.domain.InconsistentModelException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R15: archiving a version keeps its record but takes it out of elections and aliases. */
class ArchivingVersionsTest {

    private static final Alias CHALLENGER = Alias.of("challenger");

    @Test
    void anArchivedVersionKeepsItsRowLineageAndHistoryAndIsRecordedArchived() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion old = register(model, 0.05, 2);

        assertThat(model.archive(old.id(), false, at(3))).isTrue();

        assertThat(model.findVersion(old.id())).contains(old);
        assertThat(old.isArchived()).isTrue();
        assertThat(old.archivedAt()).contains(at(3));
        assertThat(old.lineage()).isPresent();
        assertThat(model.activeVersionId()).contains(active.id());
        ActivationChange last = model.history().get(model.history().size() - 1);
        assertThat(last.reason()).isEqualTo(ActivationReason.ARCHIVED);
        assertThat(last.reason().changesActiveVersion()).isFalse();
        assertThat(last.versionId()).contains(old.id());
        assertThat(last.previousVersionId()).contains(active.id());
        assertThat(model.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void archivingAnArchivedVersionAgainChangesNothing() {
        Model model = aModel();
        register(model, 0.01, 1);
        ModelVersion old = register(model, 0.05, 2);
        model.archive(old.id(), false, at(3));

        assertThat(model.archive(old.id(), false, at(4))).isFalse();

        assertThat(old.archivedAt()).contains(at(3));
        assertThat(model.history()).hasSize(2);
    }

    @Test
    void aRegistrationIsComparedWithTheBestScoreOfTheVersionsThatAreNotArchived() {
        Model model = aModel();
        ModelVersion best = register(model, 0.01, 1);
        ModelVersion middle = register(model, 0.05, 2);
        model.promote(middle.id(), at(3));
        model.archive(best.id(), false, at(4));

        ModelVersion better = register(model, 0.03, 5);

        assertThat(model.bestScore()).contains(better.performanceScore());
        assertThat(better.isActive()).as("it beats every version in elections, not the archived best").isTrue();
    }

    @Test
    void theActiveVersionIsArchivedOnlyWhenForcedAndTheBestOtherVersionInElectionsTakesOver() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion archived = register(model, 0.02, 2);
        ModelVersion weaker = register(model, 0.09, 3);
        model.archive(archived.id(), false, at(4));

        assertThatThrownBy(() -> model.archive(active.id(), false, at(5)))
                .isInstanceOf(ActiveVersionArchiveException.class)
                .hasMessageContaining("version " + active.id() + " is the active version of model " + model.id().value())
                .hasMessageContaining("force the archive");
        assertThat(active.isArchived()).isFalse();

        assertThat(model.archive(active.id(), true, at(5))).isTrue();

        assertThat(model.activeVersionId()).as("the archived better version takes no part").contains(weaker.id());
        List<ActivationChange> history = model.history();
        assertThat(history.subList(history.size() - 2, history.size()))
                .extracting(ActivationChange::reason, ActivationChange::versionId, ActivationChange::previousVersionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ActivationReason.REELECTED, java.util.Optional.of(weaker.id()),
                                java.util.Optional.of(active.id())),
                        org.assertj.core.groups.Tuple.tuple(ActivationReason.ARCHIVED, java.util.Optional.of(active.id()),
                                java.util.Optional.of(weaker.id())));
    }

    @Test
    void theLastVersionInElectionsCannotBeArchivedEvenWhenForced() {
        Model model = aModel();
        ModelVersion only = register(model, 0.01, 1);

        assertThatThrownBy(() -> model.archive(only.id(), true, at(2)))
                .isInstanceOf(ActiveVersionArchiveException.class)
                .hasMessageContaining("no other version of it is in elections")
                .satisfies(e -> assertThat(((ActiveVersionArchiveException) e).lastInElections()).isTrue());
        assertThat(model.activeVersionId()).contains(only.id());
        assertThat(model.history()).hasSize(1);
    }

    @Test
    void anArchivedVersionCannotBePromotedNorNamedByAnAlias() {
        Model model = aModel();
        register(model, 0.01, 1);
        ModelVersion old = register(model, 0.05, 2);
        model.archive(old.id(), false, at(3));

        assertThatThrownBy(() -> model.promote(old.id(), at(4)))
                .isInstanceOf(ArchivedVersionException.class)
                .hasMessage("version " + old.id() + " of model " + model.id().value()
                        + " is archived: it cannot be promoted (unarchive it first)");
        assertThatThrownBy(() -> model.assignAlias(CHALLENGER, old.id(), at(4)))
                .isInstanceOf(ArchivedVersionException.class)
                .hasMessageContaining("it cannot be named by alias challenger");
        assertThat(model.aliases()).isEmpty();
    }

    @Test
    void archivingAVersionRemovesItsAliasesAndRecordsEachAfterTheArchive() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion candidate = register(model, 0.05, 2);
        model.assignAlias(CHALLENGER, candidate.id(), at(3));

        model.archive(candidate.id(), false, at(4));

        assertThat(model.aliases()).isEmpty();
        assertThat(model.history()).extracting(ActivationChange::reason).endsWith(
                ActivationReason.ARCHIVED, ActivationReason.ALIAS_REMOVED_WITH_VERSION);
        ActivationChange removal = model.history().get(model.history().size() - 1);
        assertThat(removal.alias()).contains(CHALLENGER);
        assertThat(removal.versionId()).contains(candidate.id());
        assertThat(removal.previousVersionId()).contains(active.id());
        assertThat(AliasReplay.of(model.history())).isEmpty();
    }

    @Test
    void everyEntryAnArchiveRecordsCarriesItsNote() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        register(model, 0.05, 2);
        model.assignAlias(CHALLENGER, active.id(), at(3));
        ChangeNote note = ChangeNote.by("ops-oncall").because("superseded").referencing("INC-42");

        model.archive(active.id(), true, note, at(4));

        List<ActivationChange> history = model.history();
        assertThat(history.subList(history.size() - 3, history.size()))
                .extracting(ActivationChange::reason, ActivationChange::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ActivationReason.REELECTED, java.util.Optional.of(note)),
                        org.assertj.core.groups.Tuple.tuple(ActivationReason.ARCHIVED, java.util.Optional.of(note)),
                        org.assertj.core.groups.Tuple.tuple(ActivationReason.ALIAS_REMOVED_WITH_VERSION,
                                java.util.Optional.of(note)));
        model.unarchive(active.id(), note, at(5));
        assertThat(model.history().get(model.history().size() - 1).note()).contains(note);
    }

    @Test
    void aForcedArchiveOfTheHeldVersionEndsTheHoldLikeItsForcedDelete() {
        Model model = aModel();
        ModelVersion held = register(model, 0.05, 1);
        model.holdActiveVersion(at(2));
        ModelVersion waiting = register(model, 0.01, 3);

        model.archive(held.id(), true, at(4));

        assertThat(model.activeVersionId()).as("the version a release would have made active").contains(waiting.id());
        assertThat(model.hold()).isEmpty();
        assertThat(model.history()).extracting(ActivationChange::reason).endsWith(ActivationReason.REELECTED,
                ActivationReason.HOLD_ENDED_WITH_VERSION, ActivationReason.ARCHIVED);
        assertThat(HoldReplay.of(model.history())).isEmpty();
    }

    @Test
    void archivingTheVersionAReleaseWouldMakeActiveRecordsTheOneInItsPlace() {
        Model model = aModel();
        ModelVersion held = register(model, 0.09, 1);
        model.holdActiveVersion(at(2));
        ModelVersion second = register(model, 0.05, 3);
        ModelVersion waiting = register(model, 0.01, 4);

        model.archive(waiting.id(), false, at(5));

        assertThat(model.activeVersionId()).contains(held.id());
        assertThat(model.hold().map(Hold::releaseWinner)).contains(second.id());
        assertThat(model.releaseHold(at(6)).activeVersion()).isEqualTo(second.id());
        assertThat(model.activeVersionId()).contains(second.id());
    }

    @Test
    void aForcedDeleteReElectsAmongTheVersionsThatAreNotArchived() {
        Model model = aModel();
        ModelVersion active = register(model, 0.02, 1);
        ModelVersion archived = register(model, 0.01, 2);
        ModelVersion weaker = register(model, 0.09, 3);
        model.promote(active.id(), at(4));
        model.archive(archived.id(), false, at(5));

        model.deleteVersion(active.id(), true, at(6));

        assertThat(model.activeVersionId()).contains(weaker.id());
    }

    @Test
    void aForcedDeleteOfTheLastVersionInElectionsLeavesTheArchivedOnesAndNoActiveVersion() {
        Model model = aModel();
        ModelVersion archived = register(model, 0.05, 1);
        ModelVersion active = register(model, 0.01, 2);
        model.archive(archived.id(), false, at(3));

        model.deleteVersion(active.id(), true, at(4));

        assertThat(model.versions()).containsExactly(archived);
        assertThat(model.activeVersionId()).isEmpty();
        assertThat(model.bestScore()).isEmpty();
        assertThat(model.history().get(model.history().size() - 1).reason())
                .isEqualTo(ActivationReason.LAST_VERSION_DELETED);

        ModelVersion next = register(model, 0.09, 5);
        assertThat(next.isActive()).as("the first version in elections becomes active").isTrue();
    }

    @Test
    void unarchivingPutsTheVersionBackIntoElectionsWithoutTakingOver() {
        Model model = aModel();
        ModelVersion best = register(model, 0.01, 1);
        ModelVersion active = register(model, 0.05, 2);
        model.promote(active.id(), at(3));
        model.archive(best.id(), false, at(4));

        assertThat(model.unarchive(best.id(), at(5))).isTrue();

        assertThat(best.isArchived()).isFalse();
        assertThat(model.activeVersionId()).contains(active.id());
        assertThat(model.bestScore()).contains(best.performanceScore());
        assertThat(model.history().get(model.history().size() - 1).reason()).isEqualTo(ActivationReason.UNARCHIVED);
        assertThat(model.unarchive(best.id(), at(6))).isFalse();
        assertThat(model.promote(best.id(), at(7))).isTrue();
    }

    @Test
    void unarchivingAVersionOfAModelWithoutAnActiveVersionMakesItActive() {
        Model model = aModel();
        ModelVersion archived = register(model, 0.05, 1);
        ModelVersion active = register(model, 0.01, 2);
        model.archive(archived.id(), false, at(3));
        model.deleteVersion(active.id(), true, at(4));

        model.unarchive(archived.id(), at(5));

        assertThat(model.activeVersionId()).contains(archived.id());
        assertThat(model.history()).extracting(ActivationChange::reason).endsWith(
                ActivationReason.UNARCHIVED, ActivationReason.REELECTED);
    }

    @Test
    void anArchivingCleanupArchivesWhatADeletingOneWouldDeleteAndKeepsTheActiveAndAliasedVersions() {
        Model model = aModel();
        ModelVersion oldest = register(model, 0.09, 1);
        ModelVersion active = register(model, 0.01, 2);
        ModelVersion aliased = register(model, 0.08, 3);
        ModelVersion older = register(model, 0.07, 4);
        ModelVersion newest = register(model, 0.06, 5);
        model.assignAlias(CHALLENGER, aliased.id(), at(6));
        List<ModelVersion> victims = model.retentionVictims(1);

        List<ModelVersion> archived = model.archiveAllButNewest(1, null, at(7));

        assertThat(archived).containsExactlyElementsOf(victims).containsExactly(older, oldest);
        assertThat(model.versions()).hasSize(5);
        assertThat(model.versions()).filteredOn(ModelVersion::isArchived).containsExactlyInAnyOrder(older, oldest);
        assertThat(active.isArchived() || aliased.isArchived() || newest.isArchived()).isFalse();
        assertThat(model.archiveAllButNewest(1, null, at(8))).as("the archived ones are not archived twice").isEmpty();
        assertThat(ArchiveReplay.of(model.history())).isEqualTo(Map.of(older.id(), at(7), oldest.id(), at(7)));
    }

    @Test
    void aRestoredModelKeepsItsArchivedVersionsAndTheirTimes() {
        Model original = aModel();
        register(original, 0.01, 1);
        ModelVersion old = register(original, 0.05, 2);
        original.archive(old.id(), false, at(3));

        Model restored = RestoringModelsTest.restore(original, versionsOf(original),
                original.activeVersionId().orElseThrow(), RestoringModelsTest.historyOf(original));

        assertThat(restored.findVersion(old.id()).orElseThrow().archivedAt()).contains(at(3));
        assertThat(restored.bestScore()).isEqualTo(original.bestScore());
    }

    @Test
    void aRestoredArchivedFlagThatTheHistoryDoesNotRecordIsRefused() {
        Model original = aModel();
        register(original, 0.01, 1);
        ModelVersion other = register(original, 0.05, 2);
        List<RestoredVersion> versions = versionsOf(original).stream().map(v -> v.id().equals(other.id())
                ? RestoredVersion.of(v.id(), v.createdAt(), v.performanceScore(), v.active(), v.dataHash(), v.spec(),
                        v.lineageRecordedAt(), at(3)) : v).toList();

        assertThatThrownBy(() -> RestoringModelsTest.restore(original, versions,
                original.activeVersionId().orElseThrow(), RestoringModelsTest.historyOf(original)))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("version " + other.id() + " is archived at " + at(3)
                        + " but its history does not archive it");
    }

    @Test
    void aRestoredVersionTheHistoryArchivesButThatIsNotFlaggedArchivedIsRefused() {
        Model original = aModel();
        register(original, 0.01, 1);
        ModelVersion old = register(original, 0.05, 2);
        original.archive(old.id(), false, at(3));
        List<RestoredVersion> unarchived = versionsOf(original).stream().map(v -> RestoredVersion.of(v.id(),
                v.createdAt(), v.performanceScore(), v.active(), v.dataHash(), v.spec(), v.lineageRecordedAt())).toList();

        assertThatThrownBy(() -> RestoringModelsTest.restore(original, unarchived,
                original.activeVersionId().orElseThrow(), RestoringModelsTest.historyOf(original)))
                .isInstanceOf(InconsistentModelException.class)
                .hasMessageContaining("version " + old.id() + " is not archived but its history archives it at " + at(3));
    }
}
