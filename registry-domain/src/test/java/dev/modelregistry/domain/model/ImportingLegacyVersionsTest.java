package dev.modelregistry.domain.model;

import static dev.modelregistry.domain.model.Fixtures.aModel;
import static dev.modelregistry.domain.model.Fixtures.aSpec;
import static dev.modelregistry.domain.model.Fixtures.anImported;
import static dev.modelregistry.domain.model.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.DuplicateVersionException;
import dev.modelregistry.domain.InvalidIdentifierException;
import dev.modelregistry.domain.InvalidVersionDataException;
import dev.modelregistry.domain.RegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one way legacy data enters the domain (ImportedVersion.of), the preview, and re-election among equals. */
class ImportingLegacyVersionsTest {

    private static RecordedVersion recorded(String sensor, String type, String version, double score) {
        return new RecordedVersion(sensor, type, version, at(1), score, "data/models/" + type + "/" + sensor,
                Map.of(), Map.of(), Map.of("validation_performed", true), 10, 1.5, "3f2a9c1d", "md5", "d", List.of("t"));
    }

    @Test
    void aSensorIdWithATrailingSpaceIsRefusedWhereLegacyDataEntersNotLaterInTheImport() {
        assertThatThrownBy(() -> ImportedVersion.of(recorded("SMAP-PWR-001 ", "transformer", "7f282096", 0.5)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("sensor_id").hasMessageContaining("white space");
    }

    @Test
    void theFactoryRefusesANonFiniteScoreABadVersionIdAndABadModelType() {
        assertThatThrownBy(() -> ImportedVersion.of(recorded("S1", "transformer", "7f282096", Double.POSITIVE_INFINITY)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("performance_score");
        assertThatThrownBy(() -> ImportedVersion.of(recorded("S1", "transformer", "../etc", 0.5)))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("version_id");
        assertThatThrownBy(() -> ImportedVersion.of(recorded("S1", "trans\u0000former", "7f282096", 0.5)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("model_type");
    }

    @Test
    void whatTheFactoryAcceptsTheAggregateImports() {
        ImportedVersion version = ImportedVersion.of(recorded("sensor_001", "telemanom", "7f282096", 0.5));
        Model model = aModel();

        model.importVersions(List.of(version), version.id(), at(100));

        assertThat(model.activeVersionId()).contains(version.id());
        assertThat(version.validated()).isTrue();
    }

    @Test
    void aVersionOfAnotherModelIsRefusedByTheAggregate() {
        ImportedVersion foreign = ImportedVersion.of(recorded("other", "telemanom", "7f282096", 0.5));

        assertThatThrownBy(() -> aModel().importVersions(List.of(foreign), foreign.id(), at(100)))
                .isInstanceOf(InvalidVersionDataException.class).hasMessageContaining("telemanom_other");
    }

    @Test
    void thePreviewAnnouncesExactlyWhatTheImportDoesAndChangesNothing() {
        Model model = aModel();
        List<ImportedVersion> versions = List.of(anImported("aaaaaaaa", at(1), 0.3, aSpec(Map.of())),
                anImported("bbbbbbbb", at(2), 0.7, aSpec(Map.of())));

        ImportPreview preview = model.previewImport(versions, VersionId.of("missing1"));

        assertThat(model.versions()).isEmpty();
        assertThat(model.history()).isEmpty();
        assertThat(model.importVersions(versions, VersionId.of("missing1"), at(100))).isEqualTo(preview);
        assertThat(preview.added()).isEqualTo(2);
        assertThat(preview.activeAfter()).contains(VersionId.of("bbbbbbbb"));
        assertThat(preview.reelects()).isTrue();
    }

    @Test
    void thePreviewRefusesWhatTheImportRefuses() {
        Model model = aModel();
        ImportedVersion version = anImported("aaaaaaaa", at(1), 0.3, aSpec(Map.of()));
        model.importVersions(List.of(version), version.id(), at(100));

        assertThatThrownBy(() -> model.previewImport(List.of(version), version.id()))
                .isInstanceOf(DuplicateVersionException.class);
    }

    @Test
    void reelectionAmongEqualScoresAndTimesGoesToTheGreatestVersionIdWhateverTheOrder() {
        ImportedVersion low = anImported("aaaaaaaa", at(5), 0.5, aSpec(Map.of()));
        ImportedVersion high = anImported("bbbbbbbb", at(5), 0.5, aSpec(Map.of()));

        Model forward = aModel();
        forward.importVersions(List.of(low, high), null, at(100));
        Model backward = aModel();
        backward.importVersions(List.of(high, low), null, at(100));

        assertThat(forward.activeVersionId()).contains(high.id());
        assertThat(backward.activeVersionId()).contains(high.id());
    }

    @Test
    void reelectionPrefersTheHigherScoreThenTheNewer() {
        Model model = aModel();
        model.importVersions(List.of(anImported("cccccccc", at(1), 0.9, aSpec(Map.of())),
                anImported("aaaaaaaa", at(9), 0.5, aSpec(Map.of())),
                anImported("dddddddd", at(2), 0.9, aSpec(Map.of()))), VersionId.of("aaaaaaaa"), at(100));

        model.deleteVersion(VersionId.of("aaaaaaaa"), true, at(200));

        assertThat(model.activeVersionId()).contains(VersionId.of("dddddddd"));
    }
}
