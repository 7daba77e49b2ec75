package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.AliasNotFoundException;
import dev.modelregistry.domain.ReservedAliasException;
import dev.modelregistry.domain.VersionNotFoundException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R13: named aliases of a model's versions besides the active one. */
class AliasesTest {

    private static final Alias CHALLENGER = Alias.of("challenger");
    private static final Alias SHADOW = Alias.of("shadow");

    @Test
    void anAliasNamesTheVersionItWasSetOnWithoutChangingTheActiveVersion() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion candidate = register(model, 0.1, 2);

        assertThat(model.assignAlias(CHALLENGER, candidate.id(), at(3))).isTrue();

        assertThat(model.versionByAlias(CHALLENGER)).contains(candidate.id());
        assertThat(model.activeVersionId()).contains(active.id());
        assertThat(model.aliases()).containsExactly(Map.entry(CHALLENGER, candidate.id()));
        assertThat(model.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void movingAnAliasIsOneStepAndLeavesItOnTheNewVersionOnly() {
        Model model = aModel();
        ModelVersion first = register(model, 0.01, 1);
        ModelVersion second = register(model, 0.1, 2);
        model.assignAlias(CHALLENGER, first.id(), at(3));

        assertThat(model.assignAlias(CHALLENGER, second.id(), at(4))).isTrue();

        assertThat(model.aliases()).containsExactly(Map.entry(CHALLENGER, second.id()));
    }

    @Test
    void settingAnAliasOnTheVersionItAlreadyNamesChangesNothing() {
        Model model = aModel();
        ModelVersion version = register(model, 0.01, 1);
        model.assignAlias(SHADOW, version.id(), at(2));

        assertThat(model.assignAlias(SHADOW, version.id(), at(3))).isFalse();
        assertThat(model.updatedAt()).isEqualTo(at(2));
    }

    @Test
    void oneVersionCanCarrySeveralAliasesAndTheyListInNameOrder() {
        Model model = aModel();
        ModelVersion version = register(model, 0.01, 1);
        model.assignAlias(SHADOW, version.id(), at(2));
        model.assignAlias(CHALLENGER, version.id(), at(3));

        assertThat(model.aliases().keySet()).containsExactly(CHALLENGER, SHADOW);
    }

    @Test
    void activeAlwaysNamesTheActiveVersionAndCanNeitherBeSetNorRemoved() {
        Model model = aModel();
        ModelVersion first = register(model, 0.05, 1);
        ModelVersion better = register(model, 0.01, 2);

        assertThat(model.versionByAlias(Alias.ACTIVE)).contains(better.id());
        assertThatThrownBy(() -> model.assignAlias(Alias.ACTIVE, first.id(), at(3)))
                .isInstanceOf(ReservedAliasException.class).hasMessageContaining("'active'")
                .hasMessageContaining("reserved").hasMessageContaining("promote");
        assertThatThrownBy(() -> model.removeAlias(Alias.ACTIVE, at(3))).isInstanceOf(ReservedAliasException.class);
        assertThat(model.activeVersionId()).contains(better.id());
        assertThat(model.aliases()).isEmpty();
    }

    @Test
    void aModelWithoutVersionsHasNoActiveAlias() {
        assertThat(aModel().versionByAlias(Alias.ACTIVE)).isEmpty();
    }

    @Test
    void anAliasOnAVersionThatIsNotThisModelsIsRefusedAndNothingChanges() {
        Model model = aModel();
        register(model, 0.01, 1);
        Model other = aModel("sensor_002", "telemanom");
        ModelVersion foreign = register(other, 0.01, 1);

        assertThatThrownBy(() -> model.assignAlias(CHALLENGER, foreign.id(), at(2)))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining(foreign.id().value());
        assertThat(model.aliases()).isEmpty();
    }

    @Test
    void removingAnAliasReturnsTheVersionItNamedAndForgetsIt() {
        Model model = aModel();
        ModelVersion version = register(model, 0.01, 1);
        model.assignAlias(CHALLENGER, version.id(), at(2));

        assertThat(model.removeAlias(CHALLENGER, at(3))).isEqualTo(version.id());

        assertThat(model.versionByAlias(CHALLENGER)).isEmpty();
        assertThat(model.versions()).containsExactly(version);
    }

    @Test
    void removingAnAliasTheModelDoesNotHaveIsRefusedNamingModelAndAlias() {
        Model model = aModel();
        register(model, 0.01, 1);

        assertThatThrownBy(() -> model.removeAlias(SHADOW, at(2))).isInstanceOf(AliasNotFoundException.class)
                .hasMessage("model telemanom_sensor_001 has no alias 'shadow'");
    }

    @Test
    void deletingAVersionRemovesItsAliasesAndKeepsTheOthers() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion doomed = register(model, 0.1, 2);
        model.assignAlias(CHALLENGER, doomed.id(), at(3));
        model.assignAlias(SHADOW, doomed.id(), at(3));
        model.assignAlias(Alias.of("last-known-good"), active.id(), at(3));

        model.deleteVersion(doomed.id(), false, at(4));

        assertThat(model.aliases()).containsExactly(Map.entry(Alias.of("last-known-good"), active.id()));
    }

    @Test
    void aForcedDeleteOfTheActiveVersionRemovesItsAliasesAndActiveFollowsTheReelection() {
        Model model = aModel();
        ModelVersion active = register(model, 0.01, 1);
        ModelVersion other = register(model, 0.1, 2);
        model.assignAlias(CHALLENGER, active.id(), at(3));

        model.deleteVersion(active.id(), true, at(4));

        assertThat(model.aliases()).isEmpty();
        assertThat(model.versionByAlias(Alias.ACTIVE)).contains(other.id());
    }

    @Test
    void aCleanupKeepsEveryAliasedVersion() {
        Model model = aModel();
        register(model, 0.01, 1); // stays active
        ModelVersion lastKnownGood = register(model, 0.1, 2);
        ModelVersion old = register(model, 0.1, 3);
        register(model, 0.1, 4);
        model.assignAlias(Alias.of("last-known-good"), lastKnownGood.id(), at(5));

        assertThat(model.retentionVictims(1)).containsExactly(old);
        model.retainNewest(1, at(6));

        assertThat(model.findVersion(lastKnownGood.id())).isPresent();
        assertThat(model.versionByAlias(Alias.of("last-known-good"))).contains(lastKnownGood.id());
    }
}
