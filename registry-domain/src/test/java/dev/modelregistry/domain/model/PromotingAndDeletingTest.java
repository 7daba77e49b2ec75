package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.ActiveVersionDeletionException;
import dev.modelregistry.domain.InvalidRetentionException;
import dev.modelregistry.domain.VersionNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R6 (promote), R7 (delete) and R9 (retention). */
class PromotingAndDeletingTest {

    @Test
    void anyVersionCanBePromotedAndThePreviousOneBecomesInactive() {
        Model model = aModel();
        ModelVersion weak = register(model, 0.1, 1);
        ModelVersion strong = register(model, 0.01, 2);

        boolean changed = model.promote(weak.id(), at(3));

        assertThat(changed).isTrue();
        assertThat(model.activeVersion()).contains(weak);
        assertThat(strong.isActive()).isFalse();
        assertThat(weak.isActive()).isTrue();
    }

    @Test
    void promotingTheActiveVersionChangesNothing() {
        Model model = aModel();
        ModelVersion only = register(model, 0.05, 1);

        assertThat(model.promote(only.id(), at(2))).isFalse();
        assertThat(model.history()).hasSize(1);
    }

    @Test
    void promotingAnUnknownVersionIsRefusedNamingIt() {
        Model model = aModel();
        register(model, 0.05, 1);

        assertThatThrownBy(() -> model.promote(VersionId.of("deadbeef0000"), at(2)))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining("deadbeef0000");
    }

    @Test
    void deletingAnInactiveVersionKeepsTheActiveOne() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion other = register(model, 0.1, 2);

        ModelVersion deleted = model.deleteVersion(other.id(), false, at(3));

