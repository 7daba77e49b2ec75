package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.anImported;
import static dev.modelregistry.domain.model.Fixtures.at;
import static dev.modelregistry.domain.model.Fixtures.metricsWithAnomalyRate;
import static dev.modelregistry.domain.model.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.InvalidVersionDataException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R10 (history of the active version) and the legacy import path (M4). */
class ActivationHistoryTest {

    @Test
    void everyChangeOfTheActiveVersionIsRecordedWithReasonScoresAndTime() {
        Model model = aModel();
        ModelVersion first = register(model, 0.1, 1);
        ModelVersion second = register(model, 0.05, 2);
        register(model, 0.09, 3);
        model.promote(first.id(), at(4));

        assertThat(model.history()).extracting(ActivationChange::reason)
                .containsExactly(ActivationReason.REGISTERED, ActivationReason.REGISTERED, ActivationReason.PROMOTED);
        ActivationChange promotion = model.history().get(2);
        assertThat(promotion.versionId()).contains(first.id());
        assertThat(promotion.previousVersionId()).contains(second.id());
        assertThat(promotion.score()).contains(first.performanceScore());
        assertThat(promotion.previousScore()).contains(second.performanceScore());
        assertThat(promotion.changedAt()).isEqualTo(at(4));
        assertThat(model.history()).extracting(ActivationChange::sequenceNo).containsExactly(1, 2, 3);
    }

    @Test
    void theVersionActiveAtAnyInstantCanBeAsked() {
        Model model = aModel();
        ModelVersion first = register(model, 0.1, 10);
        ModelVersion second = register(model, 0.05, 20);
        model.promote(first.id(), at(30));

        assertThat(model.activeVersionAt(at(5))).isEmpty();
        assertThat(model.activeVersionAt(at(10))).contains(first.id());
        assertThat(model.activeVersionAt(at(19))).contains(first.id());
        assertThat(model.activeVersionAt(at(20))).contains(second.id());
        assertThat(model.activeVersionAt(at(29))).contains(second.id());
        assertThat(model.activeVersionAt(at(1000))).contains(first.id());
    }

    @Test
    void beforeTheMigrationTheActiveVersionIsUnknownAndTheAnswerSaysWhenTheMigrationHappened() {
        Model model = aModel();
        ImportedVersion legacy = anImported("aaaaaaaa", at(1), 0.9, aSpec(Map.of("mae", 0.1)));
        model.importVersions(List.of(legacy), VersionId.of("aaaaaaaa"), at(100));

        ActiveVersionAt before = model.activeAt(at(50));
        assertThat(before.kind()).isEqualTo(ActiveVersionAt.Kind.UNKNOWN_BEFORE_MIGRATION);
        assertThat(before.migratedAt()).contains(at(100));
        assertThat(before.versionId()).isEmpty();
        assertThat(model.activeAt(at(100))).isEqualTo(
                new ActiveVersionAt(ActiveVersionAt.Kind.ACTIVE, java.util.Optional.of(VersionId.of("aaaaaaaa")),
                        java.util.Optional.empty()));
    }

    @Test
    void beforeTheFirstRegistrationOfANativeModelNoVersionWasActive() {
        Model model = aModel();
        register(model, 0.1, 10);

        assertThat(model.activeAt(at(5)).kind()).isEqualTo(ActiveVersionAt.Kind.NONE);
        assertThat(model.activeAt(at(5)).migratedAt()).isEmpty();
    }

    @Test
    void afterTheLastVersionWasDeletedNoVersionIsActive() {
        Model model = aModel();
        ModelVersion only = register(model, 0.1, 10);
        model.deleteVersion(only.id(), true, at(20));

        assertThat(model.activeAt(at(15)).versionId()).contains(only.id());
        assertThat(model.activeAt(at(25)).kind()).isEqualTo(ActiveVersionAt.Kind.NONE);
    }

    @Test
    void importedVersionsKeepTheirRecordedFactsAndTheNamedActiveVersion() {
        Model model = aModel();
        ImportedVersion older = anImported("aaaaaaaa", at(1), 0.9, aSpec(Map.of("mae", 0.1)));
        ImportedVersion newer = anImported("bbbbbbbb", at(2), 0.2, aSpec(metricsWithAnomalyRate(0.05)));

        model.importVersions(List.of(older, newer), VersionId.of("bbbbbbbb"), at(100));

        assertThat(model.activeVersionId()).contains(VersionId.of("bbbbbbbb"));
        assertThat(model.findVersion(VersionId.of("aaaaaaaa")).orElseThrow().performanceScore()).isEqualTo(0.9);
        assertThat(model.findVersion(VersionId.of("aaaaaaaa")).orElseThrow().createdAt()).isEqualTo(at(1));
        assertThat(model.history()).singleElement().satisfies(change ->
                assertThat(change.reason()).isEqualTo(ActivationReason.MIGRATED));
    }

    @Test
    void anImportWhoseNamedActiveVersionIsMissingReelectsTheBest() {
        Model model = aModel();
        ImportedVersion weak = anImported("aaaaaaaa", at(1), 0.3, aSpec(Map.of()));
        ImportedVersion strong = anImported("bbbbbbbb", at(2), 0.7, aSpec(Map.of()));

        model.importVersions(List.of(weak, strong), VersionId.of("cccccccc"), at(100));

        assertThat(model.activeVersionId()).contains(VersionId.of("bbbbbbbb"));
        assertThat(model.history()).singleElement().satisfies(change ->
                assertThat(change.reason()).isEqualTo(ActivationReason.REELECTED));
    }

    @Test
    void importingAVersionIdTwiceIsRefused() {
        Model model = aModel();
        ImportedVersion version = anImported("aaaaaaaa", at(1), 0.3, aSpec(Map.of()));
        model.importVersions(List.of(version), VersionId.of("aaaaaaaa"), at(100));

        assertThatThrownBy(() -> model.importVersions(List.of(version), VersionId.of("aaaaaaaa"), at(101)))
                .isInstanceOf(DuplicateVersionException.class).hasMessageContaining("aaaaaaaa");
    }

    @Test
    void aNonFiniteRecordedScoreNeverEntersTheDomain() {
        assertThatThrownBy(() -> anImported("aaaaaaaa", at(1), Double.NaN, aSpec(Map.of())))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("performance_score");
    }
}