        assertThat(deleted).isEqualTo(other);
        assertThat(model.versions()).containsExactly(active);
        assertThat(model.activeVersion()).contains(active);
    }

    @Test
    void deletingTheActiveVersionIsRefusedUnlessForced() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        register(model, 0.1, 2);

        assertThatThrownBy(() -> model.deleteVersion(active.id(), false, at(3)))
                .isInstanceOf(ActiveVersionDeletionException.class).hasMessageContaining(active.id().value());
        assertThat(model.versions()).hasSize(2);
        assertThat(model.activeVersion()).contains(active);
    }

    @Test
    void aForcedDeleteOfTheActiveVersionReelectsTheBestRemaining() {
        Model model = aModel();
        ModelVersion runnerUp = register(model, 0.05, 1);
        ModelVersion active = register(model, 0.01, 2);
        register(model, 0.1, 3);

        model.deleteVersion(active.id(), true, at(4));

        assertThat(model.activeVersion()).contains(runnerUp);
        assertThat(runnerUp.isActive()).isTrue();
        assertThat(model.history().get(model.history().size() - 1).reason()).isEqualTo(ActivationReason.REELECTED);
    }

    @Test
    void reelectionBreaksTiesInFavourOfTheNewestVersion() {
        Model model = aModel();
        register(model, 0.05, 1);
        ModelVersion newerTwin = register(model, 0.05, 2);
        ModelVersion champion = register(model, 0.01, 3);

        model.deleteVersion(champion.id(), true, at(4));

        assertThat(model.activeVersion()).contains(newerTwin);
    }

    @Test
    void forceDeletingTheOnlyVersionLeavesNoActiveVersion() {
        Model model = aModel();
        ModelVersion only = register(model, 0.05, 1);

        model.deleteVersion(only.id(), true, at(2));

        assertThat(model.versions()).isEmpty();
        assertThat(model.activeVersion()).isEmpty();
        assertThat(model.bestScore()).isEmpty();
        assertThat(model.history()).last().satisfies(change -> {
            assertThat(change.reason()).isEqualTo(ActivationReason.LAST_VERSION_DELETED);
            assertThat(change.versionId()).isEmpty();
            assertThat(change.previousVersionId()).contains(only.id());
        });
        assertThat(model.history()).extracting(ActivationChange::reason).doesNotContain(ActivationReason.REELECTED);
    }

    @Test
    void refusingToDeleteTheOnlyVersionSaysSoInsteadOfSuggestingAPromotion() {
        Model model = aModel();
        ModelVersion only = register(model, 0.05, 1);

        assertThatThrownBy(() -> model.deleteVersion(only.id(), false, at(2)))
                .isInstanceOfSatisfying(ActiveVersionDeletionException.class,
                        refused -> assertThat(refused.onlyVersion()).isTrue())
                .hasMessageContaining("only version").hasMessageContaining(model.id().value())
                .hasMessageNotContaining("promote");
        assertThat(model.versions()).containsExactly(only);
    }

    @Test
    void refusingToDeleteTheActiveOneOfSeveralVersionsSuggestsPromotingAnother() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        register(model, 0.1, 2);

        assertThatThrownBy(() -> model.deleteVersion(active.id(), false, at(3)))
                .isInstanceOfSatisfying(ActiveVersionDeletionException.class,
                        refused -> assertThat(refused.onlyVersion()).isFalse())
                .hasMessageContaining("promote another version first");
    }

    @Test
    void refusingToDeleteTheActiveVersionWhoseOthersAreArchivedSaysThatNoneCanBePromoted() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion archived = register(model, 0.1, 2);
        model.archive(archived.id(), false, null, at(3));

        assertThatThrownBy(() -> model.deleteVersion(active.id(), false, at(4)))
                .isInstanceOfSatisfying(ActiveVersionDeletionException.class,
                        refused -> assertThat(refused.onlyVersion()).isFalse())
                .hasMessageContaining("its other versions are archived")
                .hasMessageNotContaining("promote another version first");
    }

    @Test
    void aModelEmptiedByDeletesActivatesItsNextRegistration() {
        Model model = aModel();
        ModelVersion first = register(model, 0.01, 1);
        model.deleteVersion(first.id(), true, at(2));

        ModelVersion next = register(model, 0.1, 3);

        assertThat(model.activeVersion()).contains(next);
    }

    @Test
    void deletingTheBestVersionLowersTheBarForNewVersions() {
        Model model = aModel();
        register(model, 0.05, 1);
        ModelVersion best = register(model, 0.01, 2);
        model.promote(model.versions().get(0).id(), at(3));
        model.deleteVersion(best.id(), false, at(4));

        ModelVersion challenger = register(model, 0.04, 5);

        assertThat(model.activeVersion()).contains(challenger);
    }

    @Test
    void deletingAnUnknownVersionIsRefused() {
        Model model = aModel();

        assertThatThrownBy(() -> model.deleteVersion(VersionId.of("0000000000ab"), true, at(1)))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining("0000000000ab");
    }

    @Test
    void retentionKeepsTheNewestVersionsAndTheActiveOne() {
        Model model = aModel();
        ModelVersion champion = register(model, 0.01, 1);
        register(model, 0.05, 2);
        register(model, 0.06, 3);
        ModelVersion secondNewest = register(model, 0.07, 4);
        ModelVersion newest = register(model, 0.08, 5);

        List<ModelVersion> removed = model.retainNewest(2, at(6));

        assertThat(removed).hasSize(2);
        assertThat(model.versions()).containsExactlyInAnyOrder(champion, secondNewest, newest);
        assertThat(model.activeVersion()).contains(champion);
    }

    @Test
    void retentionOfMoreVersionsThanExistRemovesNothing() {
        Model model = aModel();
        register(model, 0.01, 1);

        assertThat(model.retainNewest(3, at(2))).isEmpty();
    }

    @Test
    void retentionBelowOneIsRefused() {
        Model model = aModel();

        assertThatThrownBy(() -> model.retainNewest(0, at(1)))
                .isInstanceOf(InvalidRetentionException.class).hasMessageContaining("0");
    }
}
